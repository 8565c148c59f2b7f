import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readColumn } from '../../nodes/table/read-column';
import { tableFromColumns, type ColumnData } from '../../nodes/table/table-from-columns';
import { info } from '../../nodes/table/mixed-columns.fixture';
import { readParquet } from '../datasets/read-parquet';
import { makeTempDir } from '../db/test-db';
import { writeTableParquet } from './table-parquet';

const dir = makeTempDir('pipeworks-parquet-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function roundTrip(columns: ColumnData[], name: string) {
  const file = path.join(dir, `${name}.parquet`);
  await writeTableParquet(tableFromColumns(columns), columns.map((c) => c.info), file);
  return readParquet(file);
}

describe('Parquet export', () => {
  it('round-trips through the Parquet importer: names, types, missing cells and values', async () => {
    const rows = 5000; // more than one DuckDB chunk
    const columns: ColumnData[] = [
      { info: info('amount "usd"', 'numeric'), values: Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? null : i * 0.1 - 3)) },
      { info: info('colour', 'categorical'), values: Array.from({ length: rows }, (_, i) => (i % 11 === 0 ? null : ['red', 'blue', 'green'][i % 3])) },
      { info: info('note', 'text'), values: Array.from({ length: rows }, (_, i) => (i % 13 === 0 ? null : `row ${i}, "quoted" Étienne`)) },
      { info: info('ok', 'boolean'), values: Array.from({ length: rows }, (_, i) => (i % 5 === 0 ? null : i % 2 === 0)) },
      { info: info('when', 'datetime'), values: Array.from({ length: rows }, (_, i) => (i % 17 === 0 ? null : Date.UTC(2024, 0, 1) + i * 3_600_123)) },
    ];
    const back = await roundTrip(columns, 'mixed');
    expect(back.rows).toBe(rows);
    expect(back.columns.map((c) => [c.name, c.type])).toEqual(columns.map((c) => [c.info.name, c.info.type]));
    for (const { info: column, values } of columns) expect(readColumn(back.table, column.name), column.name).toEqual(Array.from(values));
  });

  it('keeps text as text and categories as categorical, whatever their number of distinct values', async () => {
    // Inference alone would call the first categorical (two values) and the second text (all different).
    const columns: ColumnData[] = [
      { info: info('code', 'text'), values: ['a', 'b', 'a', 'b', 'a', 'b'] },
      { info: info('label', 'categorical'), values: ['u', 'v', 'w', 'x', 'y', 'z'] },
    ];
    const back = await roundTrip(columns, 'declared');
    expect(back.columns.map((c) => c.type)).toEqual(['text', 'categorical']);
    expect(readColumn(back.table, 'label')).toEqual(['u', 'v', 'w', 'x', 'y', 'z']);
  });
});
