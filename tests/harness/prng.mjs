// A tiny seeded pseudo-random generator (the public-domain mulberry32 algorithm) so a fault run is
// reproducible: the same seed draws the same sequence of faults, which turns a flaky failure into a
// replayable one. Math.random cannot be seeded, hence this.

/**
 * Returns a function that yields numbers in [0, 1), deterministic for a given 32-bit seed.
 * @param {number} seed any number; only its low 32 bits matter
 * @returns {() => number}
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
