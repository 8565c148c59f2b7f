import { Dictionary, Field, Int32, Int8, makeData, RecordBatch, Schema, Struct, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../engine/hash';
import { decodeValue, encodeValue, encodingProblems } from '../codec';
import type { TableValue } from '../values';
import { canonicalProblems, canonicalTable } from './canonical-table';
import { tableFromColumns } from './table-from-columns';
import { mixedColumns } from './mixed-columns.fixture';

const value = (table = tableFromColumns(mixedColumns)): TableValue => ({ kind: 'table', table, columns: mixedColumns.map((c) => c.info) });
const problemsOf = (bytes: Uint8Array) => encodingProblems(decodeValue('table', bytes), bytes);

describe('the canonical table encoding', () => {
  it('accepts what encodeValue writes, for a table and an empty one', () => {
    expect(problemsOf(encodeValue(value()).bytes)).toEqual([]);
    const empty = tableFromColumns(mixedColumns.map((c) => ({ ...c, values: [] })), 0);
    expect(problemsOf(encodeValue(value(empty)).bytes)).toEqual([]);
  });

  it('refuses the same table in two record batches, and encodeValue merges them to the one-batch bytes', () => {
    const table = encodeValue(value()).bytes;
    const decoded = decodeValue('table', table) as TableValue;
    const split = new Table(decoded.table.schema, [...decoded.table.slice(0, 2).batches, ...decoded.table.slice(2).batches]);
    const twoBatches = tableToIPC(split, 'file');
    expect(problemsOf(twoBatches)).toContainEqual(expect.stringMatching(/2 record batches.*exactly one/));
    expect(sha256Hex(encodeValue({ ...decoded, table: split }).bytes)).toBe(sha256Hex(table));
  });

  it('refuses an empty table written with no record batch at all', () => {
    const empty = tableFromColumns(mixedColumns.map((c) => ({ ...c, values: [] })), 0);
    const noBatch = tableToIPC(new Table(empty.schema), 'file');
    expect(problemsOf(noBatch)).toContainEqual(expect.stringMatching(/0 record batches/));
  });

  it('names a dictionary out of order, with unused entries, the wrong id or index type, and extra metadata', () => {
    const field = (id: number, indices: Int32 | Int8 = new Int32()) => new Field('c', new Dictionary(new Utf8(), indices, id), true);
    const table = (f: Field, codes: number[], dict: string[], metadata = new Map<string, string>()) => {
      const child = makeData({ type: f.type, length: codes.length, nullCount: 0, data: (f.type as Dictionary).indices instanceof Int8 ? Int8Array.from(codes) : Int32Array.from(codes), dictionary: vectorFromArray(dict, new Utf8()) });
      const schema = new Schema([f], metadata);
      return new Table(schema, [new RecordBatch(schema, makeData({ type: new Struct([f]), length: codes.length, nullCount: 0, children: [child] }))]);
    };
    expect(canonicalProblems(table(field(0), [0, 1, 0], ['a', 'b']))).toEqual([]);
    expect(canonicalProblems(table(field(0), [1, 0], ['a', 'b']))).toEqual(['column "c": its dictionary is not in order of first appearance (row 0 uses entry 1 before entry 0)']);
    expect(canonicalProblems(table(field(0), [0], ['a', 'b']))).toEqual(['column "c": its dictionary has 1 entries no row uses']);
    expect(canonicalProblems(table(field(3), [0], ['a']))).toEqual(['column "c" has dictionary id 3, not its position 0']);
    expect(canonicalProblems(table(field(0, new Int8()), [0], ['a']))).toEqual(['column "c" has Int8 dictionary indices, not Int32']);
    expect(canonicalProblems(table(field(0), [0], ['a'], new Map([['origin', 'mine']])))).toEqual(['its schema metadata has keys other than "pipeworks.columns": "origin"']);
    // Repaired, each becomes the layout the straightforward table has.
    const reordered = canonicalTable(table(field(2), [1, 0, 1], ['b', 'a', 'z']));
    expect(canonicalProblems(reordered)).toEqual([]);
    expect(Array.from(reordered.getChild('c')!)).toEqual(['a', 'b', 'a']);
  });
});
