// Table surgery for permutation importance: a seeded row sample, and a copy of a table with one
// column's values permuted and every other column untouched.
import { vectorFromArray, type Table } from 'apache-arrow';
import { mulberry32, shuffleInPlace } from '../split/prng';
import { assembleTable } from '../table/table-from-columns';
import type { TableValue } from '../values';

/** At most `max` of `rows`, drawn with the seed, in ascending order; all of them when there are few. */
export function sampleRows(rows: Int32Array, max: number, seed: number): Int32Array {
  if (rows.length <= max) return rows;
  const picked = Int32Array.from(rows);
  shuffleInPlace(picked, mulberry32(seed));
  return picked.subarray(0, max).sort();
}

/** `order[i]` is the row whose value lands in row i of the column. */
export function withColumnPermuted(input: TableValue, column: string, order: Int32Array): TableValue {
  const table: Table = input.table;
  const fields = table.schema.fields;
  const target = fields.findIndex((f) => f.name === column);
  if (target < 0) throw new Error(`No column "${column}" in the table`);
  if (order.length !== table.numRows) throw new Error(`Permutation of ${order.length} rows for ${table.numRows}`);
  const children = fields.map((field, f) => {
    const vector = table.getChildAt(f)!;
    if (f === target) return vectorFromArray(Array.from(order, (i) => vector.get(i)), field.type).data[0];
    // A single chunk is reused as is; several are joined into one so every child has one chunk.
    return vector.data.length === 1 ? vector.data[0] : vectorFromArray(Array.from(vector), field.type).data[0];
  });
  const permuted = assembleTable(fields, children, table.numRows, input.columns, table.schema.metadata);
  return { ...input, table: permuted };
}
