// Health, server metadata, Prometheus metrics and the per-endpoint live stats.
import type { IncomingMessage } from 'node:http';
import { authorize } from './key-auth';
import { sendJson, sendText } from './http-io';
import { ServeError } from './serve-error';
import { liveEndpoint, type Call, type ServingContext } from './serving-context';

const VERSION = process.env.npm_package_version ?? '0.1.0';

export function live({ res }: Call): void {
  sendJson(res, 200, { live: true });
}

/** Ready when every live endpoint has a model answering. */
export function ready(ctx: ServingContext, { res }: Call): void {
  for (const name of ctx.catalog.liveEndpointNames()) ctx.endpoints.resolve(name);
  const ok = ctx.endpoints.allReady();
  sendJson(res, ok ? 200 : 503, { ready: ok });
}

export function serverMetadata({ res }: Call): void {
  sendJson(res, 200, { name: 'pipeworks-serving', version: VERSION, extensions: [] });
}

export function isLoopback(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** Prometheus scrapes from this machine only: the metrics name every endpoint. */
export async function metrics(ctx: ServingContext, { req, res }: Call): Promise<void> {
  if (!isLoopback(req)) throw new ServeError(403, '/metrics answers only on the loopback interface');
  ctx.metrics.logDropped.set(ctx.log.dropped);
  sendText(res, 200, await ctx.metrics.text(), ctx.metrics.registry.contentType);
}

/** The last minute of one endpoint: for the studio (loopback) or a holder of the endpoint's key. */
export function endpointStats(ctx: ServingContext, { req, res, params, observed }: Call): void {
  const [name] = params;
  const state = liveEndpoint(ctx, name);
  observed.endpoint = name;
  const loopback = isLoopback(req);
  if (!loopback) authorize(req, state, 'infer');
  const routing = state.routing;
  const mb = (bytes: number) => bytes / 1_048_576;
  sendJson(res, 200, {
    ...ctx.stats.stats(name),
    // Process memory is the studio's business only (monitoring checks read it here); a key holder sees traffic.
    ...(loopback ? { memory: { rssMb: mb(process.memoryUsage().rss), modelMb: routing ? mb(routing.primary.bytes) : null } } : {}),
    revision: state.endpoint.revision,
    ready: routing !== null,
    versions: routing
      ? [
          { version: routing.primary.version, role: 'primary' },
          ...(routing.canary ? [{ version: routing.canary.model.version, role: 'canary' }] : []),
          ...(routing.shadow ? [{ version: routing.shadow.version, role: 'shadow' }] : []),
        ]
      : [],
  });
}
