// Per-endpoint API keys: `pw_ep_` + 32 random bytes, shown once, stored as sha256 (as api-keys.ts
// stores user keys); the serving process hashes what a client sends and looks that up.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import { hashToken, randomToken } from '../auth/tokens';
import type { AnyDb } from '../db/any-db';
import { ENDPOINT_KEY_SCOPES, type EndpointKey, type EndpointKeyScope } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { endpointRow } from './endpoint-row';
import { bumpRevision } from './rollout';

export const ENDPOINT_KEY_PREFIX = 'pw_ep_';
const DISPLAY_PREFIX_LENGTH = 14;

export type EndpointKeyInfo = Omit<EndpointKey, 'keyHash'>;

export interface NewEndpointKey {
  endpointId: string;
  name: string;
  scopes: readonly EndpointKeyScope[];
  rateLimitPerMinute?: number | null;
  userId: string;
}

/** The raw key is returned here and nowhere else. */
export async function createEndpointKey(db: AnyDb, input: NewEndpointKey): Promise<{ id: string; key: string; prefix: string }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new UserError('Give the key a name of 1 to 100 characters', { field: 'name' });
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw new UserError(`Give the key at least one scope: ${ENDPOINT_KEY_SCOPES.join(', ')}`, { field: 'scopes' });
  const rate = input.rateLimitPerMinute ?? null;
  if (rate !== null && (!Number.isInteger(rate) || rate < 1 || rate > 1_000_000)) throw new UserError('A key\'s rate limit is a whole number of requests per minute from 1 to 1000000', { field: 'rateLimitPerMinute' });
  const key = ENDPOINT_KEY_PREFIX + randomToken();
  const id = randomUUID();
  const prefix = key.slice(0, DISPLAY_PREFIX_LENGTH);
  const keyHash = hashToken(key);
  await withTransaction(db, async (tx) => {
    const endpoint = await endpointRow(tx, input.endpointId);
    const now = Date.now();
    await tx.insert(tx.t.endpointKeys).values({ id, endpointId: endpoint.id, name, keyHash, prefix, scopes, rateLimitPerMinute: rate, createdBy: input.userId, createdAt: now });
    await bumpRevision(tx, endpoint.id, now);
    await audit(tx, { userId: input.userId, action: 'endpoint.key.create', targetType: 'endpoint_key', targetId: id, detail: { endpoint: endpoint.name, name, prefix, scopes, rateLimitPerMinute: rate } });
  });
  return { id, key, prefix };
}

export async function listEndpointKeys(db: AnyDb, endpointId: string): Promise<EndpointKeyInfo[]> {
  const { endpointKeys } = db.t;
  const rows = await db.select().from(endpointKeys).where(eq(endpointKeys.endpointId, endpointId)).orderBy(desc(endpointKeys.createdAt), desc(endpointKeys.id));
  return rows.map(({ keyHash: _hash, ...info }) => info);
}

/** Refused from the next request on: the revision bump makes serving re-read its keys. */
export async function revokeEndpointKey(db: AnyDb, endpointId: string, keyId: string, userId: string): Promise<void> {
  await withTransaction(db, async (tx) => {
    const { endpointKeys } = tx.t;
    const endpoint = await endpointRow(tx, endpointId);
    const now = Date.now();
    const revoked = await tx
      .update(endpointKeys)
      .set({ revokedAt: now, revokedBy: userId })
      .where(and(eq(endpointKeys.id, keyId), eq(endpointKeys.endpointId, endpoint.id), isNull(endpointKeys.revokedAt)))
      .returning({ id: endpointKeys.id });
    if (revoked.length === 0) throw new UserError(`Endpoint "${endpoint.name}" has no live key ${keyId}`, { field: 'keyId' });
    await bumpRevision(tx, endpoint.id, now);
    await audit(tx, { userId, action: 'endpoint.key.revoke', targetType: 'endpoint_key', targetId: keyId, detail: { endpoint: endpoint.name } });
  });
}
