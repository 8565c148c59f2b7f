import { describe, expect, it } from 'vitest';
import { featuresPerSplit, forestData, rankInto } from './forest-data';

describe('forestData', () => {
  it('ranks values densely, ties sharing a rank', () => {
    const out = new Int32Array(6);
    rankInto(Float64Array.from([3.5, -1, 3.5, 10, 0, -1]), out);
    expect(Array.from(out)).toEqual([2, 0, 2, 3, 1, 0]);
  });

  it('stores columns and ranks column by column', () => {
    const data = forestData({ rows: 3, cols: 2, data: Float64Array.from([1, 9, 2, 8, 0, 9]) }, { classes: 2, labels: Int32Array.from([0, 1, 0]) });
    expect(Array.from(data.columns)).toEqual([1, 2, 0, 9, 8, 9]);
    expect(Array.from(data.ranks)).toEqual([1, 2, 0, 1, 0, 1]);
  });
});

describe('featuresPerSplit', () => {
  it('follows scikit-learn: sqrt for classifiers, all for regressors, at least 1', () => {
    expect(featuresPerSplit('auto', 30, true)).toBe(5);
    expect(featuresPerSplit('auto', 30, false)).toBe(30);
    expect(featuresPerSplit('log2', 30, true)).toBe(4);
    expect(featuresPerSplit(0.5, 7, true)).toBe(3);
    expect(featuresPerSplit(0.01, 7, true)).toBe(1);
    expect(featuresPerSplit('all', 7, true)).toBe(7);
  });
});
