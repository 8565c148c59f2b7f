import { describe, expect, it } from 'vitest';
import { residualsSummary } from './residuals';

describe('residualsSummary', () => {
  it('summarises actual − predicted', () => {
    const s = residualsSummary([3, 5, 7, 9, 11], [2, 5, 8, 9, 13]);
    // residuals 1, 0, −1, 0, −2
    expect(s).toMatchObject({ definition: 'actual - predicted', min: -2, max: 1, median: 0, p25: -1, p75: 0 });
    expect(s.mean).toBeCloseTo(-0.4, 12);
    expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('keeps at most maxPoints scatter points, first and last included', () => {
    const n = 10_000;
    const actual = Float64Array.from({ length: n }, (_, i) => i);
    const s = residualsSummary(actual, actual, { maxPoints: 100 });
    expect(s.points.actual).toHaveLength(100);
    expect(s.points.actual[0]).toBe(0);
    expect(s.points.actual.at(-1)).toBe(n - 1);
  });
});
