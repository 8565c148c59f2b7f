// The column schema (type and role per column) lives in the Arrow schema metadata under one key,
// so it survives Arrow IPC and shows up in pandas/polars as `schema.metadata['pipeworks.columns']`.
import { DataType, Schema, Table, type Field } from 'apache-arrow';
import { z } from 'zod';
import { COLUMN_ROLES, COLUMN_TYPES, type ColumnInfo, type ColumnType, type TableValue } from '../values';

export const COLUMNS_METADATA_KEY = 'pipeworks.columns';

const columnsSchema = z.array(
  z.object({ name: z.string(), type: z.enum(COLUMN_TYPES), role: z.enum(COLUMN_ROLES) }),
);

/** Returns `table` with `columns` written into its schema metadata; names must match the fields in order. */
export function withColumnSchema(table: Table, columns: readonly ColumnInfo[]): Table {
  assertMatchesFields(table.schema.fields, columns);
  const metadata = new Map(table.schema.metadata);
  // Written field by field in a fixed order so the metadata bytes depend on content only.
  const json = JSON.stringify(columns.map(({ name, type, role }) => ({ name, type, role })));
  metadata.set(COLUMNS_METADATA_KEY, json);
  const schema = new Schema(table.schema.fields, metadata);
  return new Table(schema, table.batches);
}

/** Reads the column schema; a table from elsewhere (no metadata) gets types from Arrow and role 'feature'. */
export function readColumnSchema(table: Table): ColumnInfo[] {
  const raw = table.schema.metadata.get(COLUMNS_METADATA_KEY);
  if (raw === undefined) {
    return table.schema.fields.map((field) => ({ name: field.name, type: columnTypeOfArrow(field.type), role: 'feature' }));
  }
  const columns = columnsSchema.parse(JSON.parse(raw));
  assertMatchesFields(table.schema.fields, columns);
  return columns;
}

export function tableValue(table: Table): TableValue {
  return { kind: 'table', table, columns: readColumnSchema(table) };
}

export function columnTypeOfArrow(type: DataType): ColumnType {
  if (DataType.isFloat(type) || DataType.isInt(type) || DataType.isDecimal(type)) return 'numeric';
  if (DataType.isBool(type)) return 'boolean';
  if (DataType.isTimestamp(type) || DataType.isDate(type)) return 'datetime';
  if (DataType.isDictionary(type)) return 'categorical';
  return 'text';
}

function assertMatchesFields(fields: readonly Field[], columns: readonly ColumnInfo[]): void {
  const names = fields.map((field) => field.name);
  const same = names.length === columns.length && names.every((name, i) => columns[i].name === name);
  if (!same) {
    throw new Error(
      `Column schema [${columns.map((c) => c.name).join(', ')}] does not match the table's fields [${names.join(', ')}]`,
    );
  }
}
