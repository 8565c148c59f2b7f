import { describe, expect, it } from 'vitest';
import { completeRows, countMissing, fillMissing } from './missing-cells';

describe('missing cells', () => {
  const a = [1, null, Number.NaN, 4];
  const b = ['x', 'y', null, 'z'];

  it('counts null and NaN as missing, but not Infinity or empty text', () => {
    expect(countMissing(a)).toBe(2);
    expect(countMissing([Number.POSITIVE_INFINITY, '', 0, false])).toBe(0);
  });

  it('fills missing cells and counts them', () => {
    expect(fillMissing(a, 0)).toEqual({ values: [1, 0, 0, 4], filled: 2 });
  });

  it('finds the rows complete in every given column', () => {
    expect(Array.from(completeRows([a, b], 4))).toEqual([0, 3]);
    expect(Array.from(completeRows([b], 4))).toEqual([0, 1, 3]);
    expect(Array.from(completeRows([], 2))).toEqual([0, 1]);
  });
});
