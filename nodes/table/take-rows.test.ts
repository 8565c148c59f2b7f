import { DataType, Field, Float64, Schema, Table, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readColumnSchema, withColumnSchema } from './column-schema';
import { readColumn } from './read-column';
import { tableFromColumns } from './table-from-columns';
import { mixedColumns } from './mixed-columns.fixture';
import { takeRows } from './take-rows';

describe('takeRows', () => {
  const table = tableFromColumns(mixedColumns);

  it('picks rows in the given order and keeps nulls', () => {
    const taken = takeRows(table, Int32Array.from([3, 0, 1]));
    expect(taken.numRows).toBe(3);
    expect(readColumn(taken, 'x')).toEqual([null, 1.5, null]);
    expect(readColumn(taken, 'colour')).toEqual(['red', 'red', 'blue']);
    expect(readColumn(taken, 'when')).toEqual([Date.UTC(2024, 0, 1), 0, 86_400_000]);
  });

  it('keeps Arrow types, nullability and the column schema', () => {
    const taken = takeRows(table, [1]);
    expect(taken.schema.fields.map((f) => f.type.toString())).toEqual(table.schema.fields.map((f) => f.type.toString()));
    expect(taken.schema.fields.every((f) => f.nullable)).toBe(true);
    expect(readColumnSchema(taken)).toEqual(readColumnSchema(table));
  });

  it('keeps other schema metadata too', () => {
    const tagged = new Table(new Schema(table.schema.fields, new Map([...table.schema.metadata, ['origin', 'test']])), table.batches);
    expect(takeRows(tagged, [0]).schema.metadata.get('origin')).toBe('test');
  });

  it('gives an empty table for no indices', () => {
    const taken = takeRows(table, []);
    expect(taken.numRows).toBe(0);
    expect(DataType.isDictionary(taken.schema.fields[1].type)).toBe(true);
  });

  it('rejects an index out of range', () => {
    expect(() => takeRows(table, [4])).toThrow(/outside/);
  });

  it('works on a table that has no column schema yet', () => {
    const plain = new Table(new Schema([new Field('v', new Float64(), true)]), [
      new Table({ v: vectorFromArray([1, 2, 3], new Float64()) }).batches[0],
    ]);
    const taken = takeRows(withColumnSchema(plain, [{ name: 'v', type: 'numeric', role: 'feature' }]), [2, 2]);
    expect(readColumn(taken, 'v')).toEqual([3, 3]);
  });
});
