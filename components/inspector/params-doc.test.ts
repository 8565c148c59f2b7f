import { describe, expect, it } from 'vitest';
import { changedParams, stableKey } from './params-doc';

describe('params-doc', () => {
  it('compares by content, not key order', () => {
    expect(stableKey({ b: 1, a: { d: 2, c: 3 } })).toBe(stableKey({ a: { c: 3, d: 2 }, b: 1 }));
    expect(stableKey(undefined)).toBe('undefined');
  });

  it('names the params an edit touched', () => {
    expect(changedParams({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] })).toEqual(['b']);
    expect(changedParams({ a: 1 }, { b: 2 })).toEqual(['a', 'b']);
    expect(changedParams({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toEqual([]);
  });
});
