// Users, sessions and API keys on both databases: the same store calls, the same answers, and the
// read-check-write rules (one first admin, never zero active admins) hold under concurrency.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { resolveUser } from '../../server/api/context';
import { createApiKey, getApiKeyUser, listApiKeys, revokeApiKey } from '../../server/auth/api-keys';
import { SESSION_COOKIE, createSession, getSessionUser, revokeSession, revokeUserSessions } from '../../server/auth/sessions';
import { hashToken } from '../../server/auth/tokens';
import { countUsers, createFirstAdmin, createUser, disableUser, getUser, listUsers, setUserRole, verifyCredentials } from '../../server/auth/users';
import { first } from '../../server/db/any-db';
import { describeEachDatabase } from './helpers/each-database';

const password = 'long enough password';
const HOUR = 3_600_000;

describeEachDatabase('users, sessions and API keys', (under) => {
  it('lets exactly one of several racing first visits become the admin', async () => {
    const { db } = under;
    const attempts = ['a', 'b', 'c', 'd'].map((name) => createFirstAdmin(db, { email: `${name}@first.example.com`, name, password }));
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as Error);
    expect(refused.every((e) => e instanceof UserError && /already complete/.test(e.message))).toBe(true);
    expect(await countUsers(db)).toBe(1);
  });

  it('refuses a duplicate email regardless of case as a UserError naming the field', async () => {
    const { db } = under;
    const user = await createUser(db, { email: 'Dup@Example.com ', name: 'Dup', role: 'viewer', password });
    expect(user).toMatchObject({ email: 'dup@example.com', role: 'viewer', disabledAt: null });
    expect(user).not.toHaveProperty('passwordHash');
    await expect(createUser(db, { email: 'DUP@example.com', name: 'Again', role: 'viewer', password })).rejects.toMatchObject({
      message: 'A user with the email dup@example.com already exists',
      details: { field: 'email' },
    });
  });

  it('checks credentials, lists users oldest first, and keeps the last active admin', async () => {
    const { db } = under;
    const before = (await listUsers(db)).length;
    const boss = await createUser(db, { email: 'boss@example.com', name: 'Boss', role: 'admin', password });
    const sam = await createUser(db, { email: 'sam@example.com', name: 'Sam', role: 'scientist', password });
    expect(await verifyCredentials(db, ' SAM@example.com', password)).toEqual(sam);
    expect(await verifyCredentials(db, 'sam@example.com', 'wrong password!')).toBeNull();
    const listed = await listUsers(db);
    expect(listed.slice(before).map((u) => u.email)).toEqual(['boss@example.com', 'sam@example.com']);
    expect(listed.every((u) => !('passwordHash' in u))).toBe(true);

    // Demote every other admin, so boss is the last one.
    for (const u of listed) if (u.role === 'admin' && u.id !== boss.id) await setUserRole(db, u.id, 'viewer');
    await expect(setUserRole(db, boss.id, 'viewer')).rejects.toThrow(/last active admin/);
    await expect(disableUser(db, boss.id)).rejects.toThrow(/last active admin/);
    expect((await setUserRole(db, sam.id, 'admin')).role).toBe('admin');
    expect((await getUser(db, sam.id))?.role).toBe('admin');
    await expect(setUserRole(db, 'ghost', 'viewer')).rejects.toThrow('No user with id ghost');
  });

  it('never demotes both of two admins demoted at once', async () => {
    const { db } = under;
    const a = await createUser(db, { email: 'race-a@example.com', name: 'A', role: 'admin', password });
    const b = await createUser(db, { email: 'race-b@example.com', name: 'B', role: 'admin', password });
    for (const u of await listUsers(db)) if (u.role === 'admin' && u.id !== a.id && u.id !== b.id) await setUserRole(db, u.id, 'viewer');
    const results = await Promise.allSettled([setUserRole(db, a.id, 'viewer'), setUserRole(db, b.id, 'viewer')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const admins = (await listUsers(db)).filter((u) => u.role === 'admin' && u.disabledAt === null);
    expect(admins).toHaveLength(1);
  });

  it('resolves, slides, expires and revokes sessions; disabling a user ends them', async () => {
    const { db } = under;
    const alice = await createUser(db, { email: 'alice@example.com', name: 'Alice', role: 'analyst', password });
    const token = await createSession(db, alice.id, { now: 0, ttlMs: HOUR });
    const row = first(await db.select().from(db.t.sessions).where(eq(db.t.sessions.id, hashToken(token))).limit(1));
    expect(row).toMatchObject({ userId: alice.id, createdAt: 0, lastSeenAt: 0, expiresAt: HOUR });
    expect(await getSessionUser(db, token, 30_000)).toEqual(alice);
    const lastSeen = async () => first(await db.select().from(db.t.sessions).where(eq(db.t.sessions.id, hashToken(token))).limit(1))?.lastSeenAt;
    expect(await lastSeen()).toBe(0);
    await getSessionUser(db, token, 90_000);
    expect(await lastSeen()).toBe(90_000);
    expect(await getSessionUser(db, token, HOUR)).toBeNull();
    expect(await lastSeen()).toBeUndefined();

    const a = await createSession(db, alice.id);
    const b = await createSession(db, alice.id);
    const c = await createSession(db, alice.id);
    await revokeSession(db, a);
    expect(await getSessionUser(db, a)).toBeNull();
    expect((await getSessionUser(db, b))?.id).toBe(alice.id);
    expect(await revokeUserSessions(db, alice.id)).toBe(2);
    expect(await getSessionUser(db, c)).toBeNull();

    const live = await createSession(db, alice.id);
    const cookie = new Headers({ cookie: `${SESSION_COOKIE}=${live}` });
    expect(await resolveUser(cookie, db)).toEqual({ id: alice.id, email: alice.email, name: alice.name, role: 'analyst', via: 'session' });
    await disableUser(db, alice.id);
    expect(await db.select().from(db.t.sessions).where(eq(db.t.sessions.userId, alice.id))).toEqual([]);
    expect(await resolveUser(cookie, db)).toBeNull();
  });

  it('creates, resolves, lists and revokes API keys, scoped to their owner', async () => {
    const { db } = under;
    const owner = await createUser(db, { email: 'owner@example.com', name: 'Owner', role: 'scientist', password });
    const other = await createUser(db, { email: 'other@example.com', name: 'Other', role: 'scientist', password });
    const { id, key, prefix } = await createApiKey(db, owner.id, ' ci ');
    expect(key).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    expect(await getApiKeyUser(db, key, 1_000_000)).toEqual(owner);
    const stored = first(await db.select().from(db.t.apiKeys).where(eq(db.t.apiKeys.id, id)).limit(1));
    expect(stored).toMatchObject({ name: 'ci', prefix, keyHash: hashToken(key), lastUsedAt: 1_000_000, revokedAt: null });
    expect(await resolveUser(new Headers({ authorization: `Bearer ${key}` }), db)).toMatchObject({ id: owner.id, via: 'apiKey' });

    await createApiKey(db, other.id, 'theirs');
    const listed = await listApiKeys(db, owner.id);
    expect(listed.map((k) => k.name)).toEqual(['ci']);
    expect(listed[0]).not.toHaveProperty('keyHash');

    expect(await revokeApiKey(db, other.id, id)).toBe(false);
    expect(await revokeApiKey(db, owner.id, id)).toBe(true);
    expect(await revokeApiKey(db, owner.id, id)).toBe(false);
    expect(await getApiKeyUser(db, key)).toBeNull();
    expect(await resolveUser(new Headers({ authorization: `Bearer ${key}` }), db)).toBeNull();

    const second = await createApiKey(db, other.id, 'second');
    await disableUser(db, other.id);
    expect(await getApiKeyUser(db, second.key)).toBeNull();
  });
});
