import { describe, expect, it } from 'vitest';
import { readCookie } from './cookies';

describe('readCookie', () => {
  it('reads the named cookie among others', () => {
    expect(readCookie('a=1; pw_session=abc-_; b=2', 'pw_session')).toBe('abc-_');
    expect(readCookie('a=1', 'pw_session')).toBeUndefined();
    expect(readCookie(null, 'pw_session')).toBeUndefined();
  });

  it('ignores a value with a malformed %-escape as if it were absent, never throws', () => {
    for (const bad of ['%', '%E0%A4%A', '%ff', 'abc%zz', '%C0%AF']) {
      expect(readCookie(`pw_session=${bad}`, 'pw_session'), bad).toBeUndefined();
    }
  });

  it('falls through a malformed duplicate to a well-formed one', () => {
    expect(readCookie('pw_session=%; pw_session=good', 'pw_session')).toBe('good');
  });

  it('decodes well-formed escapes', () => {
    expect(readCookie('x=a%20b', 'x')).toBe('a b');
  });
});
