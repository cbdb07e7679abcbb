/**
 * The option that becomes active after an arrow key in a listbox of `count` options: wraps around at
 * both ends, and the first Down (or Up) from "none active" (-1) lands on the first (or last) option.
 */
export function moveActiveOption(active: number, delta: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (active < 0) return delta === 1 ? 0 : count - 1;
  return (active + delta + count) % count;
}
