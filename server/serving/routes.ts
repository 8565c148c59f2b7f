// The serving process's route table: method, path pattern, protocol (for the error shape), and
// whether load shedding applies (health and metrics always answer).
import { postFeedback } from './feedback-route';
import { mlflowInvocations } from './mlflow-routes';
import { endpointStats, live, metrics, ready, serverMetadata } from './ops-routes';
import type { Protocol } from './serve-error';
import type { Handler } from './serving-context';
import { v2Infer, v2Metadata, v2ModelReady } from './v2-routes';

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  protocol: Protocol;
  shed: boolean;
  handler: Handler;
}

const NAME = '([^/]+)';
const VERSION = '([^/]+)';

// Scoring routes first: matching tries the patterns in order, and they take nearly all traffic.
// (No path matches two patterns, so the order changes nothing else.)
export const ROUTES: Route[] = [
  { method: 'POST', pattern: new RegExp(`^/v2/models/${NAME}/infer$`), protocol: 'v2', shed: true, handler: v2Infer },
  { method: 'POST', pattern: new RegExp(`^/v2/models/${NAME}/versions/${VERSION}/infer$`), protocol: 'v2', shed: true, handler: v2Infer },
  { method: 'GET', pattern: /^\/v2\/health\/live$/, protocol: 'v2', shed: false, handler: (_ctx, call) => live(call) },
  { method: 'GET', pattern: /^\/v2\/health\/ready$/, protocol: 'v2', shed: false, handler: ready },
  { method: 'GET', pattern: /^\/v2\/?$/, protocol: 'v2', shed: false, handler: (_ctx, call) => serverMetadata(call) },
  { method: 'GET', pattern: new RegExp(`^/v2/models/${NAME}$`), protocol: 'v2', shed: true, handler: v2Metadata },
  { method: 'GET', pattern: new RegExp(`^/v2/models/${NAME}/versions/${VERSION}$`), protocol: 'v2', shed: true, handler: v2Metadata },
  { method: 'GET', pattern: new RegExp(`^/v2/models/${NAME}/ready$`), protocol: 'v2', shed: true, handler: v2ModelReady },
  { method: 'GET', pattern: new RegExp(`^/v2/models/${NAME}/versions/${VERSION}/ready$`), protocol: 'v2', shed: true, handler: v2ModelReady },
  { method: 'POST', pattern: new RegExp(`^/endpoints/${NAME}/invocations$`), protocol: 'mlflow', shed: true, handler: mlflowInvocations },
  { method: 'POST', pattern: /^\/invocations$/, protocol: 'mlflow', shed: true, handler: mlflowInvocations },
  { method: 'POST', pattern: new RegExp(`^/endpoints/${NAME}/feedback$`), protocol: 'mlflow', shed: true, handler: postFeedback },
  { method: 'GET', pattern: /^\/(ping|health)$/, protocol: 'mlflow', shed: false, handler: (_ctx, { res }) => void res.writeHead(200, { 'content-length': 0 }).end() },
  { method: 'GET', pattern: /^\/metrics$/, protocol: 'v2', shed: false, handler: metrics },
  { method: 'GET', pattern: new RegExp(`^/stats/${NAME}$`), protocol: 'v2', shed: false, handler: endpointStats },
];

export type Match = { route: Route; params: string[] } | { route: null; allowed: string[]; protocol: Protocol };

export function matchRoute(method: string, path: string): Match {
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (route.method === method) return { route, params: m.slice(1).map(decodeSegment) };
    allowed.push(route.method);
  }
  return { route: null, allowed, protocol: path.startsWith('/v2') ? 'v2' : 'mlflow' };
}

function decodeSegment(segment: string | undefined): string {
  if (segment === undefined) return segment as unknown as string;
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
