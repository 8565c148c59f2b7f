import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens';
import { endpointKeys } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { createEndpointKey, listEndpointKeys, revokeEndpointKey } from './endpoint-keys';
import { revision, seedDeployFixtures } from './test-kit';

let t: TestDb;
let f: ReturnType<typeof seedDeployFixtures>;
beforeEach(() => {
  t = openTestDb();
  f = seedDeployFixtures(t.db);
});
afterEach(() => t.cleanup());

it('stores only the hash of a pw_ep_ key, shows its prefix, and revokes it with a revision bump', () => {
  const before = revision(t.db, f.endpoint.id);
  const made = createEndpointKey(t.db, { endpointId: f.endpoint.id, name: 'checkout', scopes: ['infer', 'infer'], rateLimitPerMinute: 60, userId: f.people.analyst.id });
  expect(made.key).toMatch(/^pw_ep_[A-Za-z0-9_-]{43}$/);
  expect(made.prefix).toBe(made.key.slice(0, 14));
  const row = t.db.select().from(endpointKeys).where(eq(endpointKeys.id, made.id)).get()!;
  expect(row).toMatchObject({ keyHash: hashToken(made.key), scopes: ['infer'], rateLimitPerMinute: 60 });
  expect(JSON.stringify(listEndpointKeys(t.db, f.endpoint.id))).not.toContain(row.keyHash);
  revokeEndpointKey(t.db, f.endpoint.id, made.id, f.people.analyst.id);
  expect(listEndpointKeys(t.db, f.endpoint.id)[0].revokedAt).not.toBeNull();
  expect(revision(t.db, f.endpoint.id)).toBe(before + 2);
  expect(() => revokeEndpointKey(t.db, f.endpoint.id, made.id, f.people.analyst.id)).toThrow(/no live key/);
});

it('refuses a key with no scope or a bad rate limit', () => {
  const base = { endpointId: f.endpoint.id, name: 'k', userId: f.people.analyst.id };
  expect(() => createEndpointKey(t.db, { ...base, scopes: [] })).toThrow(/at least one scope: infer, feedback/);
  expect(() => createEndpointKey(t.db, { ...base, scopes: ['infer'], rateLimitPerMinute: 0 })).toThrow(/rate limit/);
});
