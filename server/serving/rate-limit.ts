// Per-key rate limits: a token bucket per key holding up to one second of its rate (at least one
// request), refilled continuously. An empty bucket is a 429 with Retry-After in whole seconds.
import { ServeError } from './serve-error';

interface Bucket {
  tokens: number;
  at: number;
  perMinute: number;
}

const IDLE_MS = 10 * 60_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private sweptAt = Date.now();

  take(keyId: string, perMinute: number, now = Date.now()): void {
    const capacity = Math.max(1, perMinute / 60);
    let bucket = this.buckets.get(keyId);
    if (!bucket || bucket.perMinute !== perMinute) {
      bucket = { tokens: capacity, at: now, perMinute };
      this.buckets.set(keyId, bucket);
    }
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) * perMinute) / 60_000);
    bucket.at = now;
    if (bucket.tokens < 1) {
      const wait = Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / perMinute));
      throw new ServeError(429, `Rate limit: this key may make ${perMinute} requests a minute; retry in ${wait} s`, { 'retry-after': String(wait) });
    }
    bucket.tokens -= 1;
    if (now - this.sweptAt > IDLE_MS) this.sweep(now);
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [id, bucket] of this.buckets) if (now - bucket.at > IDLE_MS) this.buckets.delete(id);
  }
}
