// Per-endpoint API keys: `pw_ep_` + 32 random bytes, shown once, stored as sha256 (as api-keys.ts
// stores user keys); the serving process hashes what a client sends and looks that up.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import { hashToken, randomToken } from '../auth/tokens';
import type { Db } from '../db/client';
import { endpointKeys, ENDPOINT_KEY_SCOPES, type EndpointKey, type EndpointKeyScope } from '../db/schema';
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
export function createEndpointKey(db: Db, input: NewEndpointKey): { id: string; key: string; prefix: string } {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new UserError('Give the key a name of 1 to 100 characters', { field: 'name' });
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw new UserError(`Give the key at least one scope: ${ENDPOINT_KEY_SCOPES.join(', ')}`, { field: 'scopes' });
  const rate = input.rateLimitPerMinute ?? null;
  if (rate !== null && (!Number.isInteger(rate) || rate < 1 || rate > 1_000_000)) throw new UserError('A key\'s rate limit is a whole number of requests per minute from 1 to 1000000', { field: 'rateLimitPerMinute' });
  const key = ENDPOINT_KEY_PREFIX + randomToken();
  const id = randomUUID();
  const prefix = key.slice(0, DISPLAY_PREFIX_LENGTH);
  db.transaction(
    (tx) => {
      const endpoint = endpointRow(tx, input.endpointId);
      const now = Date.now();
      tx.insert(endpointKeys).values({ id, endpointId: endpoint.id, name, keyHash: hashToken(key), prefix, scopes, rateLimitPerMinute: rate, createdBy: input.userId, createdAt: now }).run();
      bumpRevision(tx, endpoint.id, now);
      audit(tx, { userId: input.userId, action: 'endpoint.key.create', targetType: 'endpoint_key', targetId: id, detail: { endpoint: endpoint.name, name, prefix, scopes, rateLimitPerMinute: rate } });
    },
    { behavior: 'immediate' },
  );
  return { id, key, prefix };
}

export function listEndpointKeys(db: Db, endpointId: string): EndpointKeyInfo[] {
  return db
    .select()
    .from(endpointKeys)
    .where(eq(endpointKeys.endpointId, endpointId))
    .orderBy(desc(endpointKeys.createdAt))
    .all()
    .map(({ keyHash: _hash, ...info }) => info);
}

/** Refused from the next request on: the revision bump makes serving re-read its keys. */
export function revokeEndpointKey(db: Db, endpointId: string, keyId: string, userId: string): void {
  db.transaction(
    (tx) => {
      const endpoint = endpointRow(tx, endpointId);
      const now = Date.now();
      const result = tx
        .update(endpointKeys)
        .set({ revokedAt: now, revokedBy: userId })
        .where(and(eq(endpointKeys.id, keyId), eq(endpointKeys.endpointId, endpoint.id), isNull(endpointKeys.revokedAt)))
        .run();
      if (result.changes === 0) throw new UserError(`Endpoint "${endpoint.name}" has no live key ${keyId}`, { field: 'keyId' });
      bumpRevision(tx, endpoint.id, now);
      audit(tx, { userId, action: 'endpoint.key.revoke', targetType: 'endpoint_key', targetId: keyId, detail: { endpoint: endpoint.name } });
    },
    { behavior: 'immediate' },
  );
}
