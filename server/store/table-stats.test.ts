import { describe, expect, it } from 'vitest';
import { tableFromColumns } from '../../nodes/table/table-from-columns';
import type { ColumnInfo } from '../../nodes/values';
import { pageSize } from './preview';
import { computeStats, MAX_STATS_COLUMNS } from './table-stats';

const info = (name: string, type: ColumnInfo['type']): ColumnInfo => ({ name, type, role: 'feature' });

describe('table preview bounds', () => {
  it('cuts a page of a wide table to fewer rows, never below one', () => {
    expect(pageSize(50, 10)).toBe(50);
    expect(pageSize(500, 10)).toBe(200);
    expect(pageSize(50, 500)).toBe(40);
    expect(pageSize(50, 100_000)).toBe(1);
  });

  it('profiles every column: numbers with a histogram, labels with their most common values', () => {
    const columns = [info('x', 'numeric'), info('c', 'categorical')];
    const table = tableFromColumns([
      { info: columns[0], values: [1, 2, 3, Number.NaN] },
      { info: columns[1], values: ['a', 'b', 'a', 'c'] },
    ]);
    const stats = computeStats(table, columns);
    expect(stats).toMatchObject({ rows: 4, sampledRows: 4, columnCount: 2 });
    expect(stats.columns[0]).toMatchObject({ name: 'x', type: 'numeric', count: 3, missing: 1, mean: 2, min: 1, max: 3 });
    expect(stats.columns[0]).toHaveProperty('histogram.counts');
    expect(stats.columns[1]).toMatchObject({ name: 'c', distinct: 3, top: [{ value: 'a', count: 2 }, { value: 'b', count: 1 }, { value: 'c', count: 1 }] });
  });

  it('profiles a very wide table on an even sample of rows and at most MAX_STATS_COLUMNS columns', () => {
    const width = MAX_STATS_COLUMNS + 5;
    const rows = 3_000;
    const columns = Array.from({ length: width }, (_, i) => info(`c${i}`, 'numeric'));
    const values = Array.from({ length: rows }, (_, r) => r);
    const table = tableFromColumns(columns.map((c) => ({ info: c, values })));
    const stats = computeStats(table, columns);
    expect(stats.columnCount).toBe(width);
    expect(stats.columns).toHaveLength(MAX_STATS_COLUMNS);
    expect(stats.sampledRows).toBeLessThan(rows);
    expect(stats.columns[0]).toMatchObject({ min: 0, max: rows - 1 });
  });
});
