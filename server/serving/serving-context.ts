// What every route handler works with: the live endpoints, the log, limits and measurements.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EndpointCatalog } from './endpoint-catalog';
import type { EndpointRegistry, EndpointState } from './endpoint-state';
import type { LiveStats } from './live-stats';
import type { PredictionLog } from './prediction-log';
import type { RateLimiter } from './rate-limit';
import { ServeError, type Protocol } from './serve-error';
import type { ServingMetrics } from './serving-metrics';

export interface ServingContext {
  catalog: EndpointCatalog;
  endpoints: EndpointRegistry;
  log: PredictionLog;
  metrics: ServingMetrics;
  stats: LiveStats;
  limiter: RateLimiter;
  warn: (message: string) => void;
}

/** Filled in by the handler, read when the answer is measured. */
export interface Observed {
  protocol: Protocol;
  endpoint: string;
  version: string;
  /** Inference requests only: what the live stats count. */
  scoring: boolean;
}

export interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  observed: Observed;
  started: number;
  /**
   * For a handler that returned LATER: called once when it has answered (or with the error to
   * answer), which measures the request and releases its place, as a settled promise would.
   */
  finish(error?: unknown): void;
}

/** A handler's answer that it will call `call.finish` itself (no promise per request). */
export const LATER = Symbol('later');

export type Handler = (ctx: ServingContext, call: Call) => Promise<void> | void | typeof LATER;

/** The live endpoint named in the path, or a 404 naming it. */
export function liveEndpoint(ctx: ServingContext, name: string): EndpointState {
  const state = ctx.endpoints.resolve(name);
  if (!state) throw new ServeError(404, `No endpoint named "${name}" is deployed`);
  return state;
}
