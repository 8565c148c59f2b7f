import { describe, expect, it } from 'vitest';
import { allocate, groupByClass, randomSplit, splitSizes } from './random-split';

const fractions = { train: 0.7, validation: 0.1, test: 0.2 };

function expectPartition(n: number, split: ReturnType<typeof randomSplit>) {
  const all = [...split.train, ...split.validation, ...split.test].sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: n }, (_, i) => i)); // covers every row exactly once
  for (const side of [split.train, split.validation, split.test]) {
    expect(Array.from(side)).toEqual(Array.from(side).sort((a, b) => a - b)); // row order kept
  }
}

describe('splitSizes', () => {
  it('gives test and validation ceil(fraction × n), the rest to train', () => {
    expect(splitSizes(10, { train: 0.75, validation: 0, test: 0.25 })).toEqual({ train: 7, validation: 0, test: 3 });
    expect(splitSizes(569, { train: 0.75, validation: 0, test: 0.25 })).toEqual({ train: 426, validation: 0, test: 143 });
    expect(splitSizes(101, fractions)).toEqual({ train: 69, validation: 11, test: 21 });
  });

  it('is not pushed up by float noise', () => {
    // 0.3 × 10 is 3.0000000000000004 in floating point; a plain ceil would give 4.
    expect(splitSizes(10, { train: 0.7, validation: 0, test: 0.3 }).test).toBe(3);
  });

  it('never goes below zero or above n', () => {
    expect(splitSizes(0, fractions)).toEqual({ train: 0, validation: 0, test: 0 });
    expect(splitSizes(1, { train: 0.2, validation: 0.4, test: 0.4 })).toEqual({ train: 0, validation: 0, test: 1 });
  });
});

describe('randomSplit', () => {
  it('covers all rows with no overlap and the expected sizes', () => {
    const split = randomSplit(1000, fractions, 1);
    expectPartition(1000, split);
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([700, 100, 200]);
  });

  it('is the same bit for bit for the same seed, and differs for another seed', () => {
    const a = randomSplit(500, fractions, 42);
    const b = randomSplit(500, fractions, 42);
    expect(Array.from(a.test)).toEqual(Array.from(b.test));
    expect(Array.from(a.validation)).toEqual(Array.from(b.validation));
    expect(Array.from(randomSplit(500, fractions, 43).test)).not.toEqual(Array.from(a.test));
  });

  it('pins one split (checked against a Python port of mulberry32 + Fisher–Yates)', () => {
    expect(Array.from(randomSplit(10, { train: 0.7, validation: 0, test: 0.3 }, 0).test)).toEqual([1, 2, 4]);
  });

  it('gives an empty validation side when its fraction is 0', () => {
    expect(randomSplit(50, { train: 0.8, validation: 0, test: 0.2 }, 3).validation).toHaveLength(0);
  });
});

describe('randomSplit, stratified', () => {
  // 900 rows: 600 of class a, 300 of class b, interleaved a, a, b.
  const strata = Array.from({ length: 900 }, (_, i) => (i % 3 === 2 ? 'b' : 'a'));
  const share = (rows: Int32Array, cls: string) => Array.from(rows).filter((r) => strata[r] === cls).length / rows.length;

  it('keeps each class proportion on every side', () => {
    const split = randomSplit(900, fractions, 5, strata);
    expectPartition(900, split);
    for (const side of [split.train, split.validation, split.test]) expect(share(side, 'b')).toBeCloseTo(1 / 3, 2);
  });

  it('gives the same totals as the plain split', () => {
    const n = 101;
    const uneven = Array.from({ length: n }, (_, i) => (i < 7 ? 'rare' : i < 40 ? 'mid' : 'common'));
    const split = randomSplit(n, fractions, 8, uneven);
    expectPartition(n, split);
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([69, 11, 21]);
  });

  it('is reproducible and treats missing values as a class of their own', () => {
    const withMissing = strata.map((s, i) => (i % 10 === 0 ? null : s));
    const a = randomSplit(900, fractions, 11, withMissing);
    expect(Array.from(a.test)).toEqual(Array.from(randomSplit(900, fractions, 11, withMissing).test));
    const missingInTest = Array.from(a.test).filter((r) => withMissing[r] === null).length;
    expect(missingInTest).toBe(18); // 90 missing × 0.2
  });
});

describe('allocate', () => {
  it('hands out remainders to the largest fractional parts', () => {
    // quotas 9/7, 9/7, 3/7: floors 1, 1, 0; the one left goes to the largest remainder, 3/7.
    expect(allocate([3, 3, 1], 3, 7, [3, 3, 1])).toEqual([1, 1, 1]);
    // quotas 0.5, 0.5: a tie goes to the first class.
    expect(allocate([2, 2], 1, 4, [2, 2])).toEqual([1, 0]);
  });

  it('respects the caps', () => {
    expect(allocate([2, 8], 5, 10, [0, 8])).toEqual([0, 5]);
  });
});

describe('groupByClass', () => {
  it('orders classes by data, missing first, independent of row order', () => {
    expect(groupByClass(['b', null, 'a', 'b']).map((g) => Array.from(g))).toEqual([[1], [2], [0, 3]]);
  });
});
