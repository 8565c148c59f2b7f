import { describe, expect, it } from 'vitest';
import { quoteNonFinite } from './http-io';
import { LiveStats } from './live-stats';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows a second of the rate at once, then refuses with Retry-After until it refills', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 2; i++) limiter.take('k', 120, 1_000);
    expect(() => limiter.take('k', 120, 1_000)).toThrow(expect.objectContaining({ status: 429, headers: { 'retry-after': '1' } }));
    limiter.take('k', 120, 1_500);
    limiter.take('other', 120, 1_500);
  });

  it('keeps at least one request for a slow key and says how long to wait', () => {
    const limiter = new RateLimiter();
    limiter.take('k', 6, 0);
    expect(() => limiter.take('k', 6, 1_000)).toThrow(expect.objectContaining({ headers: { 'retry-after': '9' } }));
    limiter.take('k', 6, 10_000);
  });
});

describe('LiveStats', () => {
  it('counts the last minute only, with percentiles of the successes', () => {
    const stats = new LiveStats();
    for (let i = 1; i <= 100; i++) stats.record('e', i, false, 100_000);
    stats.record('e', 5000, true, 100_000);
    stats.record('e', 1, false, 30_000);
    const s = stats.stats('e', 120_000);
    expect(s).toMatchObject({ requests: 101, errors: 1, windowSeconds: 60 });
    expect(s.latencyMs).toEqual({ p50: 51, p95: 96, p99: 100 });
    expect(stats.stats('e', 200_000).latencyMs.p50).toBeNull();
  });
});

describe('quoteNonFinite', () => {
  it('quotes bare NaN and Infinity tokens but leaves strings alone', () => {
    expect(quoteNonFinite('{"a":[NaN,-Infinity,1],"b":"NaN Infinity \\" NaN"}')).toBe('{"a":["NaN","-Infinity",1],"b":"NaN Infinity \\" NaN"}');
  });
});
