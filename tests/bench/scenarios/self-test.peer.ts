/** The other tab of the harness self-check. */

/** Returns its argument and this page's reading of the shared clock. */
export function echo(value: number): { echo: number; at: number } {
  return { echo: value, at: performance.timeOrigin + performance.now() };
}
