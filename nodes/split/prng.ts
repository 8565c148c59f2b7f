// A small seeded PRNG (mulberry32) and Fisher–Yates shuffle: the same seed gives the same
// sequence on every JS engine, which Math.random cannot promise. Not for cryptography.

export interface Prng {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, bound), without modulo bias. */
  nextInt(bound: number): number;
}

export function mulberry32(seed: number): Prng {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    nextUint32,
    next: () => nextUint32() / 2 ** 32,
    nextInt(bound) {
      if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32) throw new RangeError(`nextInt: bad bound ${bound}`);
      // Reject the top sliver of the range that would make small results more likely.
      const limit = 2 ** 32 - (2 ** 32 % bound);
      let x = nextUint32();
      while (x >= limit) x = nextUint32();
      return x % bound;
    },
  };
}

/** Fisher–Yates (Durstenfeld): every permutation equally likely given a uniform nextInt. */
export function shuffleInPlace(items: Int32Array | number[], prng: Prng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = prng.nextInt(i + 1);
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
}
