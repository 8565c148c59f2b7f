import { describe, expect, it } from 'vitest';
import { emptyLatency, latencyBucket, latencyQuantile, LATENCY_BOUNDS_MS } from './latency-buckets';

describe('latencyQuantile', () => {
  it('answers the upper bound of the bucket the quantile falls in', () => {
    const hist = emptyLatency();
    for (let i = 0; i < 94; i++) hist[latencyBucket(4)] += 1;
    for (let i = 0; i < 6; i++) hist[latencyBucket(180)] += 1;
    expect(latencyQuantile(hist, 0.94)).toBe(5);
    expect(latencyQuantile(hist, 0.95)).toBe(200);
  });

  it('is null without predictions and never beyond the last bound', () => {
    expect(latencyQuantile(emptyLatency(), 0.95)).toBeNull();
    const hist = emptyLatency();
    hist[latencyBucket(60_000)] = 1;
    expect(latencyQuantile(hist, 0.95)).toBe(LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]);
  });
});
