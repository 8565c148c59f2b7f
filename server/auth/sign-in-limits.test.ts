import { describe, expect, it } from 'vitest';
import { SignInLimiter, clientAddress } from './sign-in-limits';

const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000 };

describe('SignInLimiter', () => {
  it('refuses an account after its failures, with the seconds until the oldest leaves the window', () => {
    const l = new SignInLimiter(limits);
    for (let i = 0; i < 3; i++) {
      expect(l.check('ada', 'a1', 1000 + i)).toEqual({ ok: true });
      l.recordFailure('ada', `a${i}`, 1000 + i);
    }
    expect(l.check('ada', 'elsewhere', 2000)).toEqual({ ok: false, retryAfterSeconds: 59, by: 'account' });
    expect(l.check('bob', 'elsewhere', 2000)).toEqual({ ok: true });
    expect(l.check('ada', 'elsewhere', 61_001)).toEqual({ ok: true });
  });

  it('refuses an address that tries many accounts', () => {
    const l = new SignInLimiter(limits);
    for (let i = 0; i < 5; i++) l.recordFailure(`user${i}`, 'evil', 0);
    expect(l.check('fresh', 'evil', 10)).toMatchObject({ ok: false, by: 'address' });
    expect(l.check('fresh', 'good', 10)).toEqual({ ok: true });
  });

  it('clears an account on success, not its address', () => {
    const l = new SignInLimiter(limits);
    for (let i = 0; i < 2; i++) l.recordFailure('ada', 'x', 0);
    l.recordSuccess('ada');
    l.recordFailure('ada', 'x', 1);
    l.recordFailure('ada', 'x', 2);
    expect(l.check('ada', 'y', 3)).toEqual({ ok: true });
    l.recordFailure('zed', 'x', 3);
    expect(l.check('other', 'x', 4)).toMatchObject({ ok: false, by: 'address' });
  });
});

describe('clientAddress', () => {
  it('takes the first X-Forwarded-For entry', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '10.0.0.1, 127.0.0.1' }))).toBe('10.0.0.1');
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});
