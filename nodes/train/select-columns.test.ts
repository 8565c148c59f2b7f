import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import type { ColumnInfo, ColumnRole } from '../values';
import { selectColumns } from './select-columns';

const col = (name: string, role: ColumnRole = 'feature'): ColumnInfo => ({ name, type: 'numeric', role });
const names = (cs: ColumnInfo[]) => cs.map((c) => c.name);

describe('selectColumns', () => {
  const columns = [col('id', 'id'), col('a'), col('when', 'time'), col('b'), col('skip', 'ignore'), col('y', 'target')];

  it('takes the role-marked target and the feature columns, never id/time/ignore', () => {
    const s = selectColumns(columns, {});
    expect(s.target.name).toBe('y');
    expect(names(s.features)).toEqual(['a', 'b']);
  });

  it('lets the params name the target (which then leaves the features) and list features', () => {
    const s = selectColumns(columns, { target: 'b' });
    expect(s.target.name).toBe('b');
    expect(names(s.features)).toEqual(['a']);
    expect(names(selectColumns(columns, { features: ['b', 'a'] }).features)).toEqual(['b', 'a']);
    expect(selectColumns(columns, { target: '', features: [] }).target.name).toBe('y');
  });

  it('refuses listed features that are missing, the target, duplicated or of a non-feature role', () => {
    expect(() => selectColumns(columns, { features: ['nope'] })).toThrow(/"nope" is not in/);
    expect(() => selectColumns(columns, { features: ['y'] })).toThrow(/cannot also be a feature/);
    expect(() => selectColumns(columns, { features: ['a', 'a'] })).toThrow(/twice/);
    expect(() => selectColumns(columns, { features: ['id'] })).toThrow(/role id/);
  });

  it('explains a missing, ambiguous or unknown target', () => {
    expect(() => selectColumns([col('a')], {})).toThrow(/No target column/);
    expect(() => selectColumns([col('a', 'target'), col('b', 'target'), col('c')], {})).toThrow(/Several columns/);
    expect(() => selectColumns(columns, { target: 'zz' })).toThrow(UserError);
  });

  it('fails when no feature column is left', () => {
    expect(() => selectColumns([col('id', 'id'), col('y', 'target')], {})).toThrow(/no feature columns/);
  });
});
