import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJSON } from './canonical-json';

describe('canonicalJSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJSON({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text whatever order keys were inserted in', () => {
    expect(canonicalJSON({ x: 1, y: 2 })).toBe(canonicalJSON({ y: 2, x: 1 }));
  });

  it('sorts by code unit, not by locale', () => {
    expect(canonicalJSON({ b: 1, B: 2, a: 3, é: 4 })).toBe('{"B":2,"a":3,"b":1,"é":4}');
  });

  it('escapes strings as JSON does and writes -0 as 0', () => {
    expect(canonicalJSON({ s: 'a"b\n', n: -0 })).toBe('{"n":0,"s":"a\\"b\\n"}');
  });

  it('omits undefined object fields, like an absent optional field', () => {
    expect(canonicalJSON({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('uses toJSON (dates become ISO strings)', () => {
    expect(canonicalJSON({ d: new Date(0) })).toBe('{"d":"1970-01-01T00:00:00.000Z"}');
  });

  it.each([
    ['NaN', { a: NaN }, '$.a'],
    ['Infinity', { a: [1, -Infinity] }, '$.a[1]'],
    ['undefined in an array', [1, undefined], '$[1]'],
    ['a hole in an array', [1, , 3], '$[1]'], // eslint-disable-line no-sparse-arrays
    ['a function', { f: () => 1 }, '$.f'],
    ['a bigint', { n: 1n }, '$.n'],
    ['a Map', { m: new Map() }, '$.m'],
    ['undefined at the top', undefined, '$'],
  ])('refuses %s and says where', (_name, value, path) => {
    expect(() => canonicalJSON(value)).toThrow(CanonicalJsonError);
    expect(() => canonicalJSON(value)).toThrow(`at ${path}`);
  });

  it('refuses circular references', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalJSON(a)).toThrow('circular');
  });

  it('allows the same object twice when it is not circular', () => {
    const shared = { k: 1 };
    expect(canonicalJSON([shared, shared])).toBe('[{"k":1},{"k":1}]');
  });
});
