// API keys for the CLI, workers and scripts: shown once, stored as sha256 plus a display prefix.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { Db } from '../db/client';
import { apiKeys, users, type ApiKey } from '../db/schema';
import { hashToken, randomToken } from './tokens';
import type { PublicUser } from './users';

export const API_KEY_PREFIX = 'pw_';
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeyInfo = Omit<ApiKey, 'keyHash'>;

/** The raw key is returned here and nowhere else. */
export function createApiKey(db: Db, userId: string, name: string): { id: string; key: string; prefix: string } {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw new UserError('Give the key a name of 1 to 100 characters', { field: 'name' });
  const key = API_KEY_PREFIX + randomToken();
  const id = randomUUID();
  const prefix = key.slice(0, DISPLAY_PREFIX_LENGTH);
  db.insert(apiKeys).values({ id, userId, name: trimmed, keyHash: hashToken(key), prefix, createdAt: Date.now() }).run();
  return { id, key, prefix };
}

/** The key's owner, or null for unknown, revoked, or disabled-user keys. */
export function getApiKeyUser(db: Db, rawKey: string, now = Date.now()): PublicUser | null {
  if (!rawKey.startsWith(API_KEY_PREFIX)) return null;
  const row = db
    .select({ key: apiKeys, user: users })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(eq(apiKeys.keyHash, hashToken(rawKey)))
    .get();
  if (!row || row.key.revokedAt !== null || row.user.disabledAt !== null) return null;
  if (now - (row.key.lastUsedAt ?? 0) >= LAST_USED_RESOLUTION_MS) {
    db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.key.id)).run();
  }
  const { passwordHash: _hash, ...user } = row.user;
  return user;
}

export function listApiKeys(db: Db, userId: string): ApiKeyInfo[] {
  return db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.userId, userId))
    .orderBy(desc(apiKeys.createdAt))
    .all()
    .map(({ keyHash: _hash, ...info }) => info);
}

/** Scoped to the owner so one user cannot revoke another's key by guessing its id. */
export function revokeApiKey(db: Db, userId: string, keyId: string): boolean {
  const result = db
    .update(apiKeys)
    .set({ revokedAt: Date.now() })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .run();
  return result.changes > 0;
}
