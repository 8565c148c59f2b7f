import { describe, expect, it } from 'vitest';
import type { InputSpec } from './loaded-model';
import { validateRows } from './validate-rows';

const inputs: InputSpec[] = [
  { info: { name: 'amount', type: 'numeric', role: 'feature' }, categories: null },
  { info: { name: 'city', type: 'categorical', role: 'feature' }, categories: new Set(['Lyon', 'Paris']) },
  { info: { name: 'member', type: 'boolean', role: 'feature' }, categories: null },
  { info: { name: 'seen', type: 'datetime', role: 'feature' }, categories: null },
  { info: { name: 'note', type: 'text', role: 'feature' }, categories: new Set(['late']) },
];
const model = { inputs, ignorable: new Set(['fraud']) };
const table = (columns: Record<string, unknown[]>) => ({ rows: Object.values(columns)[0].length, columns: new Map(Object.entries(columns)) });
const ok = { amount: [1, '2.5', null], city: ['Lyon', 7, null], member: [true, 'false', null], seen: ['2024-01-02T00:00:00Z', 0, null], note: ['late', 'fine', null] };

describe('validateRows', () => {
  it('builds the raw table, reading number text, nulls as missing, and reports unseen categories when accepting', () => {
    const { batch, unseen } = validateRows(table(ok), model, 'accept');
    const t = batch.table();
    expect(t.table.numRows).toBe(3);
    expect(t.table.getChild('amount')!.get(2)).toBeNaN();
    expect([...t.table.getChild('amount')!].slice(0, 2)).toEqual([1, 2.5]);
    expect(t.table.getChild('city')!.get(1)).toBe('7');
    expect(t.table.getChild('member')!.get(1)).toBe(false);
    expect(unseen).toEqual([
      { row: 1, column: 'city', value: '7' },
      { row: 1, column: 'note', value: 'fine' },
    ]);
  });

  it('refuses an unseen category by default with the known ones and a suggestion, but not new text', () => {
    expect(() => validateRows(table(ok), model)).toThrow(/Column "city", row 1: unknown category "7"; the model knows "Lyon", "Paris"/);
    expect(() => validateRows(table({ ...ok, city: ['Lyon', 'Pariss', null] }), model)).toThrow(/unknown category "Pariss" \(did you mean "Paris"\?\)/);
    const { unseen } = validateRows(table({ ...ok, city: ['Lyon', 'Paris', null] }), model);
    expect(unseen).toEqual([{ row: 1, column: 'note', value: 'fine' }]);
  });

  it.each([
    [{ ...ok, amount: [1, 'x', 2] }, /Column "amount", row 1: expected a number, got "x"/],
    [{ ...ok, amount: [1, 'NaN', 2] }, /Column "amount", row 1: NaN and infinite values are not allowed/],
    [{ ...ok, amount: [1, 2, true] }, /Column "amount", row 2: expected a number, got boolean true/],
    [{ ...ok, city: ['Lyon', {}, null] }, /Column "city", row 1: expected a category/],
    [{ ...ok, member: [true, 'yes', null] }, /Column "member", row 1: expected true or false/],
    [{ ...ok, seen: ['soon', 0, null] }, /Column "seen", row 0: expected a date and time/],
  ])('refuses a value the column cannot take, naming column and row (%#)', (columns, message) => {
    expect(() => validateRows(table(columns), model, 'accept')).toThrow(message);
  });

  it('names missing columns, and unknown ones with a suggestion, but ignores the target', () => {
    const { amount: _a, ...noAmount } = ok;
    expect(() => validateRows(table(noAmount), model)).toThrow(/Missing column "amount"/);
    expect(() => validateRows(table({ ...ok, amuont: [1, 2, 3] }), model)).toThrow(/Unknown column "amuont" \(did you mean "amount"\?\)/);
    expect(validateRows(table({ ...ok, fraud: ['no', 'no', 'yes'] }), model, 'accept').batch.rows).toBe(3);
  });

  it('gives the same for columns in a known order (a body layout) as through the map, and checks a new order again', () => {
    const ordered = (columns: Record<string, unknown[]>, names: readonly string[]) => ({ ...table(columns), order: { names, values: names.map((n) => columns[n]) } });
    const own = { inputs, ignorable: model.ignorable };
    const names = ['note', 'fraud', 'seen', 'member', 'city', 'amount'];
    const columns = { ...ok, fraud: ['no', 'no', 'yes'] };
    const plain = validateRows(table(columns), own, 'accept');
    for (let i = 0; i < 2; i++) {
      const got = validateRows(ordered(columns, names), own, 'accept');
      expect(got.batch.columns).toEqual(plain.batch.columns);
      expect(got.unseen).toEqual(plain.unseen);
    }
    const { amount: _a, ...noAmount } = columns;
    expect(() => validateRows(ordered(noAmount, names.slice(0, -1)), own)).toThrow(/Missing column "amount"/);
    expect(() => validateRows(ordered({ ...columns, amuont: [1, 2, 3] }, [...names, 'amuont']), own)).toThrow(/Unknown column "amuont"/);
  });
});
