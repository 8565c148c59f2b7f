import { Schema, Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { encodeValue } from '../codec';
import { COLUMNS_METADATA_KEY, readColumnSchema } from '../table/column-schema';
import { mixedColumns } from '../table/mixed-columns.fixture';
import { readColumn } from '../table/read-column';
import { tableFromColumns } from '../table/table-from-columns';
import { readColumns, rebuildTable } from './rebuild-table';

const value = { kind: 'table' as const, table: tableFromColumns(mixedColumns), columns: mixedColumns.map((c) => c.info) };

describe('readColumns and rebuildTable', () => {
  it('round-trip a table of every column type to the same bytes', () => {
    const rebuilt = rebuildTable(value.table, readColumns(value));
    expect(encodeValue(rebuilt).bytes).toEqual(encodeValue(value).bytes);
    expect(readColumn(rebuilt.table, 'when')).toEqual(readColumn(value.table, 'when'));
  });

  it('keeps the source\'s other schema metadata and writes the new column schema', () => {
    const tagged = new Table(new Schema(value.table.schema.fields, new Map([...value.table.schema.metadata, ['origin', 'upload']])), value.table.batches);
    const columns = readColumns(value).slice(0, 2);
    const rebuilt = rebuildTable(tagged, columns);
    expect(rebuilt.table.schema.metadata.get('origin')).toBe('upload');
    expect(readColumnSchema(rebuilt.table)).toEqual(columns.map((c) => c.info));
    expect(rebuilt.columns).toEqual(columns.map((c) => c.info));
    expect(JSON.parse(rebuilt.table.schema.metadata.get(COLUMNS_METADATA_KEY)!)).toHaveLength(2);
  });

  it('builds a table with no columns but some rows', () => {
    expect(rebuildTable(value.table, [], 4).table.numRows).toBe(4);
  });
});
