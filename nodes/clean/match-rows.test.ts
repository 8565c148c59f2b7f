import { describe, expect, it } from 'vitest';
import { matchRows } from './match-rows';

describe('matchRows', () => {
  const a = { values: [1, 2, 3, 4], test: (c: unknown) => (c as number) > 2 };
  const b = { values: ['x', 'y', 'x', 'y'], test: (c: unknown) => c === 'x' };

  it('combines predicates with all or any, in row order', () => {
    expect(Array.from(matchRows(4, [a, b], 'all'))).toEqual([2]);
    expect(Array.from(matchRows(4, [a, b], 'any'))).toEqual([0, 2, 3]);
  });

  it('keeps every row when there are no predicates', () => {
    expect(Array.from(matchRows(3, [], 'any'))).toEqual([0, 1, 2]);
  });
});
