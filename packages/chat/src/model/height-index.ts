/**
 * Heights of a list's rows, measured where they were rendered and estimated elsewhere, with the
 * prefix sums a virtual list needs: where row i starts and which row is at a given offset. A
 * Fenwick tree keeps both at O(log n) per question and per changed height, so measuring the rows of
 * a window in a 10,000-row thread costs what the window costs.
 */
export class HeightIndex {
  private tree: Float64Array;
  private heights: Float64Array;
  private keys: readonly string[] = [];
  private positions = new Map<string, number>();
  /** Measured heights by row key: they survive rebuilds, so a row measured once is never estimated again. */
  private readonly measured = new Map<string, number>();

  constructor(private estimate: (key: string) => number) {
    this.tree = new Float64Array(1);
    this.heights = new Float64Array(0);
  }

  /** Number of rows. */
  get size(): number {
    return this.keys.length;
  }

  /** Sum of all heights. */
  get total(): number {
    return this.offsetOf(this.keys.length);
  }

  /** Replaces the rows (in order), keeping what was measured of the rows that stay. */
  reset(keys: readonly string[]): void {
    this.keys = keys;
    this.positions = new Map(keys.map((key, index) => [key, index]));
    const size = keys.length;
    this.heights = new Float64Array(size);
    this.tree = new Float64Array(size + 1);
    for (let index = 0; index < size; index++) {
      const key = keys[index]!;
      this.heights[index] = this.measured.get(key) ?? this.estimate(key);
      this.tree[index + 1] = this.heights[index]!;
    }
    // Linear-time build: each node hands its sum to its parent.
    for (let node = 1; node <= size; node++) {
      const parent = node + (node & -node);
      if (parent <= size) this.tree[parent]! += this.tree[node]!;
    }
  }

  /** Adds rows at the end (new messages): cheaper than `reset`, no row before them changes. */
  append(keys: readonly string[]): void {
    if (keys.length === 0) return;
    const start = this.keys.length;
    this.keys = [...this.keys, ...keys];
    const size = this.keys.length;
    const heights = new Float64Array(size);
    heights.set(this.heights);
    for (let index = start; index < size; index++) {
      const key = this.keys[index]!;
      this.positions.set(key, index);
      heights[index] = this.measured.get(key) ?? this.estimate(key);
    }
    this.heights = heights;
    this.tree = new Float64Array(size + 1);
    for (let index = 0; index < size; index++) this.tree[index + 1] = heights[index]!;
    for (let node = 1; node <= size; node++) {
      const parent = node + (node & -node);
      if (parent <= size) this.tree[parent]! += this.tree[node]!;
    }
  }

  /** The index of a row key, or -1. */
  indexOf(key: string): number {
    return this.positions.get(key) ?? -1;
  }

  /** The key of row `index`. */
  keyAt(index: number): string | undefined {
    return this.keys[index];
  }

  /** The height of row `index`. */
  heightAt(index: number): number {
    return this.heights[index] ?? 0;
  }

  /** Records a measured height; true when it differed from what the index assumed. */
  measure(key: string, height: number): boolean {
    this.measured.set(key, height);
    const index = this.indexOf(key);
    if (index < 0) return false;
    const delta = height - this.heights[index]!;
    if (Math.abs(delta) < 0.5) return false;
    this.heights[index] = height;
    for (let node = index + 1; node < this.tree.length; node += node & -node) this.tree[node]! += delta;
    return true;
  }

  /** Where row `index` starts: the sum of the heights before it. */
  offsetOf(index: number): number {
    let sum = 0;
    for (let node = Math.min(index, this.keys.length); node > 0; node -= node & -node) sum += this.tree[node]!;
    return sum;
  }

  /** The row covering `offset` (clamped to the rows there are; 0 for an empty list). */
  indexAt(offset: number): number {
    const size = this.keys.length;
    if (size === 0 || offset <= 0) return 0;
    // Descend the tree: find the largest prefix whose sum stays <= offset.
    let position = 0;
    let remaining = offset;
    let step = 1;
    while (step * 2 <= size) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = position + step;
      if (next <= size && this.tree[next]! <= remaining) {
        position = next;
        remaining -= this.tree[next]!;
      }
    }
    return Math.min(position, size - 1);
  }
}
