// API keys for the CLI, workers and scripts: shown once, stored as sha256 plus a display prefix.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { first, type AnyDb } from '../db/any-db';
import type { ApiKey } from '../db/schema';
import { hashToken, randomToken } from './tokens';
import type { PublicUser } from './users';

export const API_KEY_PREFIX = 'pw_';
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeyInfo = Omit<ApiKey, 'keyHash'>;

/** The raw key is returned here and nowhere else. */
export async function createApiKey(db: AnyDb, userId: string, name: string): Promise<{ id: string; key: string; prefix: string }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw new UserError('Give the key a name of 1 to 100 characters', { field: 'name' });
  const key = API_KEY_PREFIX + randomToken();
  const id = randomUUID();
  const prefix = key.slice(0, DISPLAY_PREFIX_LENGTH);
  await db.insert(db.t.apiKeys).values({ id, userId, name: trimmed, keyHash: hashToken(key), prefix, createdAt: Date.now() });
  return { id, key, prefix };
}

/** The key's owner, or null for unknown, revoked, or disabled-user keys. */
export async function getApiKeyUser(db: AnyDb, rawKey: string, now = Date.now()): Promise<PublicUser | null> {
  if (!rawKey.startsWith(API_KEY_PREFIX)) return null;
  const { apiKeys, users } = db.t;
  const row = first(
    await db.select({ key: apiKeys, user: users }).from(apiKeys).innerJoin(users, eq(users.id, apiKeys.userId)).where(eq(apiKeys.keyHash, hashToken(rawKey))).limit(1),
  );
  if (!row || row.key.revokedAt !== null || row.user.disabledAt !== null) return null;
  if (now - (row.key.lastUsedAt ?? 0) >= LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.key.id));
  }
  const { passwordHash: _hash, ...user } = row.user;
  return user;
}

export async function listApiKeys(db: AnyDb, userId: string): Promise<ApiKeyInfo[]> {
  const rows = await db.select().from(db.t.apiKeys).where(eq(db.t.apiKeys.userId, userId)).orderBy(desc(db.t.apiKeys.createdAt), desc(db.t.apiKeys.id));
  return rows.map(({ keyHash: _hash, ...info }) => info);
}

/** Scoped to the owner so one user cannot revoke another's key by guessing its id. */
export async function revokeApiKey(db: AnyDb, userId: string, keyId: string): Promise<boolean> {
  const { apiKeys } = db.t;
  const revoked = await db
    .update(apiKeys)
    .set({ revokedAt: Date.now() })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return revoked.length > 0;
}
