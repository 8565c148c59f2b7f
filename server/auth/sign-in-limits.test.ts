import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { openTestDb, type TestDb } from '../db/test-db';
import { signInFailures } from '../db/schema';
import { parseEnv } from '../env';
import { checkSignIn, clearSignInFailures, clientAddress, recordSignInFailure, signInLimits } from './sign-in-limits';

const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000 };
const t: TestDb = openTestDb();
afterAll(() => t.cleanup());
beforeEach(() => void t.db.delete(signInFailures).run());

const check = (account: string, address: string, now: number) => checkSignIn(t.db, limits, account, address, now);
const fail = (account: string, address: string, now: number) => recordSignInFailure(t.db, limits, account, address, now);

describe('sign-in limits', () => {
  it('refuses an account after its failures, with the seconds until the oldest leaves the window', () => {
    for (let i = 0; i < 3; i++) {
      expect(check('ada', 'a1', 1000 + i)).toEqual({ ok: true });
      fail('ada', `a${i}`, 1000 + i);
    }
    expect(check('ada', 'elsewhere', 2000)).toEqual({ ok: false, retryAfterSeconds: 59, by: 'account' });
    expect(check('bob', 'elsewhere', 2000)).toEqual({ ok: true });
    expect(check('ada', 'elsewhere', 61_001)).toEqual({ ok: true });
  });

  it('refuses an address that tries many accounts', () => {
    for (let i = 0; i < 5; i++) fail(`user${i}`, 'evil', 0);
    expect(check('fresh', 'evil', 10)).toMatchObject({ ok: false, by: 'address' });
    expect(check('fresh', 'good', 10)).toEqual({ ok: true });
  });

  it('clears an account on success, not its address', () => {
    for (let i = 0; i < 2; i++) fail('ada', 'x', 0);
    clearSignInFailures(t.db, 'ada');
    fail('ada', 'x', 1);
    fail('ada', 'x', 2);
    expect(check('ada', 'y', 3)).toEqual({ ok: true });
    fail('zed', 'x', 3);
    expect(check('other', 'x', 4)).toMatchObject({ ok: false, by: 'address' });
  });

  it('keeps its counts across a restart: they are rows in the database', () => {
    for (let i = 0; i < 3; i++) fail('ada', 'x', 100 + i);
    const reopened = openDatabase(t.dir);
    expect(checkSignIn(reopened.db, limits, 'ada', 'y', 200)).toMatchObject({ ok: false, by: 'account' });
    reopened.sqlite.close();
  });

  it('drops rows once they leave the window', () => {
    fail('ada', 'x', 0);
    fail('bob', 'x', 70_000);
    expect(t.db.select().from(signInFailures).all().map((r) => r.key).sort()).toEqual(['account:bob', 'address:x']);
  });

  it('reads its limits from the settings, with defaults', () => {
    expect(signInLimits(parseEnv({}))).toEqual({ perAccount: 10, perAddress: 30, windowMs: 15 * 60_000 });
    expect(signInLimits(parseEnv({ PIPEWORKS_SIGNIN_MAX_PER_ACCOUNT: '5', PIPEWORKS_SIGNIN_MAX_PER_ADDRESS: '50', PIPEWORKS_SIGNIN_WINDOW_MINUTES: '60' }))).toEqual({ perAccount: 5, perAddress: 50, windowMs: 3_600_000 });
  });
});

describe('clientAddress', () => {
  const headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.1', 'x-pipeworks-peer': '127.0.0.1' });
  it('ignores X-Forwarded-For unless a proxy is trusted, and takes the peer address the server stamped', () => {
    expect(clientAddress(headers, false)).toBe('127.0.0.1');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6' }), false)).toBe('unknown');
  });

  it('behind a trusted proxy, takes the last entry: the address that proxy saw', () => {
    expect(clientAddress(headers, true)).toBe('10.0.0.1');
    expect(clientAddress(new Headers({ 'x-pipeworks-peer': '127.0.0.1' }), true)).toBe('127.0.0.1');
  });
});
