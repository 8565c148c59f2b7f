import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../values';
import { checkSchema } from './check-schema';

const actual: ColumnInfo[] = [
  { name: 'id', type: 'numeric', role: 'id' },
  { name: 'city', type: 'text', role: 'feature' },
  { name: 'extra', type: 'boolean', role: 'feature' },
];

describe('checkSchema', () => {
  it('lists missing columns, wrong types and, when not allowed, extra columns', () => {
    const expected = [
      { name: 'city', type: 'categorical' as const },
      { name: 'id', type: 'numeric' as const },
      { name: 'age', type: 'numeric' as const },
    ];
    expect(checkSchema(expected, actual, false)).toEqual({
      missing: ['age'],
      wrongType: [{ name: 'city', expected: 'categorical', actual: 'text' }],
      extra: ['extra'],
    });
    expect(checkSchema(expected, actual, true).extra).toEqual([]);
  });

  it('finds nothing wrong with a matching schema in another order', () => {
    const expected = actual.map(({ name, type }) => ({ name, type })).reverse();
    expect(checkSchema(expected, actual, false)).toEqual({ missing: [], wrongType: [], extra: [] });
  });
});
