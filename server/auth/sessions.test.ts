import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessions } from '../db/schema';
import { getEnv } from '../env';
import { openTestDb, type TestDb } from '../db/test-db';
import {
  SESSION_COOKIE,
  clearSessionCookie,
  createSession,
  getSessionUser,
  revokeSession,
  revokeUserSessions,
  sessionCookie,
} from './sessions';
import { hashToken } from './tokens';
import { createUser, disableUser, type PublicUser } from './users';

let t: TestDb;
let alice: PublicUser;
beforeEach(async () => {
  t = openTestDb();
  await createUser(t.db, { email: 'root@example.com', name: 'Root', role: 'admin', password: 'long enough password' });
  alice = await createUser(t.db, { email: 'alice@example.com', name: 'Alice', role: 'analyst', password: 'long enough password' });
});
afterEach(() => t.cleanup());

const HOUR = 3_600_000;

describe('sessions', () => {
  it('stores only the sha256 of a 32-byte base64url token', () => {
    const token = createSession(t.db, alice.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = t.db.select().from(sessions).all();
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('resolves the user and uses the configured lifetime by default', () => {
    const now = Date.now();
    const token = createSession(t.db, alice.id, { now });
    expect(getSessionUser(t.db, token, now)).toEqual(alice);
    expect(t.db.select().from(sessions).get()?.expiresAt).toBe(now + getEnv().PIPEWORKS_SESSION_TTL_HOURS * HOUR);
    expect(getSessionUser(t.db, token + 'x', now)).toBeNull();
    expect(getSessionUser(t.db, '', now)).toBeNull();
  });

  it('expires, and deletes the expired row', () => {
    const token = createSession(t.db, alice.id, { now: 0, ttlMs: HOUR });
    expect(getSessionUser(t.db, token, HOUR - 1)?.id).toBe(alice.id);
    expect(getSessionUser(t.db, token, HOUR)).toBeNull();
    expect(t.db.select().from(sessions).all()).toEqual([]);
  });

  it('slides last_seen_at, at most once a minute', () => {
    const token = createSession(t.db, alice.id, { now: 0, ttlMs: HOUR });
    getSessionUser(t.db, token, 30_000);
    expect(t.db.select().from(sessions).get()?.lastSeenAt).toBe(0);
    getSessionUser(t.db, token, 90_000);
    expect(t.db.select().from(sessions).get()?.lastSeenAt).toBe(90_000);
  });

  it('refuses a disabled user even with a live token', () => {
    const token = createSession(t.db, alice.id);
    // Re-insert after disable (which clears sessions) to prove the check itself holds.
    disableUser(t.db, alice.id);
    const again = createSession(t.db, alice.id);
    expect(getSessionUser(t.db, token)).toBeNull();
    expect(getSessionUser(t.db, again)).toBeNull();
  });

  it('revokes one token or all of a user’s', () => {
    const a = createSession(t.db, alice.id);
    const b = createSession(t.db, alice.id);
    revokeSession(t.db, a);
    expect(getSessionUser(t.db, a)).toBeNull();
    expect(getSessionUser(t.db, b)?.id).toBe(alice.id);
    expect(revokeUserSessions(t.db, alice.id)).toBe(1);
    expect(getSessionUser(t.db, b)).toBeNull();
  });
});

describe('session cookies', () => {
  it('builds an HttpOnly, Lax, root-path cookie with Max-Age', () => {
    expect(SESSION_COOKIE).toBe('pw_session');
    expect(sessionCookie('tok', { secure: false, maxAgeSeconds: 60 })).toBe(
      'pw_session=tok; HttpOnly; SameSite=Lax; Path=/; Max-Age=60',
    );
    expect(sessionCookie('tok', { secure: true })).toBe(
      `pw_session=tok; HttpOnly; SameSite=Lax; Path=/; Max-Age=${getEnv().PIPEWORKS_SESSION_TTL_HOURS * 3600}; Secure`,
    );
  });

  it('clears with Max-Age=0', () => {
    expect(clearSessionCookie()).toBe('pw_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0');
  });
});
