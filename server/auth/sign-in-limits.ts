// Brute-force protection for sign-in: failed attempts are counted per account and per client
// address in a sliding window; past the limit, sign-in is refused (429 with Retry-After) before any
// password is hashed. One server process holds the counts in memory (a restart forgets them).

export interface SignInLimits {
  /** Failed sign-ins allowed per account (email) within the window. */
  perAccount: number;
  /** Failed sign-ins allowed per client address within the window (many accounts, one address). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAccount: 10, perAddress: 30, windowMs: 15 * 60_000 };

/** Whether an attempt may go ahead, and if not, in how many whole seconds it may. */
export type SignInVerdict = { ok: true } | { ok: false; retryAfterSeconds: number; by: 'account' | 'address' };

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {}

  check(account: string, address: string, now = Date.now()): SignInVerdict {
    const byAccount = this.wait(`account:${account}`, this.limits.perAccount, now);
    if (byAccount > 0) return { ok: false, retryAfterSeconds: Math.ceil(byAccount / 1000), by: 'account' };
    const byAddress = this.wait(`address:${address}`, this.limits.perAddress, now);
    if (byAddress > 0) return { ok: false, retryAfterSeconds: Math.ceil(byAddress / 1000), by: 'address' };
    return { ok: true };
  }

  recordFailure(account: string, address: string, now = Date.now()): void {
    for (const key of [`account:${account}`, `address:${address}`]) {
      const times = this.recent(key, now);
      times.push(now);
      this.failures.set(key, times);
    }
    if (this.failures.size > 100_000) this.sweep(now);
  }

  /** The right password clears the account's count (not the address's: it may try other accounts). */
  recordSuccess(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  /** Milliseconds until one more failure would be allowed under `limit`; 0 when it is now. */
  private wait(key: string, limit: number, now: number): number {
    const times = this.recent(key, now);
    if (times.length < limit) return 0;
    return times[times.length - limit] + this.limits.windowMs - now;
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
  }

  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key, now).length === 0) this.failures.delete(key);
  }
}

/**
 * The client's address as the server saw it. Next sets X-Forwarded-For to the socket's address
 * unless the request already carries one, so a client can choose its own; the per-account limit
 * is what a rotating address cannot escape.
 */
export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}
