import { describe, expect, it } from 'vitest';
import { castColumn, failedFraction } from './cast-column';

describe('castColumn', () => {
  it('converts cells and counts failures among the present ones', () => {
    const result = castColumn(['1', 'x', null, '2.5', 'NA', 'y'], 'text', 'numeric');
    expect(result.values).toEqual([1, null, null, 2.5, null, null]);
    // 'NA' is a missing token, not a failure: 5 present, 2 failed.
    expect(result).toMatchObject({ present: 5, failed: 2, firstFailure: { index: 1, value: 'x' } });
    expect(failedFraction(result)).toBeCloseTo(0.4, 12);
  });

  it('reports nothing failed for a clean column and for an all-missing one', () => {
    const clean = castColumn([1, 0, 1], 'numeric', 'boolean');
    expect(clean).toEqual({ values: [true, false, true], present: 3, failed: 0, firstFailure: null });
    expect(failedFraction(castColumn([null, null], 'text', 'numeric'))).toBe(0);
  });
});
