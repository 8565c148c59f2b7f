import { DataType, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { COLUMNS_METADATA_KEY, readColumnSchema } from './column-schema';
import { readColumn } from './read-column';
import { tableFromColumns } from './table-from-columns';
import { info, mixedColumns } from './mixed-columns.fixture';

describe('tableFromColumns', () => {
  it('uses one Arrow type per column type', () => {
    const table = tableFromColumns(mixedColumns);
    const [x, colour, note, ok, when] = table.schema.fields.map((f) => f.type);
    expect(DataType.isFloat(x)).toBe(true);
    expect(DataType.isDictionary(colour)).toBe(true);
    expect(DataType.isUtf8(note)).toBe(true);
    expect(DataType.isBool(ok)).toBe(true);
    expect(DataType.isTimestamp(when)).toBe(true);
    expect(table.schema.fields.every((f) => f.nullable)).toBe(true);
  });

  it('turns NaN into a real null', () => {
    const table = tableFromColumns(mixedColumns);
    expect(table.getChild('x')!.nullCount).toBe(2);
    expect(readColumn(table, 'x')).toEqual([1.5, null, -2, null]);
  });

  it('round-trips every column through Arrow IPC with the column schema', () => {
    const back = tableFromIPC(tableToIPC(tableFromColumns(mixedColumns), 'file'));
    expect(readColumnSchema(back)).toEqual(mixedColumns.map((c) => c.info));
    for (const column of mixedColumns.slice(1)) {
      expect(readColumn(back, column.info.name)).toEqual(Array.from(column.values));
    }
    expect(JSON.parse(back.schema.metadata.get(COLUMNS_METADATA_KEY)!)[1]).toEqual(info('colour', 'categorical', 'target'));
  });

  it('builds an empty table that keeps its schema', () => {
    const empty = tableFromColumns(mixedColumns.map((c) => ({ info: c.info, values: [] })));
    const back = tableFromIPC(tableToIPC(empty, 'file'));
    expect(back.numRows).toBe(0);
    expect(readColumnSchema(back).map((c) => c.type)).toEqual(['numeric', 'categorical', 'text', 'boolean', 'datetime']);
  });

  it('refuses columns of unequal length and cells of the wrong JS type', () => {
    expect(() => tableFromColumns([mixedColumns[0], { info: info('y', 'numeric'), values: [1] }])).toThrow(/1 values/);
    expect(() => tableFromColumns([{ info: info('y', 'numeric'), values: ['1'] }])).toThrow(/got a string/);
  });
});
