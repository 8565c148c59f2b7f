import { describe, expect, it } from 'vitest';
import { mulberry32, shuffleInPlace } from './prng';

describe('mulberry32', () => {
  it('matches an independent implementation (a Python port)', () => {
    const take = (seed: number) => {
      const prng = mulberry32(seed);
      return [prng.nextUint32(), prng.nextUint32(), prng.nextUint32(), prng.nextUint32()];
    };
    expect(take(0)).toEqual([1144304738, 1416247, 958946056, 627933444]);
    expect(take(1)).toEqual([2693262067, 11749833, 2265367787, 4213581821]);
    expect(take(123456789)).toEqual([1107202814, 4169434471, 3372958138, 885470128]);
  });

  it('gives floats in [0, 1) with a sensible mean', () => {
    const prng = mulberry32(7);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = prng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });

  it('gives integers below the bound, each about equally often', () => {
    const prng = mulberry32(42);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[prng.nextInt(6)]++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('refuses a bound that cannot be met', () => {
    expect(() => mulberry32(1).nextInt(0)).toThrow(RangeError);
  });
});

describe('shuffleInPlace', () => {
  it('returns a permutation, the same one for the same seed', () => {
    const a = Int32Array.from({ length: 100 }, (_, i) => i);
    const b = Int32Array.from(a);
    shuffleInPlace(a, mulberry32(3));
    shuffleInPlace(b, mulberry32(3));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(a)).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('puts each item in each position about equally often', () => {
    const prng = mulberry32(9);
    const firstCounts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const items = [0, 1, 2, 3];
      shuffleInPlace(items, prng);
      firstCounts[items[0]]++;
    }
    for (const count of firstCounts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});
