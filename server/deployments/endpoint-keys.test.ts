import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens';
import { endpointKeys } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { createEndpointKey, listEndpointKeys, revokeEndpointKey } from './endpoint-keys';
import { revision, seedDeployFixtures, type DeployFixtures } from './test-kit';

let t: TestDb;
let f: DeployFixtures;
beforeEach(async () => {
  t = openTestDb();
  f = await seedDeployFixtures(t.anyDb);
});
afterEach(() => t.cleanup());

it('stores only the hash of a pw_ep_ key, shows its prefix, and revokes it with a revision bump', async () => {
  const before = await revision(t.anyDb, f.endpoint.id);
  const made = await createEndpointKey(t.anyDb, { endpointId: f.endpoint.id, name: 'checkout', scopes: ['infer', 'infer'], rateLimitPerMinute: 60, userId: f.people.analyst.id });
  expect(made.key).toMatch(/^pw_ep_[A-Za-z0-9_-]{43}$/);
  expect(made.prefix).toBe(made.key.slice(0, 14));
  const row = t.db.select().from(endpointKeys).where(eq(endpointKeys.id, made.id)).get()!;
  expect(row).toMatchObject({ keyHash: hashToken(made.key), scopes: ['infer'], rateLimitPerMinute: 60 });
  expect(JSON.stringify(await listEndpointKeys(t.anyDb, f.endpoint.id))).not.toContain(row.keyHash);
  await revokeEndpointKey(t.anyDb, f.endpoint.id, made.id, f.people.analyst.id);
  expect((await listEndpointKeys(t.anyDb, f.endpoint.id))[0].revokedAt).not.toBeNull();
  expect(await revision(t.anyDb, f.endpoint.id)).toBe(before + 2);
  await expect(revokeEndpointKey(t.anyDb, f.endpoint.id, made.id, f.people.analyst.id)).rejects.toThrow(/no live key/);
});

it('refuses a key with no scope or a bad rate limit', async () => {
  const base = { endpointId: f.endpoint.id, name: 'k', userId: f.people.analyst.id };
  await expect(createEndpointKey(t.anyDb, { ...base, scopes: [] })).rejects.toThrow(/at least one scope: infer, feedback/);
  await expect(createEndpointKey(t.anyDb, { ...base, scopes: ['infer'], rateLimitPerMinute: 0 })).rejects.toThrow(/rate limit/);
});
