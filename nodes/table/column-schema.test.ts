import { Bool, Float64, Table, TimestampMillisecond, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { COLUMNS_METADATA_KEY, readColumnSchema, withColumnSchema } from './column-schema';

const plain = new Table({
  n: vectorFromArray([1, 2], new Float64()),
  s: vectorFromArray(['a', 'b'], new Utf8()),
  b: vectorFromArray([true, false], new Bool()),
  t: vectorFromArray([new Date(0), new Date(1)], new TimestampMillisecond()),
});

describe('column schema metadata', () => {
  it('infers types from Arrow when a table has no metadata', () => {
    expect(readColumnSchema(plain)).toEqual([
      { name: 'n', type: 'numeric', role: 'feature' },
      { name: 's', type: 'text', role: 'feature' },
      { name: 'b', type: 'boolean', role: 'feature' },
      { name: 't', type: 'datetime', role: 'feature' },
    ]);
  });

  it('writes and reads the schema under its key', () => {
    const columns = readColumnSchema(plain).map((c) => (c.name === 'b' ? { ...c, role: 'target' as const } : c));
    const tagged = withColumnSchema(plain, columns);
    expect(tagged.schema.metadata.has(COLUMNS_METADATA_KEY)).toBe(true);
    expect(readColumnSchema(tagged)).toEqual(columns);
    expect(plain.schema.metadata.has(COLUMNS_METADATA_KEY)).toBe(false);
  });

  it('refuses a schema whose names do not match the fields', () => {
    const wrong = readColumnSchema(plain).reverse();
    expect(() => withColumnSchema(plain, wrong)).toThrow(/does not match/);
  });

  it('refuses corrupt metadata rather than guessing', () => {
    const bad = withColumnSchema(plain, readColumnSchema(plain));
    bad.schema.metadata.set(COLUMNS_METADATA_KEY, '[{"name":"n","type":"complex","role":"feature"}]');
    expect(() => readColumnSchema(bad)).toThrow();
  });
});
