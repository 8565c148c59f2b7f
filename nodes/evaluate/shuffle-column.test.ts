import { describe, expect, it } from 'vitest';
import { readColumn } from '../table/read-column';
import { sampleRows, withColumnPermuted } from './shuffle-column';
import { scoredTable } from './evaluate.fixture';

describe('withColumnPermuted', () => {
  const input = scoredTable(5);

  it('permutes one column and leaves the others alone', () => {
    const order = Int32Array.from([4, 3, 2, 1, 0]);
    const out = withColumnPermuted(input, 'colour', order);
    expect(readColumn(out.table, 'colour')).toEqual(readColumn(input.table, 'colour').reverse());
    expect(readColumn(out.table, 'x1')).toEqual(readColumn(input.table, 'x1'));
    expect(out.columns).toEqual(input.columns);
    expect(out.table.schema.fields.map((f) => String(f.type))).toEqual(input.table.schema.fields.map((f) => String(f.type)));
  });
});

describe('sampleRows', () => {
  it('keeps every row when there are few, and a seeded ascending sample otherwise', () => {
    const rows = Int32Array.from({ length: 100 }, (_, i) => i * 2);
    expect(sampleRows(rows, 200, 0)).toBe(rows);
    const a = sampleRows(rows, 10, 7);
    expect(a).toHaveLength(10);
    expect(Array.from(a)).toEqual(Array.from(a).sort((x, y) => x - y));
    expect(Array.from(a).every((r) => r % 2 === 0)).toBe(true);
    expect(Array.from(sampleRows(rows, 10, 7))).toEqual(Array.from(a));
    expect(Array.from(sampleRows(rows, 10, 8))).not.toEqual(Array.from(a));
  });
});
