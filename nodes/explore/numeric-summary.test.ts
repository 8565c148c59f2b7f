import { describe, expect, it } from 'vitest';
import { histogram, mean, quantile, sampleStd } from './numeric-summary';

describe('quantile (numpy linear)', () => {
  const sorted = [1, 2, 3, 4];

  it('interpolates between order statistics', () => {
    // h = (n − 1) q: 0.75 → 1 + 0.75 (2 − 1) = 1.75; 2.5; 3.25.
    expect(quantile(sorted, 0.25)).toBe(1.75);
    expect(quantile(sorted, 0.5)).toBe(2.5);
    expect(quantile(sorted, 0.75)).toBe(3.25);
  });

  it('gives min and max at the ends, the value itself for one value, NaN for none', () => {
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 1)).toBe(4);
    expect(quantile([7], 0.3)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('mean and sample std', () => {
  it('matches hand computation', () => {
    // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32 / 7 → std √(32/7).
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(values)).toBe(5);
    expect(sampleStd(values)).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('is NaN when undefined', () => {
    expect(mean([])).toBeNaN();
    expect(sampleStd([3])).toBeNaN();
  });
});

describe('histogram', () => {
  it('uses equal-width bins with the last one closed', () => {
    const h = histogram([0, 1, 2, 3, 4], 4);
    expect(h.edges).toEqual([0, 1, 2, 3, 4]);
    expect(h.counts).toEqual([1, 1, 1, 2]);
  });

  it('puts a value on an inner edge into the bin to its right', () => {
    expect(histogram([0, 0.5, 1], 2).counts).toEqual([1, 2]);
  });

  it('widens a constant column by 0.5 each side, like numpy', () => {
    const h = histogram([3, 3, 3], 2);
    expect(h.edges).toEqual([2.5, 3, 3.5]);
    expect(h.counts).toEqual([0, 3]);
  });

  it('counts every value exactly once', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 100).sort((a, b) => a - b);
    const h = histogram(values, 20);
    expect(h.edges).toHaveLength(21);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('is empty for no values', () => {
    expect(histogram([], 20)).toEqual({ edges: [], counts: [] });
  });
});
