// Browser sessions: an opaque cookie token whose sha256 is the row id.
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessions, users } from '../db/schema';
import { getEnv } from '../env';
import { hashToken, randomToken } from './tokens';
import type { PublicUser } from './users';

export const SESSION_COOKIE = 'pw_session';
// Writing last_seen_at on every request would turn every read into a write; a minute is precise enough.
const LAST_SEEN_RESOLUTION_MS = 60_000;

function ttlMs(): number {
  return getEnv().PIPEWORKS_SESSION_TTL_HOURS * 3_600_000;
}

/** Returns the raw token, which exists only in the cookie from here on. */
export function createSession(db: Db, userId: string, options: { now?: number; ttlMs?: number } = {}): string {
  const now = options.now ?? Date.now();
  const token = randomToken();
  db.insert(sessions)
    .values({ id: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt: now + (options.ttlMs ?? ttlMs()) })
    .run();
  return token;
}

/** The signed-in user, or null when the token is unknown, expired, or its user is disabled. */
export function getSessionUser(db: Db, token: string, now = Date.now()): PublicUser | null {
  if (!token) return null;
  const id = hashToken(token);
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;
  if (row.session.expiresAt <= now) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  if (row.user.disabledAt !== null) return null;
  if (now - row.session.lastSeenAt >= LAST_SEEN_RESOLUTION_MS) {
    db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, id), gt(sessions.expiresAt, now))).run();
  }
  const { passwordHash: _hash, ...user } = row.user;
  return user;
}

export function revokeSession(db: Db, token: string): void {
  db.delete(sessions).where(eq(sessions.id, hashToken(token))).run();
}

export function revokeUserSessions(db: Db, userId: string): number {
  return db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

/** Set-Cookie value. `secure` should be true behind HTTPS; plain http on localhost needs false. */
export function sessionCookie(token: string, options: { secure: boolean; maxAgeSeconds?: number }): string {
  const maxAge = options.maxAgeSeconds ?? Math.floor(ttlMs() / 1000);
  return cookie(`${SESSION_COOKIE}=${token}`, maxAge, options.secure);
}

export function clearSessionCookie(options: { secure?: boolean } = {}): string {
  return cookie(`${SESSION_COOKIE}=`, 0, options.secure ?? false);
}

function cookie(pair: string, maxAge: number, secure: boolean): string {
  const parts = [pair, 'HttpOnly', 'SameSite=Lax', 'Path=/', `Max-Age=${maxAge}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
