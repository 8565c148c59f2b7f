// Reads a table into plain columns and builds it back with tableFromColumns, for nodes that change
// values or columns. The rebuilt table is typed and encoded exactly as a freshly ingested one.
import { Schema, Table } from 'apache-arrow';
import { COLUMNS_METADATA_KEY } from '../table/column-schema';
import { readColumn } from '../table/read-column';
import { tableFromColumns, type ColumnData } from '../table/table-from-columns';
import type { TableValue } from '../values';

export function readColumns(value: TableValue): ColumnData[] {
  return value.columns.map((info) => ({ info, values: readColumn(value.table, info.name) }));
}

/** Builds the table and keeps the source's other schema metadata, as takeRows does. */
export function rebuildTable(source: Table, columns: readonly ColumnData[], rows = source.numRows): TableValue {
  const built = tableFromColumns(columns, rows);
  const metadata = new Map(source.schema.metadata);
  metadata.delete(COLUMNS_METADATA_KEY);
  for (const [key, entry] of built.schema.metadata) metadata.set(key, entry);
  const table = new Table(new Schema(built.schema.fields, metadata), built.batches);
  return { kind: 'table', table, columns: columns.map((c) => c.info) };
}
