import { describe, expect, it } from 'vitest';
import { uniqueRows } from './unique-rows';

describe('uniqueRows', () => {
  const a = [1, 1, 2, 1, null, Number.NaN];
  const b = ['x', 'x', 'x', 'y', 'z', 'z'];

  it('keeps the first or the last of each group, in row order', () => {
    expect(Array.from(uniqueRows([a, b], 6, 'first'))).toEqual([0, 2, 3, 4]);
    expect(Array.from(uniqueRows([a, b], 6, 'last'))).toEqual([1, 2, 3, 5]);
  });

  it('looks only at the given columns', () => {
    expect(Array.from(uniqueRows([b], 6, 'first'))).toEqual([0, 3, 4]);
  });

  it('does not confuse a number with its text, or cells across columns', () => {
    expect(Array.from(uniqueRows([[1, '1']], 2, 'first'))).toEqual([0, 1]);
    expect(Array.from(uniqueRows([['a,b', 'a'], ['c', 'b,c']], 2, 'first'))).toEqual([0, 1]);
  });
});
