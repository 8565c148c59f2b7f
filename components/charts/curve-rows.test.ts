import { describe, expect, it } from 'vitest';
import { curveRows, drawable, rowValue } from './curve-rows';

describe('curveRows', () => {
  it('merges series along x, each value in its own column, keeping each series in order through ties', () => {
    const rows = curveRows(
      [
        { label: 'a', x: [0, 0, 0.5, 1], y: [0, 0.5, 0.8, 1], thresholds: [2, 0.9, 0.4, 0.1] },
        { label: 'b', x: [0, 0.25, 1], y: [0, 0.6, 1], thresholds: [2, 0.7, 0.2] },
      ],
      'ascending',
    );
    expect(rows.map((r) => [r.series, r.x, rowValue(r)])).toEqual([
      [0, 0, 0],
      [0, 0, 0.5],
      [1, 0, 0],
      [1, 0.25, 0.6],
      [0, 0.5, 0.8],
      [0, 1, 1],
      [1, 1, 1],
    ]);
    expect(rows[1]).toEqual({ x: 0, series: 0, threshold: 0.9, y0: 0.5 });
  });

  it('keeps a falling curve (PR: recall goes down) in its own order, and skips points without numbers', () => {
    const rows = curveRows([{ label: 'a', x: [1, 0.5, 0.5, null, 0], y: [0.4, 0.6, 0.7, 0.8, 1], thresholds: [0.1, 0.3, 0.5, 0.6, null] }], 'descending');
    expect(rows.map((r) => [r.x, rowValue(r), r.threshold])).toEqual([
      [1, 0.4, 0.1],
      [0.5, 0.6, 0.3],
      [0.5, 0.7, 0.5],
      [0, 1, null],
    ]);
  });

  it('draws only curves with two points', () => {
    expect(drawable({ label: 'a', x: [null, null], y: [null, null], thresholds: [1, 0] })).toBe(false);
    expect(drawable({ label: 'a', x: [0, 1], y: [0, 1], thresholds: [1, 0] })).toBe(true);
  });
});
