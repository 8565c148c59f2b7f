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

const check = (account: string, address: string, now: number) => checkSignIn(t.anyDb, limits, account, address, now);
const fail = (account: string, address: string, now: number) => recordSignInFailure(t.anyDb, limits, account, address, now);

describe('sign-in limits', () => {
  it('refuses an account after its failures, with the seconds until the oldest leaves the window', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await check('ada', 'a1', 1000 + i)).toEqual({ ok: true });
      await fail('ada', `a${i}`, 1000 + i);
    }
    expect(await check('ada', 'elsewhere', 2000)).toEqual({ ok: false, retryAfterSeconds: 59, by: 'account' });
    expect(await check('bob', 'elsewhere', 2000)).toEqual({ ok: true });
    expect(await check('ada', 'elsewhere', 61_001)).toEqual({ ok: true });
  });

  it('refuses an address that tries many accounts', async () => {
    for (let i = 0; i < 5; i++) await fail(`user${i}`, 'evil', 0);
    expect(await check('fresh', 'evil', 10)).toMatchObject({ ok: false, by: 'address' });
    expect(await check('fresh', 'good', 10)).toEqual({ ok: true });
  });

  it('clears an account on success, not its address', async () => {
    for (let i = 0; i < 2; i++) await fail('ada', 'x', 0);
    await clearSignInFailures(t.anyDb, 'ada');
    await fail('ada', 'x', 1);
    await fail('ada', 'x', 2);
    expect(await check('ada', 'y', 3)).toEqual({ ok: true });
    await fail('zed', 'x', 3);
    expect(await check('other', 'x', 4)).toMatchObject({ ok: false, by: 'address' });
  });

  it('keeps its counts across a restart: they are rows in the database', async () => {
    for (let i = 0; i < 3; i++) await fail('ada', 'x', 100 + i);
    const reopened = openDatabase(t.dir);
    expect(await checkSignIn(reopened.anyDb, limits, 'ada', 'y', 200)).toMatchObject({ ok: false, by: 'account' });
    reopened.sqlite.close();
  });

  it('drops rows once they leave the window', async () => {
    await fail('ada', 'x', 0);
    await fail('bob', 'x', 70_000);
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
