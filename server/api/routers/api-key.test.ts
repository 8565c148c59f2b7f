import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recentAuditEvents } from '../../auth/audit';
import { createUser, type PublicUser } from '../../auth/users';
import { openTestDb, type TestDb } from '../../db/test-db';
import type { Context } from '../context';
import { createCallerFactory } from '../trpc';
import { apiKeyRouter } from './api-key';

const callerFor = createCallerFactory(apiKeyRouter);

let t: TestDb;
let owner: PublicUser;
let other: PublicUser;
beforeEach(async () => {
  t = openTestDb();
  const password = 'long enough password';
  owner = await createUser(t.anyDb, { email: 'owner@example.com', name: 'Owner', role: 'viewer', password });
  other = await createUser(t.anyDb, { email: 'other@example.com', name: 'Other', role: 'admin', password });
});
afterEach(() => t.cleanup());

function caller(user: PublicUser | null, via: 'session' | 'apiKey' = 'session') {
  const ctx: Context = {
    anyDb: t.anyDb,
    req: new Request('http://127.0.0.1/api/trpc'),
    resHeaders: new Headers(),
    user: user && { id: user.id, email: user.email, name: user.name, role: user.role, via },
  };
  return callerFor(ctx);
}

describe('apiKeyRouter', () => {
  it('creates a key for any role, lists it without the secret, and audits without the secret', async () => {
    const created = await caller(owner).create({ name: '  ci  ' });
    expect(created).toMatchObject({ name: 'ci', prefix: created.key.slice(0, 11) });
    const list = await caller(owner).list();
    expect(list).toEqual([{ id: created.id, name: 'ci', prefix: created.prefix, createdAt: expect.any(Number), lastUsedAt: null, revokedAt: null }]);
    expect(await caller(other).list()).toEqual([]);
    const event = (await recentAuditEvents(t.anyDb)).find((e) => e.action === 'apiKey.create');
    expect(event).toMatchObject({ userId: owner.id, targetType: 'apiKey', targetId: created.id });
    expect(JSON.stringify(await recentAuditEvents(t.anyDb))).not.toContain(created.key);
  });

  it('refuses to create or revoke keys for a caller signed in with an API key', async () => {
    const created = await caller(owner).create({ name: 'ci' });
    await expect(caller(owner, 'apiKey').create({ name: 'minted' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller(owner, 'apiKey').revoke({ id: created.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await caller(owner, 'apiKey').list()).toHaveLength(1);
  });

  it('revokes only the caller’s own active keys', async () => {
    const { id } = await caller(owner).create({ name: 'ci' });
    await expect(caller(other).revoke({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller(owner).revoke({ id })).resolves.toEqual({ ok: true });
    await expect(caller(owner).revoke({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await caller(owner).list())[0].revokedAt).toEqual(expect.any(Number));
    expect((await recentAuditEvents(t.anyDb)).filter((e) => e.action === 'apiKey.revoke')).toHaveLength(1);
  });

  it('needs a signed-in user and a name of 1 to 100 characters', async () => {
    await expect(caller(null).list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller(null).create({ name: 'ci' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller(owner).create({ name: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller(owner).create({ name: 'x'.repeat(101) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
