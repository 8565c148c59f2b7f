import { describe, expect, it } from 'vitest';
import { binCounts, binOf, psiEdges, psiFromCounts, PSI_EPSILON } from './psi';

describe('psiFromCounts', () => {
  it('sums (c − r)·ln(c/r) over shares', () => {
    const expected = 0.4 * Math.log(0.9 / 0.5) + -0.4 * Math.log(0.1 / 0.5);
    expect(psiFromCounts([50, 50], [90, 10])).toBeCloseTo(expected, 12);
  });

  it('is zero for the same shares at different sizes', () => {
    expect(psiFromCounts([10, 20, 30], [100, 200, 300])).toBeCloseTo(0, 14);
  });

  it('floors an empty bin at epsilon instead of returning infinity', () => {
    const psi = psiFromCounts([100, 0], [50, 50]);
    const r = [1, PSI_EPSILON];
    expect(psi).toBeCloseTo((0.5 - r[0]) * Math.log(0.5 / r[0]) + (0.5 - r[1]) * Math.log(0.5 / r[1]), 12);
    expect(Number.isFinite(psi)).toBe(true);
  });

  it('is NaN when a side has no values at all', () => {
    expect(psiFromCounts([0, 0], [1, 2])).toBeNaN();
  });
});

describe('psiEdges and binCounts', () => {
  it('cuts at the deciles, merging tied edges', () => {
    const sorted = Array.from({ length: 11 }, (_, i) => i * 10);
    expect(psiEdges(sorted)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    const tied = psiEdges([1, 1, 1, 1, 2]);
    expect(tied).toHaveLength(3);
    [1, 1.2, 1.6].forEach((edge, i) => expect(tied[i]).toBeCloseTo(edge, 12));
    expect(psiEdges([3, 3, 3])).toEqual([3]);
  });

  it('puts a value equal to an edge in the bin above it, and outliers in the outer bins', () => {
    expect(binOf(-1e9, [0, 1])).toBe(0);
    expect(binOf(0, [0, 1])).toBe(1);
    expect(binOf(0.5, [0, 1])).toBe(1);
    expect(binOf(1, [0, 1])).toBe(2);
    expect(Array.from(binCounts([-5, 0, 0.2, 1, 7], [0, 1]))).toEqual([1, 2, 2]);
  });
});
