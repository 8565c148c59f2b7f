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
  owner = await createUser(t.db, { email: 'owner@example.com', name: 'Owner', role: 'admin', password });
  other = await createUser(t.db, { email: 'other@example.com', name: 'Other', role: 'admin', password });
});
afterEach(() => t.cleanup());

describe('api keys', () => {
  it('returns pw_<random> once and stores only its hash and prefix', () => {
    const { id, key, prefix } = createApiKey(t.db, owner.id, ' ci ');
    expect(key).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(key.slice(0, 11));
    const row = t.db.select().from(apiKeys).get();
    expect(row).toMatchObject({ id, name: 'ci', prefix, keyHash: hashToken(key), lastUsedAt: null });
    expect(JSON.stringify(row)).not.toContain(key);
  });

  it('resolves the owner and records use', () => {
    const { key } = createApiKey(t.db, owner.id, 'ci');
    expect(getApiKeyUser(t.db, key, 1_000_000)).toEqual(owner);
    expect(t.db.select().from(apiKeys).get()?.lastUsedAt).toBe(1_000_000);
    expect(getApiKeyUser(t.db, key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(getApiKeyUser(t.db, key.slice(3))).toBeNull();
  });

  it('stops working once revoked, and only the owner can revoke', () => {
    const { id, key } = createApiKey(t.db, owner.id, 'ci');
    expect(revokeApiKey(t.db, other.id, id)).toBe(false);
    expect(getApiKeyUser(t.db, key)?.id).toBe(owner.id);
    expect(revokeApiKey(t.db, owner.id, id)).toBe(true);
    expect(getApiKeyUser(t.db, key)).toBeNull();
    expect(revokeApiKey(t.db, owner.id, id)).toBe(false);
  });

  it('stops working when the owner is disabled', () => {
    const { key } = createApiKey(t.db, owner.id, 'ci');
    disableUser(t.db, owner.id);
    expect(getApiKeyUser(t.db, key)).toBeNull();
  });

  it('lists a user’s keys without hashes', () => {
    createApiKey(t.db, owner.id, 'one');
    createApiKey(t.db, other.id, 'theirs');
    const listed = listApiKeys(t.db, owner.id);
    expect(listed.map((k) => k.name)).toEqual(['one']);
    expect(listed[0]).not.toHaveProperty('keyHash');
  });

  it('requires a name', () => {
    expect(() => createApiKey(t.db, owner.id, '   ')).toThrow(UserError);
  });
});
