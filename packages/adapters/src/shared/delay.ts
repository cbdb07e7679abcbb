/** Resolves after `ms` milliseconds; at once (next macrotask not needed) when `ms` is 0. */
export function delay(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}
