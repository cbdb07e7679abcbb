/**
 * A seeded pseudo-random source for the data generator. `Math.random` cannot be seeded, and the
 * generator promises byte-identical output for the same seed, so every random choice goes through here.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** Up to `count` distinct elements of `items`, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A shuffled copy of `items`. */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * The mulberry32 generator: 32 bits of state, fast, and good enough for test data (not for secrets).
 * Returns floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An `Rng` over mulberry32 seeded with `seed`. */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const swap = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = swap;
    }
    return copy;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick() needs at least one item.');
      return items[Math.floor(next() * items.length)] as T;
    },
    sample: <T>(items: readonly T[], count: number): T[] => {
      const wanted = Math.min(Math.max(0, count), items.length);
      // Shuffling a long list to take two of it would dominate generation time at 100k tasks.
      if (wanted * 4 > items.length) return shuffle(items).slice(0, wanted);
      const chosen = new Set<number>();
      while (chosen.size < wanted) chosen.add(Math.floor(next() * items.length));
      return [...chosen].map((index) => items[index] as T);
    },
    shuffle,
  };
}
