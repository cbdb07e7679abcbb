/**
 * A binary min-heap of non-negative integers. Kahn's algorithm uses it to always take the ready task
 * that came first in the input, which keeps topological orders stable.
 */
export class IndexHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const items = this.items;
    items.push(value);
    let child = items.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (items[parent]! <= value) break;
      items[child] = items[parent]!;
      child = parent;
    }
    items[child] = value;
  }

  /** Removes and returns the smallest value; `undefined` when empty. */
  pop(): number | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const smallest = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      let parent = 0;
      for (;;) {
        const left = 2 * parent + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && items[right]! < items[left]! ? right : left;
        if (items[child]! >= last) break;
        items[parent] = items[child]!;
        parent = child;
      }
      items[parent] = last;
    }
    return smallest;
  }
}
