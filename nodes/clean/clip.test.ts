import { describe, expect, it } from 'vitest';
import { clipValues, quantileBounds } from './clip';

describe('quantileBounds', () => {
  it('matches numpy.quantile (linear) on the finite values', () => {
    // numpy.quantile([1, 2, 3, 4, 100], [0.1, 0.9]): h = 0.4 → 1.4, h = 3.6 → 4 + 0.6 × 96 = 61.6
    const bounds = quantileBounds([4, null, 1, 100, Number.POSITIVE_INFINITY, 3, 2, Number.NaN], 0.1, 0.9);
    expect(bounds.min).toBeCloseTo(1.4, 12);
    expect(bounds.max).toBeCloseTo(61.6, 12);
  });

  it('gives no bounds without finite values', () => {
    expect(quantileBounds([null, Number.NaN, Number.NEGATIVE_INFINITY], 0.01, 0.99)).toEqual({});
  });
});

describe('clipValues', () => {
  it('clips both ends, keeps missing cells, and counts what it moved', () => {
    const values = [-5, 0, 5, null, 50, Number.POSITIVE_INFINITY];
    expect(clipValues(values, { min: 0, max: 10 })).toEqual({ values: [0, 0, 5, null, 10, 10], low: 1, high: 2 });
  });

  it('clips one end only when the other bound is open', () => {
    expect(clipValues([-5, 50], { max: 10 })).toEqual({ values: [-5, 10], low: 0, high: 1 });
  });
});
