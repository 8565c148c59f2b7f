import { describe, expect, it } from 'vitest';
import { addPoint, finishSeries, SERIES_WRITE_INTERVAL_MS, startSeries } from './progress-writes';

const at = (t: number, loss: number) => ({ t, fraction: 0, data: { loss } });

describe('progress series writes', () => {
  it('writes at once, then at most once per interval, and leaves the rest to the step end', () => {
    startSeries('r1', 's');
    expect(addPoint('r1', 's', at(1000, 3))?.map((p) => p.data.loss)).toEqual([3]);
    expect(addPoint('r1', 's', at(1001, 2))).toBeUndefined();
    expect(addPoint('r1', 's', at(1000 + SERIES_WRITE_INTERVAL_MS, 1))?.map((p) => p.data.loss)).toEqual([3, 2, 1]);
    expect(addPoint('r1', 's', at(1000 + SERIES_WRITE_INTERVAL_MS + 1, 0.5))).toBeUndefined();
    expect(finishSeries('r1', 's')?.map((p) => p.data.loss)).toEqual([3, 2, 1, 0.5]);
    expect(finishSeries('r1', 's')).toBeUndefined();
  });

  it('has nothing to write at the end when everything was written', () => {
    addPoint('r2', 's', at(5, 1));
    expect(finishSeries('r2', 's')).toBeUndefined();
  });

  it('keeps steps apart and starts afresh when a step restarts', () => {
    addPoint('r3', 'a', at(0, 1));
    addPoint('r3', 'b', at(0, 9));
    startSeries('r3', 'a');
    expect(addPoint('r3', 'a', at(1, 2))?.map((p) => p.data.loss)).toEqual([2]);
    expect(addPoint('r3', 'b', at(1, 8))).toBeUndefined();
    expect(finishSeries('r3', 'b')?.map((p) => p.data.loss)).toEqual([9, 8]);
  });
});
