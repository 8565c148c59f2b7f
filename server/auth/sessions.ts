// Browser sessions: an opaque cookie token whose sha256 is the row id.
import { and, eq, gt } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
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
export async function createSession(db: AnyDb, userId: string, options: { now?: number; ttlMs?: number } = {}): Promise<string> {
  const now = options.now ?? Date.now();
  const token = randomToken();
  await db
    .insert(db.t.sessions)
    .values({ id: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt: now + (options.ttlMs ?? ttlMs()) });
  return token;
}

/** The signed-in user, or null when the token is unknown, expired, or its user is disabled. */
export async function getSessionUser(db: AnyDb, token: string, now = Date.now()): Promise<PublicUser | null> {
  if (!token) return null;
  const { sessions, users } = db.t;
  const id = hashToken(token);
  const row = first(
    await db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id)).limit(1),
  );
  if (!row) return null;
  if (row.session.expiresAt <= now) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (row.user.disabledAt !== null) return null;
  if (now - row.session.lastSeenAt >= LAST_SEEN_RESOLUTION_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  }
  const { passwordHash: _hash, ...user } = row.user;
  return user;
}

export async function revokeSession(db: AnyDb, token: string): Promise<void> {
  await db.delete(db.t.sessions).where(eq(db.t.sessions.id, hashToken(token)));
}

export async function revokeUserSessions(db: AnyDb, userId: string): Promise<number> {
  const revoked = await db.delete(db.t.sessions).where(eq(db.t.sessions.userId, userId)).returning({ id: db.t.sessions.id });
  return revoked.length;
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
