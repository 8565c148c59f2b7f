// Selects rows by position, keeping every field's Arrow type and the schema metadata.
import { vectorFromArray, type Table } from 'apache-arrow';
import { assembleTable } from './table-from-columns';
import { readColumnSchema } from './column-schema';

/** Rows come out in the order of `indices`; an index out of range is a programming error. */
export function takeRows(table: Table, indices: Int32Array | readonly number[]): Table {
  const n = table.numRows;
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new Error(`Row index ${i} is outside 0..${n - 1}`);
  }
  const fields = table.schema.fields;
  const children = fields.map((field, f) => {
    const vector = table.getChildAt(f)!;
    const values = Array.from(indices, (i) => vector.get(i));
    return vectorFromArray(values, field.type).data[0];
  });
  return assembleTable(fields, children, indices.length, readColumnSchema(table), table.schema.metadata);
}
