import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import type { CellValue } from '../table/table-from-columns';
import type { ColumnInfo } from '../values';
import { checkExpectation, type TableView } from './check-expectation';
import { expectationSchema } from './expectations';

const data: Record<string, { info: ColumnInfo; values: CellValue[] }> = {
  age: { info: { name: 'age', type: 'numeric', role: 'feature' }, values: [30, null, 150, -1, 40, Number.NaN, 30] },
  plan: { info: { name: 'plan', type: 'categorical', role: 'feature' }, values: ['pro', 'free', 'gold', null, 'pro', 'free', 'vip'] },
  day: { info: { name: 'day', type: 'datetime', role: 'time' }, values: [0, 1, 2, 3, 4, 5, Date.UTC(2030, 0, 1)].map((d) => (d < 10 ? Date.UTC(2024, 0, d + 1) : d)) },
};
const table: TableView = {
  rows: 7,
  columns: Object.values(data).map((d) => d.info),
  values: (name) => data[name].values,
};
const check = (raw: unknown) => checkExpectation(expectationSchema.parse(raw), table, 'expectations.0');

describe('checkExpectation', () => {
  it('not_null counts missing cells (null and NaN) and names the first rows', () => {
    expect(check({ kind: 'not_null', column: 'age' })).toEqual({
      kind: 'not_null',
      description: '"age" has no missing values',
      column: 'age',
      passed: false,
      observed: { missing: 2 },
      failingRows: 2,
      failingRowNumbers: [2, 6],
    });
  });

  it('range fails present values outside the bounds, for numbers and ISO datetimes', () => {
    expect(check({ kind: 'range', column: 'age', min: 0, max: 120 })).toMatchObject({
      passed: false,
      observed: { min: -1, max: 150 },
      failingRows: 2,
      failingRowNumbers: [3, 4],
    });
    expect(check({ kind: 'range', column: 'age', min: -5 }).passed).toBe(true);
    expect(check({ kind: 'range', column: 'day', max: '2025-01-01' })).toMatchObject({
      passed: false,
      observed: { min: '2024-01-01T00:00:00.000Z', max: '2030-01-01T00:00:00.000Z' },
      failingRowNumbers: [7],
    });
  });

  it('allowed_values lists the unexpected values', () => {
    expect(check({ kind: 'allowed_values', column: 'plan', values: ['free', 'pro'] })).toMatchObject({
      passed: false,
      observed: { unexpected: ['gold', 'vip'] },
      failingRows: 2,
      failingRowNumbers: [3, 7],
    });
  });

  it('unique marks every row of a repeated value', () => {
    expect(check({ kind: 'unique', column: 'plan' })).toMatchObject({
      passed: false,
      observed: { duplicatedValues: 2 },
      failingRowNumbers: [1, 2, 5, 6],
    });
    expect(check({ kind: 'unique', column: 'day' }).passed).toBe(true);
  });

  it('missing_fraction_at_most compares the share of missing cells', () => {
    expect(check({ kind: 'missing_fraction_at_most', column: 'age', max: 0.3 })).toMatchObject({
      passed: true,
      observed: { missingFraction: 2 / 7, missing: 2 },
    });
    expect(check({ kind: 'missing_fraction_at_most', column: 'age', max: 0.2 }).passed).toBe(false);
  });

  it('checks the schema and the row count at table level', () => {
    const schema = check({ kind: 'schema_match', columns: [{ name: 'age', type: 'numeric' }], allowExtra: false });
    expect(schema).toMatchObject({ passed: false, observed: { extra: ['plan', 'day'] }, failingRows: 0 });
    expect(check({ kind: 'schema_match', columns: [{ name: 'age', type: 'numeric' }] }).passed).toBe(true);
    expect(check({ kind: 'row_count_between', min: 5, max: 10 })).toMatchObject({ passed: true, observed: { rows: 7 } });
    expect(check({ kind: 'row_count_between', min: 8 }).passed).toBe(false);
  });

  it('refuses an unknown column, a range on text and a bound of the wrong kind', () => {
    expect(() => check({ kind: 'unique', column: 'email' })).toThrow(UserError);
    expect(() => check({ kind: 'range', column: 'plan', min: 1 })).toThrow('A range needs a numeric or datetime column; "plan" is categorical');
    expect(() => check({ kind: 'range', column: 'day', min: 5 })).toThrow(/not an ISO 8601 date/);
    expect(() => check({ kind: 'allowed_values', column: 'age', values: ['old'] })).toThrow(
      expect.objectContaining({ details: { field: 'expectations.0.values.0', column: 'age' } }),
    );
  });
});
