// Brute-force protection for sign-in: failed attempts are counted per account and per client
// address in a sliding window; past the limit, sign-in is refused (429 with Retry-After) before any
// password is hashed. The failures are rows in the database (sign_in_failures), so a restart or a
// second studio process sees the same counts.
import { and, desc, eq, gt, lte } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';
import type { Env } from '../env';

export interface SignInLimits {
  /** Failed sign-ins allowed per account (email) within the window. */
  perAccount: number;
  /** Failed sign-ins allowed per client address within the window (many accounts, one address). */
  perAddress: number;
  windowMs: number;
}

/** The limits this server runs with (PIPEWORKS_SIGNIN_* settings; defaults 10, 30 and 15 minutes). */
export function signInLimits(env: Pick<Env, 'PIPEWORKS_SIGNIN_MAX_PER_ACCOUNT' | 'PIPEWORKS_SIGNIN_MAX_PER_ADDRESS' | 'PIPEWORKS_SIGNIN_WINDOW_MINUTES'>): SignInLimits {
  return { perAccount: env.PIPEWORKS_SIGNIN_MAX_PER_ACCOUNT, perAddress: env.PIPEWORKS_SIGNIN_MAX_PER_ADDRESS, windowMs: env.PIPEWORKS_SIGNIN_WINDOW_MINUTES * 60_000 };
}

/** Whether an attempt may go ahead, and if not, in how many whole seconds it may. */
export type SignInVerdict = { ok: true } | { ok: false; retryAfterSeconds: number; by: 'account' | 'address' };

const accountKey = (account: string) => `account:${account}`;
const addressKey = (address: string) => `address:${address}`;

export async function checkSignIn(db: AnyDb, limits: SignInLimits, account: string, address: string, now = Date.now()): Promise<SignInVerdict> {
  const byAccount = await wait(db, accountKey(account), limits.perAccount, limits.windowMs, now);
  if (byAccount > 0) return { ok: false, retryAfterSeconds: Math.ceil(byAccount / 1000), by: 'account' };
  const byAddress = await wait(db, addressKey(address), limits.perAddress, limits.windowMs, now);
  if (byAddress > 0) return { ok: false, retryAfterSeconds: Math.ceil(byAddress / 1000), by: 'address' };
  return { ok: true };
}

export async function recordSignInFailure(db: AnyDb, limits: SignInLimits, account: string, address: string, now = Date.now()): Promise<void> {
  const { signInFailures } = db.t;
  await db.insert(signInFailures).values([{ key: accountKey(account), at: now }, { key: addressKey(address), at: now }]);
  // Rows past the window count for nothing; drop them as failures come in, so the table stays small.
  await db.delete(signInFailures).where(lte(signInFailures.at, now - limits.windowMs));
}

/** The right password clears the account's count (not the address's: it may try other accounts). */
export async function clearSignInFailures(db: AnyDb, account: string): Promise<void> {
  await db.delete(db.t.signInFailures).where(eq(db.t.signInFailures.key, accountKey(account)));
}

/** Milliseconds until one more failure would be allowed under `limit`; 0 when it is now. */
async function wait(db: AnyDb, key: string, limit: number, windowMs: number, now: number): Promise<number> {
  const { signInFailures } = db.t;
  const recent = await db
    .select({ at: signInFailures.at })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gt(signInFailures.at, now - windowMs)))
    .orderBy(desc(signInFailures.at))
    .limit(limit);
  if (recent.length < limit) return 0;
  return recent[limit - 1].at + windowMs - now;
}

/** The header the server itself writes with the connection's peer address (peer-address.ts). */
export const PEER_ADDRESS_HEADER = 'x-pipeworks-peer';

/**
 * The client's address. Next passes a client's own X-Forwarded-For through untouched, so it is
 * believed only with PIPEWORKS_TRUST_PROXY=1 (a proxy in front that sets or appends it; the last
 * entry is the address that proxy saw). Otherwise the connection's own peer address, which the
 * server stamps on every request over anything a client sent.
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = headers.get('x-forwarded-for')?.split(',').map((a) => a.trim()).filter(Boolean);
    if (forwarded?.length) return forwarded[forwarded.length - 1];
  }
  return headers.get(PEER_ADDRESS_HEADER)?.trim() || 'unknown';
}
