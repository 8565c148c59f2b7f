// Worker tokens: what a `pipeworks worker` presents to the worker API. Made, shown once and stored
// as sha256 the way API keys are (server/auth/api-keys.ts, tokens.ts); a revoked token is refused
// from its next request on, since every request looks the hash up again.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { hashToken, randomToken } from '../auth/tokens';
import type { Db } from '../db/client';
import { workerTokens, type WorkerToken } from '../db/schema';

export const WORKER_TOKEN_PREFIX = 'pw_wk_';
const DISPLAY_PREFIX_LENGTH = WORKER_TOKEN_PREFIX.length + 8;
const LAST_USED_RESOLUTION_MS = 60_000;

export type WorkerTokenInfo = Omit<WorkerToken, 'tokenHash'>;

/** The raw token is returned here and nowhere else. */
export function createWorkerToken(db: Db, userId: string, name: string): { id: string; token: string; prefix: string } {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw new UserError('Give the worker token a name of 1 to 100 characters', { field: 'name' });
  const token = WORKER_TOKEN_PREFIX + randomToken();
  const id = randomUUID();
  const prefix = token.slice(0, DISPLAY_PREFIX_LENGTH);
  db.insert(workerTokens).values({ id, name: trimmed, tokenHash: hashToken(token), prefix, createdBy: userId, createdAt: Date.now() }).run();
  return { id, token, prefix };
}

/**
 * Every worker API request looks its token up (a step makes two or three), so the query is
 * prepared once per database rather than built and prepared by SQLite on each request.
 */
const prepared = new WeakMap<Db, ReturnType<typeof prepareTokenByHash>>();
const prepareTokenByHash = (db: Db) =>
  db
    .select()
    .from(workerTokens)
    .where(eq(workerTokens.tokenHash, sql.placeholder('hash')))
    .prepare();

function tokenByHash(db: Db): ReturnType<typeof prepareTokenByHash> {
  let statement = prepared.get(db);
  if (!statement) prepared.set(db, (statement = prepareTokenByHash(db)));
  return statement;
}

export type TokenCheck = { ok: true; token: WorkerTokenInfo } | { ok: false; reason: string };

/** Why a presented token is refused, in words a worker operator can act on. */
export function checkWorkerToken(db: Db, raw: string | null, now = Date.now()): TokenCheck {
  if (!raw) return { ok: false, reason: 'No worker token: send "Authorization: Bearer pw_wk_…" (an admin creates one on the Workers page)' };
  if (!raw.startsWith(WORKER_TOKEN_PREFIX)) return { ok: false, reason: `A worker token starts with ${WORKER_TOKEN_PREFIX}; this is not one` };
  const row = tokenByHash(db).get({ hash: hashToken(raw) });
  if (!row) return { ok: false, reason: 'Unknown worker token' };
  if (row.revokedAt !== null) return { ok: false, reason: `Worker token "${row.name}" (${row.prefix}…) was revoked` };
  if (now - (row.lastUsedAt ?? 0) >= LAST_USED_RESOLUTION_MS) {
    db.update(workerTokens).set({ lastUsedAt: now }).where(eq(workerTokens.id, row.id)).run();
    row.lastUsedAt = now;
  }
  const { tokenHash: _hash, ...token } = row;
  return { ok: true, token };
}

export function listWorkerTokens(db: Db): WorkerTokenInfo[] {
  return db
    .select()
    .from(workerTokens)
    .orderBy(desc(workerTokens.createdAt))
    .all()
    .map(({ tokenHash: _hash, ...info }) => info);
}

export function revokeWorkerToken(db: Db, tokenId: string, userId: string): boolean {
  const result = db
    .update(workerTokens)
    .set({ revokedAt: Date.now(), revokedBy: userId })
    .where(and(eq(workerTokens.id, tokenId), isNull(workerTokens.revokedAt)))
    .run();
  return result.changes > 0;
}
