import { describe, expect, it } from 'vitest';
import { readColumn } from '../table/read-column';
import type { ColumnInfo } from '../values';
import { tableFromCode } from './code-output';

const input: ColumnInfo[] = [
  { name: 'amount', type: 'numeric', role: 'feature' },
  { name: 'when', type: 'datetime', role: 'time' },
  { name: 'label', type: 'categorical', role: 'target' },
];

describe('tableFromCode', () => {
  it('keeps a same-named input column\'s type and role, and types new columns from their values', () => {
    const out = tableFromCode(
      { amount: new Float64Array([1, NaN]), when: new Float64Array([0, 86_400_000]), label: ['a', null], flag: [true, null], note: ['x', 'y'], n: [1, null] },
      input,
    );
    expect(out.columns).toEqual([
      ...input,
      { name: 'flag', type: 'boolean', role: 'feature' },
      { name: 'note', type: 'categorical', role: 'feature' },
      { name: 'n', type: 'numeric', role: 'feature' },
    ]);
    expect(readColumn(out.table, 'amount')).toEqual([1, null]);
    expect(readColumn(out.table, 'when')).toEqual([0, 86_400_000]);
    expect(readColumn(out.table, 'label')).toEqual(['a', null]);
    expect(readColumn(out.table, 'n')).toEqual([1, null]);
  });

  it('marks NaN cells missing wherever they fall, with the validity bitmap the Arrow builder writes', () => {
    for (const at of [[], [0], [7], [8], [9], [3, 17], [19], [0, 1, 2, 3, 4, 5, 6, 7, 8]]) {
      const values = Float64Array.from({ length: 20 }, (_, i) => (at.includes(i) ? NaN : i + 0.5));
      const copy = Float64Array.from(values);
      const data = tableFromCode({ amount: values }, input).table.getChild('amount')!.data[0];
      expect(data.nullCount).toBe(at.length);
      expect(readColumn(tableFromCode({ amount: copy }, input).table, 'amount')).toEqual(Array.from({ length: 20 }, (_, i) => (at.includes(i) ? null : i + 0.5)));
      if (at.length === 0) {
        expect(data.nullBitmap?.length ?? 0).toBe(0);
        continue;
      }
      const expected = new Uint8Array(3);
      for (let i = 0; i < 20; i++) if (!at.includes(i)) expected[i >> 3] |= 1 << (i & 7);
      expect(Array.from(data.nullBitmap!)).toEqual(Array.from(expected));
      expect(Array.from(data.values as Float64Array).filter((_, i) => at.includes(i))).toEqual(at.map(() => 0));
    }
  });

  it('checks the result against declared output columns, with did-you-mean', () => {
    const declared: ColumnInfo[] = [{ name: 'amount_log', type: 'numeric', role: 'feature' }];
    expect(tableFromCode({ amount_log: [0.5] }, input, declared).columns).toEqual(declared);
    expect(() => tableFromCode({ amount_lg: [0.5] }, input, declared)).toThrow(/"amount_lg".*did you mean "amount_log"/);
    expect(() => tableFromCode({ amount_log: ['x'] }, input, declared)).toThrow(/holds strings, but it is declared numeric/);
    expect(() => tableFromCode({ other: [1], amount_log: [1] }, input, [...declared, { name: 'other', type: 'numeric', role: 'id' }]).columns).not.toThrow();
    expect(() => tableFromCode({ other: [1] }, input, [...declared, { name: 'other', type: 'numeric', role: 'id' }])).toThrow(/did not return column "amount_log"/);
  });

  it('refuses what is not a table, naming the column and row', () => {
    expect(() => tableFromCode([1, 2], input)).toThrow(/must return an object of columns.*an array/);
    expect(() => tableFromCode(null, input)).toThrow(/returned null/);
    expect(() => tableFromCode({}, input)).toThrow(/no columns/);
    expect(() => tableFromCode({ a: 3 }, input)).toThrow(/Returned column "a" is a number/);
    expect(() => tableFromCode({ a: [1, 'x'] }, input)).toThrow(/"a", row 2, is a string, but earlier rows are numbers/);
    expect(() => tableFromCode({ a: [[1]] }, input)).toThrow(/"a", row 1, is an array/);
    expect(() => tableFromCode({ a: [1, 2], b: [1] }, input)).toThrow(/"b" has 1 rows, but "a" has 2/);
  });
});
