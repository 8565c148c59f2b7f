import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import type { ColumnInfo } from '../values';
import { assertNoRepeats, findColumn, findTypedColumn, orList } from './column-lookup';

const columns: ColumnInfo[] = [
  { name: 'age', type: 'numeric', role: 'feature' },
  { name: 'city', type: 'categorical', role: 'feature' },
];

describe('findColumn', () => {
  it('returns the column by name', () => {
    expect(findColumn(columns, 'city', 'column')).toBe(columns[1]);
  });

  it('names an unknown column, the field and the available columns', () => {
    const error = (() => {
      try {
        findColumn(columns, 'agee', 'conditions.0.column');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('Column "agee" is not in the table (available: "age", "city")');
    expect((error as UserError).details).toEqual({ field: 'conditions.0.column', column: 'agee' });
  });
});

describe('findTypedColumn', () => {
  it('refuses a column of the wrong type, saying what is needed', () => {
    expect(() => findTypedColumn(columns, 'city', 'columns.0', ['numeric'], 'Clipping')).toThrow(
      'Clipping needs a numeric column; "city" is categorical',
    );
    expect(findTypedColumn(columns, 'age', 'x', ['numeric', 'datetime'], 'A range').name).toBe('age');
  });
});

describe('assertNoRepeats', () => {
  it('points at the second mention', () => {
    expect(() => assertNoRepeats(['a', 'b', 'a'], (i) => `columns.${i}`, 'columns')).toThrow(
      expect.objectContaining({ details: { field: 'columns.2', column: 'a' } }),
    );
    expect(() => assertNoRepeats(['a', 'b'], String, 'columns')).not.toThrow();
  });
});

describe('orList', () => {
  it('joins with commas and a final "or"', () => {
    expect(orList(['numeric'])).toBe('numeric');
    expect(orList(['numeric', 'datetime', 'text'])).toBe('numeric, datetime or text');
  });
});
