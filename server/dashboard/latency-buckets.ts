// Latency is kept as counts per bucket (upper bounds in ms, the last open-ended), so a p95 over
// any period merges day rows instead of reading every logged latency.
export const LATENCY_BOUNDS_MS = [0.5, 1, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 2000, 5000, 10_000] as const;
export const LATENCY_BUCKETS = LATENCY_BOUNDS_MS.length + 1;

export function latencyBucket(ms: number): number {
  for (let i = 0; i < LATENCY_BOUNDS_MS.length; i++) if (ms <= LATENCY_BOUNDS_MS[i]) return i;
  return LATENCY_BOUNDS_MS.length;
}

export const emptyLatency = (): number[] => new Array<number>(LATENCY_BUCKETS).fill(0);

/**
 * The q-quantile (0..1) as the upper bound of the bucket it falls in: never below the true value,
 * at most one bucket above it. Null for no predictions; the open bucket answers its lower bound.
 */
export function latencyQuantile(hist: readonly number[], q: number): number | null {
  const total = hist.reduce((s, c) => s + c, 0);
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i];
    if (seen >= rank) return LATENCY_BOUNDS_MS[Math.min(i, LATENCY_BOUNDS_MS.length - 1)];
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1];
}
