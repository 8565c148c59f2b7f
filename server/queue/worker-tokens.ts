// Worker tokens: what a `pipeworks worker` presents to the worker API. Made, shown once and stored
// as sha256 the way API keys are (server/auth/api-keys.ts, tokens.ts); a revoked token is refused
// from its next request on, since every request looks the hash up again.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { hashToken, randomToken } from '../auth/tokens';
import { first, type AnyDb } from '../db/any-db';
import type { WorkerToken } from '../db/schema';

export const WORKER_TOKEN_PREFIX = 'pw_wk_';
const DISPLAY_PREFIX_LENGTH = WORKER_TOKEN_PREFIX.length + 8;
const LAST_USED_RESOLUTION_MS = 60_000;

export type WorkerTokenInfo = Omit<WorkerToken, 'tokenHash'>;

/** The raw token is returned here and nowhere else. */
export async function createWorkerToken(db: AnyDb, userId: string, name: string): Promise<{ id: string; token: string; prefix: string }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw new UserError('Give the worker token a name of 1 to 100 characters', { field: 'name' });
  const token = WORKER_TOKEN_PREFIX + randomToken();
  const id = randomUUID();
  const prefix = token.slice(0, DISPLAY_PREFIX_LENGTH);
  await db.insert(db.t.workerTokens).values({ id, name: trimmed, tokenHash: hashToken(token), prefix, createdBy: userId, createdAt: Date.now() });
  return { id, token, prefix };
}

export type TokenCheck = { ok: true; token: WorkerTokenInfo } | { ok: false; reason: string };

/** Why a presented token is refused, in words a worker operator can act on. */
export async function checkWorkerToken(db: AnyDb, raw: string | null, now = Date.now()): Promise<TokenCheck> {
  if (!raw) return { ok: false, reason: 'No worker token: send "Authorization: Bearer pw_wk_…" (an admin creates one on the Workers page)' };
  if (!raw.startsWith(WORKER_TOKEN_PREFIX)) return { ok: false, reason: `A worker token starts with ${WORKER_TOKEN_PREFIX}; this is not one` };
  const t = db.t.workerTokens;
  const row = first(await db.select().from(t).where(eq(t.tokenHash, hashToken(raw))).limit(1));
  if (!row) return { ok: false, reason: 'Unknown worker token' };
  if (row.revokedAt !== null) return { ok: false, reason: `Worker token "${row.name}" (${row.prefix}…) was revoked` };
  if (now - (row.lastUsedAt ?? 0) >= LAST_USED_RESOLUTION_MS) {
    await db.update(t).set({ lastUsedAt: now }).where(eq(t.id, row.id));
    row.lastUsedAt = now;
  }
  const { tokenHash: _hash, ...token } = row;
  return { ok: true, token };
}

/** Newest first; tokens made in one millisecond by id, so a tie reads the same every time and on either database. */
export async function listWorkerTokens(db: AnyDb): Promise<WorkerTokenInfo[]> {
  const rows = await db.select().from(db.t.workerTokens).orderBy(desc(db.t.workerTokens.createdAt), desc(db.t.workerTokens.id));
  return rows.map(({ tokenHash: _hash, ...info }) => info);
}

export async function revokeWorkerToken(db: AnyDb, tokenId: string, userId: string): Promise<boolean> {
  const t = db.t.workerTokens;
  const revoked = await db
    .update(t)
    .set({ revokedAt: Date.now(), revokedBy: userId })
    .where(and(eq(t.id, tokenId), isNull(t.revokedAt)))
    .returning({ id: t.id });
  return revoked.length > 0;
}
