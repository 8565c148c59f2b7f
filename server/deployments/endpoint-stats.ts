// Request rate and latency of an endpoint. The serving process keeps exact figures for the last
// minute (GET /stats/{name}, loopback only); when it does not answer, they are estimated from the
// prediction log, which holds only a sample (the endpoint's log sample rate), and say so.
import { and, eq, gte, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { AnyDb } from '../db/any-db';
import type { Endpoint } from '../db/schema';
import { servingUrl } from './serving-url';

export interface EndpointStats {
  source: 'serving' | 'prediction-log';
  windowSeconds: number;
  /** Requests answered in the window; for the prediction log, logged entries divided by the sample rate. */
  requests: number;
  requestsPerSecond: number;
  errors: number | null;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null };
  /** The prediction log's sample rate the figures rest on; null for exact figures. */
  sampleRate: number | null;
  /** Log entries the estimate rests on. */
  logged: number | null;
}

const servingStats = z.object({
  windowSeconds: z.number(),
  requests: z.number(),
  errors: z.number(),
  requestsPerSecond: z.number(),
  latencyMs: z.object({ p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable() }),
});

export async function endpointStats(db: AnyDb, endpoint: Endpoint, now = Date.now()): Promise<EndpointStats> {
  try {
    const response = await fetch(`${servingUrl()}/stats/${endpoint.name}`, { signal: AbortSignal.timeout(1000) });
    if (response.ok) {
      const parsed = servingStats.safeParse(await response.json());
      if (parsed.success) return { source: 'serving', ...parsed.data, sampleRate: null, logged: null };
    }
  } catch {
    // Not running or not reachable: the log is what there is.
  }
  return statsFromLog(db, endpoint, now);
}

const LOG_WINDOW_S = 15 * 60;

export async function statsFromLog(db: AnyDb, endpoint: Pick<Endpoint, 'id' | 'logSampleRate'>, now = Date.now()): Promise<EndpointStats> {
  const log = db.t.predictionLog;
  const rows = await db
    .select({ latencyMs: log.latencyMs })
    .from(log)
    .where(and(eq(log.endpointId, endpoint.id), gte(log.createdAt, now - LOG_WINDOW_S * 1000), ne(log.role, 'shadow')))
    .limit(100_000);
  const latencies = rows.map((r) => r.latencyMs).sort((a, b) => a - b);
  const rate = endpoint.logSampleRate;
  const requests = rate > 0 ? Math.round(latencies.length / rate) : 0;
  return {
    source: 'prediction-log',
    windowSeconds: LOG_WINDOW_S,
    requests,
    requestsPerSecond: requests / LOG_WINDOW_S,
    errors: null,
    latencyMs: { p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99) },
    sampleRate: rate,
    logged: latencies.length,
  };
}

/** Nearest-rank quantile of sorted values; null when there are none. */
function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
