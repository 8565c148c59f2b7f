import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { columnInfos, tableToTable, unlessRefused } from './known-columns';

const shapes = [{ name: 'a', type: 'numeric', role: 'feature' }];

describe('known columns', () => {
  it('accepts only the types and roles nodes know', () => {
    expect(columnInfos(shapes)).toEqual(shapes);
    expect(columnInfos([{ name: 'a', type: 'decimal', role: 'feature' }])).toBeNull();
    expect(columnInfos([{ name: 'a', type: 'numeric', role: 'weight' }])).toBeNull();
    expect(columnInfos(null)).toBeNull();
    expect(columnInfos(undefined)).toBeNull();
  });

  it('turns a refusal into an unknown schema but lets bugs through', () => {
    expect(unlessRefused(() => { throw new UserError('no such column'); })).toBeNull();
    expect(() => unlessRefused(() => { throw new TypeError('bug'); })).toThrow(TypeError);
  });

  it('derives the table output from the table input', () => {
    expect(tableToTable({ table: shapes }, (c) => c.slice(0, 0))).toEqual({ table: [] });
    expect(tableToTable({ table: null }, () => { throw new Error('not called'); })).toEqual({ table: null });
  });
});
