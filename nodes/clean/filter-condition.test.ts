import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import type { CellValue } from '../table/table-from-columns';
import type { ColumnInfo } from '../values';
import { compileCondition, type FilterCondition } from './filter-condition';

const num: ColumnInfo = { name: 'age', type: 'numeric', role: 'feature' };
const cat: ColumnInfo = { name: 'city', type: 'categorical', role: 'feature' };
const day: ColumnInfo = { name: 'day', type: 'datetime', role: 'time' };
const flag: ColumnInfo = { name: 'ok', type: 'boolean', role: 'feature' };

const matches = (cond: Omit<FilterCondition, 'column'>, info: ColumnInfo, cells: CellValue[]) => {
  const test = compileCondition({ column: info.name, ...cond }, info, 'conditions.0');
  return cells.map(test);
};

describe('compileCondition', () => {
  const ages = [10, 20, 30, null, Number.NaN];

  it('compares numbers, and missing cells match only is_missing', () => {
    expect(matches({ op: 'gt', value: 20 }, num, ages)).toEqual([false, false, true, false, false]);
    expect(matches({ op: 'le', value: '20' }, num, ages)).toEqual([true, true, false, false, false]);
    expect(matches({ op: 'ne', value: 20 }, num, ages)).toEqual([true, false, true, false, false]);
    expect(matches({ op: 'between', min: 15, max: 30 }, num, ages)).toEqual([false, true, true, false, false]);
    expect(matches({ op: 'not_in', values: [10] }, num, ages)).toEqual([false, true, true, false, false]);
    expect(matches({ op: 'is_missing' }, num, ages)).toEqual([false, false, false, true, true]);
    expect(matches({ op: 'not_missing' }, num, ages)).toEqual([true, true, true, false, false]);
  });

  it('matches text exactly, by prefix or by substring', () => {
    const cities = ['Paris', 'paris', 'Parma', null];
    expect(matches({ op: 'eq', value: 'Paris' }, cat, cities)).toEqual([true, false, false, false]);
    expect(matches({ op: 'starts_with', value: 'Par' }, cat, cities)).toEqual([true, false, true, false]);
    expect(matches({ op: 'contains', value: 'ar' }, cat, cities)).toEqual([true, true, true, false]);
    expect(matches({ op: 'in', values: ['Parma', 'Rome'] }, cat, cities)).toEqual([false, false, true, false]);
  });

  it('compares datetimes given in ISO 8601', () => {
    const days = [Date.UTC(2024, 0, 1), Date.UTC(2024, 5, 1, 12), null];
    expect(matches({ op: 'ge', value: '2024-06-01' }, day, days)).toEqual([false, true, false]);
    expect(matches({ op: 'lt', value: '2024-06-01T12:00:00Z' }, day, days)).toEqual([true, false, false]);
  });

  it('compares booleans with true/false', () => {
    expect(matches({ op: 'eq', value: true }, flag, [true, false, null])).toEqual([true, false, false]);
    expect(matches({ op: 'ne', value: 'true' }, flag, [true, false, null])).toEqual([false, true, false]);
  });

  it('refuses an op that does not fit the column type, saying which types it fits', () => {
    expect(() => matches({ op: 'contains', value: '1' }, num, ages)).toThrow(
      'Op "contains" works on categorical or text columns; "age" is numeric',
    );
    expect(() => matches({ op: 'gt', value: 'm' }, cat, [])).toThrow(
      'Op "gt" works on numeric or datetime columns; "city" is categorical',
    );
  });

  it('refuses a missing or mistyped operand, pointing at its field', () => {
    const error = (cond: Omit<FilterCondition, 'column'>, info: ColumnInfo) => {
      try {
        matches(cond, info, []);
      } catch (e) {
        return e as UserError;
      }
      throw new Error('expected an error');
    };
    expect(error({ op: 'gt' }, num).details).toEqual({ field: 'conditions.0.value', column: 'age' });
    expect(error({ op: 'gt', value: 'ten' }, num).message).toBe('"ten" is not a number, as "age" (numeric) needs');
    expect(error({ op: 'lt', value: '01/02/2024' }, day).message).toMatch(/not an ISO 8601 date/);
    expect(error({ op: 'in', values: [] }, cat).details.field).toBe('conditions.0.values');
    expect(error({ op: 'in', values: [1, 'x'] }, num).details.field).toBe('conditions.0.values.1');
    expect(error({ op: 'between', min: 5, max: 1 }, num).message).toMatch(/min 5 is above max 1/);
  });
});
