// Builds an Arrow table from plain JS columns with one fixed Arrow type per column type.
import {
  Bool,
  Dictionary,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  Utf8,
  vectorFromArray,
  type DataType,
} from 'apache-arrow';
import { assertNever } from '../../engine/assert-never';
import type { ColumnInfo, ColumnType } from '../values';
import { withColumnSchema } from './column-schema';

/** numeric: number (NaN = missing); categorical/text: string; boolean: boolean; datetime: epoch ms. */
export type CellValue = number | string | boolean | null;

export interface ColumnData {
  info: ColumnInfo;
  values: ArrayLike<CellValue>;
}

/**
 * The Arrow type for a column type. Dictionary ids are set from the column position: left to
 * Arrow they come from a global counter, and the IPC bytes would depend on what ran before.
 */
export function arrowTypeFor(type: ColumnType, position: number): DataType {
  switch (type) {
    case 'numeric':
      return new Float64();
    case 'categorical':
      return new Dictionary(new Utf8(), new Int32(), position);
    case 'text':
      return new Utf8();
    case 'boolean':
      return new Bool();
    case 'datetime':
      return new TimestampMillisecond();
    default:
      return assertNever(type, 'column type');
  }
}

/** `rows` is only needed when there are no columns. Every field is nullable, whatever the data. */
export function tableFromColumns(columns: readonly ColumnData[], rows = columns[0]?.values.length ?? 0): Table {
  const fields = columns.map(({ info }, i) => new Field(info.name, arrowTypeFor(info.type, i), true));
  const children = columns.map(({ info, values }, i) => {
    if (values.length !== rows) {
      throw new Error(`Column "${info.name}" has ${values.length} values, expected ${rows}`);
    }
    return vectorFromArray(normalise(info, values), fields[i].type).data[0];
  });
  return assembleTable(fields, children, rows, columns.map((c) => c.info));
}

/** Puts column data under one schema and one record batch, with the column schema in the metadata. */
export function assembleTable(
  fields: Field[],
  children: ReturnType<typeof makeData>[],
  rows: number,
  columns: readonly ColumnInfo[],
  metadata?: ReadonlyMap<string, string>,
): Table {
  const schema = new Schema(fields, metadata ? new Map(metadata) : undefined);
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: rows, nullCount: 0, children }));
  return withColumnSchema(new Table(schema, [batch]), columns);
}

function normalise(info: ColumnInfo, values: ArrayLike<CellValue>): unknown[] {
  const expected = JS_TYPE[info.type];
  return Array.from(values, (value) => {
    if (value === null || value === undefined) return null;
    if (typeof value !== expected) {
      throw new Error(`Column "${info.name}" (${info.type}) got a ${typeof value}: ${String(value)}`);
    }
    if (typeof value === 'number' && Number.isNaN(value)) return null;
    return info.type === 'datetime' ? new Date(value as number) : value;
  });
}

const JS_TYPE: Record<ColumnType, 'number' | 'string' | 'boolean'> = {
  numeric: 'number',
  categorical: 'string',
  text: 'string',
  boolean: 'boolean',
  datetime: 'number',
};
