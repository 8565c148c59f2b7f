import { describe, expect, it } from 'vitest';
import { MAX_SERIES_POINTS, numericData, ProgressSeries } from './progress-series';

const point = (epoch: number) => ({ t: epoch, fraction: epoch / 10_000, data: { epoch } });
const epochsOf = (series: ProgressSeries) => series.points().map((p) => p.data.epoch);

describe('numericData', () => {
  it('keeps finite numbers only, and says null when nothing is left to chart', () => {
    expect(numericData({ epoch: 3, loss: 0.5, valLoss: Number.NaN, params: { lr: 1 }, best: null, name: 'x' })).toEqual({ epoch: 3, loss: 0.5 });
    expect(numericData({ params: { lr: 1 }, value: Number.POSITIVE_INFINITY })).toBeNull();
    expect(numericData(undefined)).toBeNull();
  });
});

describe('ProgressSeries', () => {
  it('keeps every point while under the cap', () => {
    const s = new ProgressSeries(10);
    for (let e = 0; e < 9; e++) s.add(point(e));
    expect(epochsOf(s)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('halves at the cap and from then on keeps every other event, evenly spaced from the first', () => {
    const s = new ProgressSeries(10);
    for (let e = 0; e < 10; e++) s.add(point(e));
    expect(epochsOf(s)).toEqual([0, 2, 4, 6, 8, 9]);
    for (let e = 10; e < 20; e++) s.add(point(e));
    // Kept: multiples of 4 after the second halving; the newest point is always shown last.
    expect(epochsOf(s)).toEqual([0, 4, 8, 12, 16, 19]);
  });

  it('never holds more than the cap, however long training runs', () => {
    const s = new ProgressSeries();
    let longest = 0;
    for (let e = 0; e < 25_000; e++) {
      s.add(point(e));
      if (e % 97 === 0) longest = Math.max(longest, s.points().length);
    }
    const epochs = epochsOf(s);
    expect(longest).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    expect(epochs.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    expect(epochs.length).toBeGreaterThan(MAX_SERIES_POINTS / 4);
    expect(epochs[0]).toBe(0);
    expect(epochs.at(-1)).toBe(24_999);
    const gaps = new Set(epochs.slice(1, -1).map((e, i) => e - epochs[i]));
    expect(gaps.size).toBe(1);
  });
});
