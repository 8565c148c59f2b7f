import { describe, expect, it } from 'vitest';
import { buildFeeds, parseRow, parseValue } from './feeds';
import { inputLayout } from './input-layout';

describe('parseValue', () => {
  it('takes decimal numbers, signs and exponents', () => {
    expect(parseValue(' -2.5 ', 'float32')).toEqual({ ok: true, value: -2.5 });
    expect(parseValue('1e3', 'float64')).toEqual({ ok: true, value: 1000 });
    expect(parseValue('.5', 'float32')).toEqual({ ok: true, value: 0.5 });
    expect(parseValue('7', 'int64')).toEqual({ ok: true, value: 7 });
  });

  it('says what is wrong, quoting the text', () => {
    expect(parseValue('abc', 'float32')).toEqual({ ok: false, reason: "'abc' is not a number" });
    expect(parseValue('0x10', 'float32')).toEqual({ ok: false, reason: "'0x10' is not a number" });
    expect(parseValue('NaN', 'float32')).toEqual({ ok: false, reason: "'NaN' is not a number" });
    expect(parseValue('  ', 'float32')).toEqual({ ok: false, reason: 'empty, a number is needed' });
    expect(parseValue('1e999', 'float64')).toEqual({ ok: false, reason: "'1e999' is too large" });
    expect(parseValue('2.5', 'int32')).toEqual({ ok: false, reason: "'2.5' is not a whole number (the input is int32)" });
    expect(parseValue('3000000000', 'int32')).toEqual({ ok: false, reason: "'3000000000' is out of range for int32" });
  });
});

describe('parseRow and buildFeeds', () => {
  const vector = inputLayout([{ name: 'features', isTensor: true, type: 'float32', shape: ['N', 3] }], ['a', 'b', 'c']);
  const columns = inputLayout([
    { name: 'a', isTensor: true, type: 'float32', shape: ['N', 1] },
    { name: 'b', isTensor: true, type: 'int64', shape: ['N'] },
  ]);
  if (vector.kind === 'unsupported' || columns.kind === 'unsupported') throw new Error('layouts expected');

  it('reports every bad field by its label', () => {
    const parsed = parseRow(vector.fields, ['1', 'x', '']);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.map((p) => `${p.field.label}: ${p.reason}`)).toEqual(["b: 'x' is not a number", 'c: empty, a number is needed']);
    expect(parseRow(vector.fields, ['1', '2', '3'])).toEqual({ ok: true, values: [1, 2, 3] });
  });

  it('packs rows into one [rows, n] tensor, or one tensor per column', () => {
    expect(buildFeeds(vector, [[1, 2, 3], [4, 5, 6]])).toEqual([{ name: 'features', type: 'float32', dims: [2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) }]);
    expect(buildFeeds(columns, [[0.5, 2], [1.5, 3]])).toEqual([
      { name: 'a', type: 'float32', dims: [2, 1], data: Float32Array.of(0.5, 1.5) },
      { name: 'b', type: 'int64', dims: [2], data: BigInt64Array.of(2n, 3n) },
    ]);
  });

  it('refuses several rows for a model that takes one per run', () => {
    const single = inputLayout([{ name: 'x', isTensor: true, type: 'float32', shape: [2] }]);
    if (single.kind === 'unsupported') throw new Error('layout expected');
    expect(buildFeeds(single, [[1, 2]])).toEqual([{ name: 'x', type: 'float32', dims: [2], data: Float32Array.of(1, 2) }]);
    expect(() => buildFeeds(single, [[1, 2], [3, 4]])).toThrow('one row per run');
  });
});
