// Serving health of a check. Latency and throughput come from the window's own logged predictions;
// the error rate and memory only the serving process knows, so they are read from its loopback
// /stats route (its last minute) when it answers, and left out, with a note, when it does not.
import { z } from 'zod';
import { servingUrl } from '../deployments/serving-url';
import type { Figure } from './check-figures';

/** Nearest-rank quantile of ascending values. */
function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export interface WindowTraffic {
  latencies: Float64Array;
  /** Window length in ms: T hours for an hours window, first to last prediction otherwise. */
  spanMs: number;
  /** The endpoint's log sample rate: logged rows stand for rows / rate requests. */
  sampleRate: number;
}

export function trafficFigures({ latencies, spanMs, sampleRate }: WindowTraffic): Figure[] {
  if (latencies.length === 0) return [];
  const sorted = Float64Array.from(latencies).sort();
  const figures: Figure[] = [0.5, 0.95, 0.99].map((q) => ({ feature: '', metric: `latency_p${Math.round(q * 100)}`, value: quantile(sorted, q), flagged: false }));
  if (spanMs > 0 && sampleRate > 0) figures.push({ feature: '', metric: 'throughput_rps', value: latencies.length / sampleRate / (spanMs / 1000), flagged: false });
  return figures;
}

const statsReply = z.object({
  requests: z.number(),
  errors: z.number(),
  memory: z.object({ rssMb: z.number(), modelMb: z.number().nullable() }).optional(),
});

export type StatsFetch = (endpointName: string) => Promise<unknown>;

export const fetchServingStats: StatsFetch = async (name) => {
  const response = await fetch(`${servingUrl()}/stats/${encodeURIComponent(name)}`, { signal: AbortSignal.timeout(1000) });
  if (!response.ok) throw new Error(`the serving process answered ${response.status}`);
  return response.json();
};

/** error_rate (last minute, when it had requests), rss_mb and model_mb from the serving process. */
export async function processFigures(endpointName: string, fetchStats: StatsFetch): Promise<{ figures: Figure[]; note: string | null }> {
  let reply: unknown;
  try {
    reply = await fetchStats(endpointName);
  } catch (error) {
    return { figures: [], note: `The serving process did not answer (${error instanceof Error ? error.message : String(error)}), so error rate and memory are not recorded` };
  }
  const parsed = statsReply.safeParse(reply);
  if (!parsed.success) return { figures: [], note: 'The serving process answered /stats without the expected figures, so error rate and memory are not recorded' };
  const { requests, errors, memory } = parsed.data;
  const figures: Figure[] = [];
  if (requests > 0) figures.push({ feature: '', metric: 'error_rate', value: errors / requests, flagged: false });
  if (memory) {
    figures.push({ feature: '', metric: 'rss_mb', value: memory.rssMb, flagged: false });
    if (memory.modelMb !== null) figures.push({ feature: '', metric: 'model_mb', value: memory.modelMb, flagged: false });
  }
  return { figures, note: memory ? null : 'The serving process reported no memory figures' };
}
