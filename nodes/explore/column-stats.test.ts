import { describe, expect, it } from 'vitest';
import { columnStats, topValues } from './column-stats';

describe('columnStats, numeric', () => {
  const stats = columnStats({ name: 'x', type: 'numeric', role: 'feature' }, [4, null, 1, 3, Number.NaN, 2]);

  it('counts present and missing values (NaN is missing)', () => {
    expect(stats).toMatchObject({ name: 'x', type: 'numeric', role: 'feature', count: 4, missing: 2 });
  });

  it('matches hand-computed statistics', () => {
    // 1, 2, 3, 4: mean 2.5; squared deviations 2.25+0.25+0.25+2.25 = 5, /3 → std √(5/3).
    expect(stats).toMatchObject({ mean: 2.5, min: 1, max: 4, p25: 1.75, p50: 2.5, p75: 3.25 });
    if (stats.type !== 'numeric') throw new Error('expected numeric stats');
    expect(stats.std).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(stats.histogram.edges).toHaveLength(21);
    expect(stats.histogram.edges[0]).toBe(1);
    expect(stats.histogram.edges[20]).toBe(4);
    expect(stats.histogram.counts.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('gives nulls, not NaN, when there is nothing to summarise', () => {
    const empty = columnStats({ name: 'e', type: 'numeric', role: 'feature' }, [null, null]);
    expect(empty).toMatchObject({ count: 0, missing: 2, mean: null, std: null, min: null, p50: null });
    const single = columnStats({ name: 's', type: 'numeric', role: 'feature' }, [5]);
    expect(single).toMatchObject({ mean: 5, std: null, p25: 5 });
  });
});

describe('columnStats, labels and dates', () => {
  it('counts distinct and top values for categorical columns', () => {
    const stats = columnStats({ name: 'c', type: 'categorical', role: 'target' }, ['b', 'a', 'b', null, 'c', 'a', 'b']);
    expect(stats).toEqual({
      name: 'c',
      type: 'categorical',
      role: 'target',
      count: 6,
      missing: 1,
      distinct: 3,
      top: [
        { value: 'b', count: 3 },
        { value: 'a', count: 2 },
        { value: 'c', count: 1 },
      ],
    });
  });

  it('spells booleans out', () => {
    const stats = columnStats({ name: 'f', type: 'boolean', role: 'feature' }, [true, false, true]);
    expect(stats).toMatchObject({ distinct: 2, top: [{ value: 'true', count: 2 }, { value: 'false', count: 1 }] });
  });

  it('gives the date range as ISO text', () => {
    const stats = columnStats({ name: 'd', type: 'datetime', role: 'time' }, [Date.UTC(2024, 1, 1), null, 0]);
    expect(stats).toMatchObject({ count: 2, missing: 1, min: '1970-01-01T00:00:00.000Z', max: '2024-02-01T00:00:00.000Z' });
  });
});

describe('topValues', () => {
  it('keeps at most the limit, breaking ties by value', () => {
    expect(topValues(['z', 'y', 'x', 'y', 'z'], 2)).toEqual({
      distinct: 3,
      top: [
        { value: 'y', count: 2 },
        { value: 'z', count: 2 },
      ],
    });
  });
});
