import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { apiKeys } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { createApiKey, getApiKeyUser, listApiKeys, revokeApiKey } from './api-keys';
import { hashToken } from './tokens';
import { createUser, disableUser, type PublicUser } from './users';

let t: TestDb;
let owner: PublicUser;
let other: PublicUser;
beforeEach(async () => {
  t = openTestDb();
  const password = 'long enough password';
  owner = await createUser(t.anyDb, { email: 'owner@example.com', name: 'Owner', role: 'admin', password });
  other = await createUser(t.anyDb, { email: 'other@example.com', name: 'Other', role: 'admin', password });
});
afterEach(() => t.cleanup());

describe('api keys', () => {
  it('returns pw_<random> once and stores only its hash and prefix', async () => {
    const { id, key, prefix } = await createApiKey(t.anyDb, owner.id, ' ci ');
    expect(key).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(key.slice(0, 11));
    const row = t.db.select().from(apiKeys).get();
    expect(row).toMatchObject({ id, name: 'ci', prefix, keyHash: hashToken(key), lastUsedAt: null });
    expect(JSON.stringify(row)).not.toContain(key);
  });

  it('resolves the owner and records use', async () => {
    const { key } = await createApiKey(t.anyDb, owner.id, 'ci');
    expect(await getApiKeyUser(t.anyDb, key, 1_000_000)).toEqual(owner);
    expect(t.db.select().from(apiKeys).get()?.lastUsedAt).toBe(1_000_000);
    expect(await getApiKeyUser(t.anyDb, key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(await getApiKeyUser(t.anyDb, key.slice(3))).toBeNull();
  });

  it('stops working once revoked, and only the owner can revoke', async () => {
    const { id, key } = await createApiKey(t.anyDb, owner.id, 'ci');
    expect(await revokeApiKey(t.anyDb, other.id, id)).toBe(false);
    expect((await getApiKeyUser(t.anyDb, key))?.id).toBe(owner.id);
    expect(await revokeApiKey(t.anyDb, owner.id, id)).toBe(true);
    expect(await getApiKeyUser(t.anyDb, key)).toBeNull();
    expect(await revokeApiKey(t.anyDb, owner.id, id)).toBe(false);
  });

  it('stops working when the owner is disabled', async () => {
    const { key } = await createApiKey(t.anyDb, owner.id, 'ci');
    await disableUser(t.anyDb, owner.id);
    expect(await getApiKeyUser(t.anyDb, key)).toBeNull();
  });

  it('lists a user’s keys without hashes', async () => {
    await createApiKey(t.anyDb, owner.id, 'one');
    await createApiKey(t.anyDb, other.id, 'theirs');
    const listed = await listApiKeys(t.anyDb, owner.id);
    expect(listed.map((k) => k.name)).toEqual(['one']);
    expect(listed[0]).not.toHaveProperty('keyHash');
  });

  it('requires a name', async () => {
    await expect(createApiKey(t.anyDb, owner.id, '   ')).rejects.toThrow(UserError);
  });
});
