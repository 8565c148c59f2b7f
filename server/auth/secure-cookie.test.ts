import { describe, expect, it } from 'vitest';
import { isSecureRequest } from './secure-cookie';

describe('isSecureRequest', () => {
  it('ignores a client-sent X-Forwarded-Proto unless a proxy is trusted', () => {
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'https' }), false)).toBe(false);
    expect(isSecureRequest(new Headers(), false)).toBe(false);
  });

  it('behind a trusted proxy follows the outermost protocol', () => {
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'https' }), true)).toBe(true);
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'HTTPS, http' }), true)).toBe(true);
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'http' }), true)).toBe(false);
    expect(isSecureRequest(new Headers(), true)).toBe(false);
  });
});
