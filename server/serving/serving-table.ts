// The raw table a request scores, built for speed: numbers and datetimes (epoch ms) go straight
// into Float64 vectors with NaN for missing, which the preprocessing's readers take as missing
// without a per-value pass; only text, category and boolean columns go through Arrow's builders.
// No column-schema metadata: nothing downstream of scoring reads it. (tableFromColumns builds
// every column value by value and writes the metadata: most of a one-row request's cost.)
import { Bool, Field, Float64, makeData, RecordBatch, Schema, Struct, Table, Utf8, vectorFromArray } from 'apache-arrow';
import type { ColumnData } from '../../nodes/table/table-from-columns';

const FLOAT64 = new Float64();
const BOOL = new Bool();
const UTF8 = new Utf8();

export function servingTable(columns: readonly ColumnData[], rows: number): Table {
  const fields: Field[] = [];
  const children = columns.map(({ info, values }) => {
    if (info.type === 'numeric' || info.type === 'datetime') {
      const data = new Float64Array(rows);
      for (let i = 0; i < rows; i++) data[i] = values[i] as number;
      fields.push(new Field(info.name, FLOAT64, true));
      return makeData({ type: FLOAT64, length: rows, nullCount: 0, data });
    }
    const type = info.type === 'boolean' ? BOOL : UTF8;
    fields.push(new Field(info.name, type, true));
    return vectorFromArray(Array.from(values), type).data[0];
  });
  const schema = new Schema(fields);
  return new Table(schema, [new RecordBatch(schema, makeData({ type: new Struct(fields), length: rows, nullCount: 0, children }))]);
}
