import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { openDatabase } from '../db/client';
import { sessions, users } from '../db/schema';
import { MIGRATIONS_FOLDER, openTestDb, type TestDb } from '../db/test-db';
import {
  countUsers,
  createFirstAdmin,
  createUser,
  disableUser,
  getUser,
  listUsers,
  setUserRole,
  verifyCredentials,
} from './users';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.cleanup());

const password = 'long enough password';
const admin = { email: 'Ada@Example.COM ', name: 'Ada', password };

describe('createUser', () => {
  it('stores a lower-cased email and a hash, never the password', async () => {
    const user = await createUser(t.anyDb, { ...admin, role: 'scientist' });
    expect(user).toMatchObject({ email: 'ada@example.com', name: 'Ada', role: 'scientist', disabledAt: null });
    expect(user).not.toHaveProperty('passwordHash');
    const row = t.db.select().from(users).get();
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(row?.passwordHash).not.toContain(password);
    expect(await countUsers(t.anyDb)).toBe(1);
  });

  it('refuses a duplicate email regardless of case, as a UserError', async () => {
    await createUser(t.anyDb, { ...admin, role: 'viewer' });
    const again = createUser(t.anyDb, { ...admin, email: 'ADA@example.com', role: 'viewer' });
    await expect(again).rejects.toBeInstanceOf(UserError);
    await expect(createUser(t.anyDb, { ...admin, role: 'viewer' })).rejects.toThrow(/ada@example.com already exists/);
  });

  it.each([
    [{ email: 'not-an-email' }, 'email'],
    [{ name: '  ' }, 'name'],
    [{ role: 'root' }, 'role'],
    [{ password: 'short' }, 'password'],
  ])('rejects %j with the field named', async (patch, field) => {
    const input = { ...admin, role: 'viewer', ...patch } as Parameters<typeof createUser>[1];
    await expect(createUser(t.anyDb, input)).rejects.toMatchObject({ code: 'invalid_input', details: { field } });
    expect(await countUsers(t.anyDb)).toBe(0);
  });
});

describe('createFirstAdmin', () => {
  it('makes the first user an admin and refuses afterwards', async () => {
    const first = await createFirstAdmin(t.anyDb, admin);
    expect(first.role).toBe('admin');
    await expect(createFirstAdmin(t.anyDb, { ...admin, email: 'eve@example.com' })).rejects.toThrow(/already complete/);
    expect(await countUsers(t.anyDb)).toBe(1);
  });

  it('lets exactly one of several racing first visits through, across connections', async () => {
    const other = openDatabase(t.dir, MIGRATIONS_FOLDER);
    const attempts = ['a', 'b', 'c', 'd'].map((name, i) =>
      createFirstAdmin(i % 2 ? other.anyDb : t.anyDb, { email: `${name}@example.com`, name, password }),
    );
    const results = await Promise.allSettled(attempts);
    other.sqlite.close();
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await countUsers(t.anyDb)).toBe(1);
  });
});

describe('verifyCredentials', () => {
  it('returns the user for the right password, case-insensitive email', async () => {
    const created = await createUser(t.anyDb, { ...admin, role: 'analyst' });
    const found = await verifyCredentials(t.anyDb, ' ADA@example.com', password);
    expect(found).toEqual(created);
    expect(found).not.toHaveProperty('passwordHash');
  });

  it('returns null for a wrong password, an unknown email and a disabled user', async () => {
    const user = await createUser(t.anyDb, { ...admin, role: 'analyst' });
    expect(await verifyCredentials(t.anyDb, admin.email, 'wrong password!')).toBeNull();
    expect(await verifyCredentials(t.anyDb, 'nobody@example.com', password)).toBeNull();
    await disableUser(t.anyDb, user.id);
    expect(await verifyCredentials(t.anyDb, admin.email, password)).toBeNull();
  });

  it('spends comparable time on unknown emails (scrypt still runs)', async () => {
    await createUser(t.anyDb, { ...admin, role: 'analyst' });
    await verifyCredentials(t.anyDb, 'warmup@example.com', password);
    const time = async (email: string) => {
      const start = performance.now();
      await verifyCredentials(t.anyDb, email, 'wrong password!');
      return performance.now() - start;
    };
    const known = await time(admin.email);
    const unknown = await time('nobody@example.com');
    expect(unknown).toBeGreaterThan(known / 4);
  });
});

describe('roles and disabling', () => {
  it('lists users without hashes, oldest first', async () => {
    const a = await createUser(t.anyDb, { ...admin, role: 'admin' });
    const b = await createUser(t.anyDb, { ...admin, email: 'bob@example.com', role: 'viewer' });
    const listed = await listUsers(t.anyDb);
    expect(listed.map((u) => u.id)).toEqual([a.id, b.id]);
    expect(listed.every((u) => !('passwordHash' in u))).toBe(true);
  });

  it('changes a role and keeps the last active admin', async () => {
    const a = await createUser(t.anyDb, { ...admin, role: 'admin' });
    const b = await createUser(t.anyDb, { ...admin, email: 'bob@example.com', role: 'viewer' });
    await expect(setUserRole(t.anyDb, a.id, 'viewer')).rejects.toThrow(/last active admin/);
    await expect(disableUser(t.anyDb, a.id)).rejects.toThrow(/last active admin/);

    expect((await setUserRole(t.anyDb, b.id, 'admin')).role).toBe('admin');
    expect((await setUserRole(t.anyDb, a.id, 'scientist')).role).toBe('scientist');
    expect((await getUser(t.anyDb, a.id))?.role).toBe('scientist');
    await expect(setUserRole(t.anyDb, 'ghost', 'viewer')).rejects.toThrow(UserError);
  });

  it('disabling ends the user’s sessions', async () => {
    await createUser(t.anyDb, { ...admin, role: 'admin' });
    const b = await createUser(t.anyDb, { ...admin, email: 'bob@example.com', role: 'viewer' });
    t.db.insert(sessions).values({ id: 's', userId: b.id, createdAt: 1, expiresAt: Date.now() + 1e6, lastSeenAt: 1 }).run();
    const disabled = await disableUser(t.anyDb, b.id);
    expect(disabled.disabledAt).toBeTypeOf('number');
    expect(t.db.select().from(sessions).all()).toEqual([]);
    expect((await disableUser(t.anyDb, b.id)).disabledAt).toBe(disabled.disabledAt);
  });
});
