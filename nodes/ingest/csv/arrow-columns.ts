// Finished column builders → Arrow data, with no copy of the value buffers, under the same Arrow
// types and dictionary ids as table/table-from-columns.ts, so equal content gives equal bytes.
import {
  Field,
  makeData,
  makeVector,
  Utf8,
  vectorFromArray,
  type Bool,
  type Data,
  type DataType,
  type Dictionary,
  type Float64,
  type Int32,
  type Table,
  type TimestampMillisecond,
} from 'apache-arrow';
import type { ColumnInfo, ColumnType } from '../../values';
import { idEvidence } from '../../table/id-like';
import { arrowTypeFor, assembleTable, type CellValue } from '../../table/table-from-columns';
import { MAX_CATEGORIES } from './cell-rules';
import type { Validity } from './validity';
import { BOOLEAN, DATETIME, NUMERIC, STRING, UNDECIDED, type ColumnBuilder } from './column-builder';

export function buildTable(builders: readonly ColumnBuilder[], rows: number): { table: Table; columns: ColumnInfo[] } {
  const fields: Field[] = [];
  const children: Data[] = [];
  const columns: ColumnInfo[] = [];
  for (const builder of builders) {
    if (builder.kind === UNDECIDED) fillMissing(builder, rows);
    const type = finalType(builder);
    const arrowType = arrowTypeFor(type, builder.position);
    const data = columnData(builder, type, arrowType, rows);
    fields.push(new Field(builder.name, arrowType, true));
    children.push(data);
    columns.push({ name: builder.name, type, role: looksLikeId(builder, type, data, rows) ? 'id' : 'feature' });
  }
  return { table: assembleTable(fields, children, rows, columns), columns };
}

/** An identifier-like column starts with role id, so no model one-hot encodes a customer id by default. */
function looksLikeId(builder: ColumnBuilder, type: ColumnType, data: Data, rows: number): boolean {
  const vector = makeVector(data);
  const distinctBound = type === 'categorical' ? builder.strings!.dictionary.length : undefined;
  const get = (i: number) => vector.get(i) as CellValue;
  return idEvidence({ name: builder.name, type, length: rows, nulls: data.nullCount, distinctBound, get }) !== null;
}

/** A column with no present cell (and no type asked for) is text. */
function fillMissing(builder: ColumnBuilder, rows: number): void {
  builder.strings = builder.newStrings(rows, rows);
  builder.kind = STRING;
}

function finalType(builder: ColumnBuilder): ColumnType {
  if (builder.kind === NUMERIC) return 'numeric';
  if (builder.kind === BOOLEAN) return 'boolean';
  if (builder.kind === DATETIME) return 'datetime';
  if (builder.forced) return builder.forced;
  const store = builder.strings!;
  const present = store.length - store.validity.nulls;
  const categorical = present > 0 && store.isDictionary && store.dictionary.length <= Math.min(MAX_CATEGORIES, Math.max(2, present / 2));
  return categorical ? 'categorical' : 'text';
}

function columnData(builder: ColumnBuilder, type: ColumnType, arrowType: DataType, rows: number): Data {
  const nulls = (validity: Validity) => ({ length: rows, nullCount: validity.nulls, nullBitmap: validity.finish(rows) });
  if (type === 'numeric') {
    const store = builder.numbers!;
    return makeData({ type: arrowType as Float64, ...nulls(store.validity), data: store.values.subarray(0, rows) });
  }
  if (type === 'datetime') {
    const store = builder.numbers!;
    const values = new BigInt64Array(rows);
    for (let i = 0; i < rows; i++) values[i] = BigInt(store.values[i]);
    return makeData({ type: arrowType as TimestampMillisecond, ...nulls(store.validity), data: values });
  }
  if (type === 'boolean') {
    const store = builder.bools!;
    return makeData({ type: arrowType as Bool, ...nulls(store.validity), data: store.packed() });
  }
  const store = builder.strings!;
  if (type === 'categorical') {
    const dictionary = vectorFromArray(store.dictionary, new Utf8());
    return makeData({ type: arrowType as Dictionary<Utf8, Int32>, ...nulls(store.validity), data: store.dictionaryCodes(), dictionary });
  }
  const { offsets, data } = store.textBuffers();
  return makeData({ type: arrowType as Utf8, ...nulls(store.validity), valueOffsets: offsets, data });
}
