// The serving process's HTTP server (node:http, no framework): one handler that matches a
// route, sheds load, runs it, and measures the answer. Errors are answered in the route's
// protocol shape; an unexpected error is a 500 with no detail, its stack in the log.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnyDb } from '../db/any-db';
import { openDatabase } from '../db/client';
import { openPgDatabase } from '../db/pg-client';
import { SqliteEndpointCatalog, type EndpointCatalog } from './endpoint-catalog';
import { PgEndpointCatalog } from './endpoint-catalog-pg';
import { EndpointRegistry } from './endpoint-state';
import { sendJson } from './http-io';
import { LiveStats } from './live-stats';
import { UserError } from '../../engine/errors';
import { servingMl } from './loaded-model';
import { LoadShedder } from './load-shed';
import { PredictionLog } from './prediction-log';
import { RateLimiter } from './rate-limit';
import { matchRoute } from './routes';
import { errorBody, ServeError, type Protocol } from './serve-error';
import { LATER, type Call, type Observed, type ServingContext } from './serving-context';
import { ServingMetrics } from './serving-metrics';

export interface ServingOptions {
  dataDir: string;
  /** Postgres (PIPEWORKS_DATABASE_URL); otherwise the SQLite file in dataDir. */
  databaseUrl?: string;
  host: string;
  port: number;
  maxInFlight: number;
  maxLagMs: number;
  log?: (line: string) => void;
}

export interface ServingHandle {
  url: string;
  port: number;
  context: ServingContext;
  close(): Promise<void>;
}

export async function startServing(options: ServingOptions): Promise<ServingHandle> {
  const write = options.log ?? ((line: string) => console.error(line));
  const database = await openServingDatabase(options);
  const { catalog } = database;
  const metrics = new ServingMetrics();
  const endpoints = new EndpointRegistry(catalog, options.dataDir, servingMl(), {
    loaded: (model, endpoint) => {
      metrics.modelLoaded(endpoint, model.version, model.loadSeconds, model.bytes);
      const { name, timings, note } = model.scorer;
      const measured = Object.entries(timings).map(([scorer, us]) => `${scorer} ${us.toFixed(0)} µs`).join(', ');
      write(`serving: ${endpoint} loaded version ${model.version} (${model.format}) in ${(model.loadSeconds * 1000).toFixed(0)} ms; scored by ${name} (a probe call: ${measured})${note ? `; ${note}` : ''}`);
    },
    failed: (endpoint, versionId, error) =>
      write(`serving: ${endpoint} could not load model version ${versionId}: ${error instanceof UserError ? error.message : String((error as Error).stack ?? error)}`),
  });
  const context: ServingContext = {
    catalog,
    endpoints,
    log: new PredictionLog(database.logTarget, write),
    metrics,
    stats: new LiveStats(),
    limiter: new RateLimiter(),
    warn: write,
  };
  const shedder = new LoadShedder(options.maxInFlight, options.maxLagMs);
  await endpoints.loadAll().catch((error: unknown) => write(`serving: loading endpoints failed: ${String(error)}`));

  // On Postgres a request waits for the catalog's read of its turn (endpoint-catalog-pg.ts).
  const server = createServer(
    catalog.sync() === null
      ? (req, res) => handle(context, shedder, req, res)
      : (req, res) =>
          void catalog.sync()!.then(
            () => handle(context, shedder, req, res),
            (error: unknown) => {
              write(`serving: reading the endpoints failed: ${String(error)}`);
              sendJson(res, 503, { error: 'The serving process cannot read its endpoints from the database; try again' });
            },
          ),
  );
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    port,
    context,
    close: () => close(server, context, shedder, database),
  };
}

/**
 * One request: route, shed, run the handler, answer its error in the protocol's shape, measure.
 * Not an async function: a handler that answers in its own turn (a scoring request once its body
 * is in) is settled right there, with no promise of its own.
 */
function handle(ctx: ServingContext, shedder: LoadShedder, req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  const match = matchRoute(req.method ?? 'GET', path);
  const observed: Observed = { protocol: match.route?.protocol ?? (match.route === null ? match.protocol : 'v2'), endpoint: '', version: '', scoring: false };
  const call = new RequestCall(ctx, shedder, req, res, path, match.route ? match.params : [], observed, started);
  try {
    if (match.route === null) {
      if (match.allowed.length) throw new ServeError(405, `${req.method} is not allowed here; use ${match.allowed.join(' or ')}`, { allow: match.allowed.join(', ') });
      throw new ServeError(404, `No route ${req.method} ${path}; see docs/serving.md`);
    }
    if (match.route.shed) {
      const refused = shedder.admit();
      if (refused) {
        ctx.metrics.shed.inc({ reason: refused });
        throw shedder.refusal(refused);
      }
      call.admitted = true;
    }
    const pending = match.route.handler(ctx, call);
    if (pending === LATER) return;
    if (pending) {
      pending.then(
        () => call.finish(),
        (error: unknown) => call.finish(error),
      );
      return;
    }
  } catch (error) {
    call.finish(error);
    return;
  }
  call.finish();
}

/** What a handler gets, and the end of the request: `finish` answers an error, measures and releases. */
class RequestCall implements Call {
  admitted = false;
  private finished = false;

  constructor(
    private readonly ctx: ServingContext,
    private readonly shedder: LoadShedder,
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    private readonly path: string,
    readonly params: string[],
    readonly observed: Observed,
    readonly started: number,
  ) {}

  finish(error?: unknown): void {
    if (this.finished) return;
    this.finished = true;
    if (error !== undefined) answerError(this.ctx, this.req, this.res, this.path, this.observed.protocol, error);
    settle(this.ctx, this.shedder, this.admitted, this.res, this.observed, this.started);
  }
}

function answerError(ctx: ServingContext, req: IncomingMessage, res: ServerResponse, path: string, protocol: Protocol, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
  } else if (error instanceof ServeError) {
    sendJson(res, error.status, errorBody(protocol, error), error.headers);
  } else {
    ctx.warn(`serving: internal error on ${req.method} ${path}: ${String((error as Error)?.stack ?? error)}`);
    sendJson(res, 500, errorBody(protocol, new ServeError(500, 'Internal error; the serving log has the details')));
  }
}

function settle(ctx: ServingContext, shedder: LoadShedder, admitted: boolean, res: ServerResponse, observed: Observed, started: number): void {
  if (admitted) shedder.release();
  if (observed.endpoint) {
    const ms = performance.now() - started;
    ctx.metrics.observe(observed.endpoint, observed.version || 'none', observed.protocol, res.statusCode, ms / 1000);
    if (observed.scoring) ctx.stats.record(observed.endpoint, ms, res.statusCode >= 400);
  }
}

/** The catalog over SQLite's prepared statements, or over an in-memory copy of Postgres's rows. */
async function openServingDatabase(options: ServingOptions): Promise<{ catalog: EndpointCatalog; logTarget: string | AnyDb; close(): Promise<void> | void }> {
  if (options.databaseUrl !== undefined) {
    const pg = await openPgDatabase(options.databaseUrl);
    const catalog = new PgEndpointCatalog(pg.db);
    await catalog.sync();
    return { catalog, logTarget: pg.db, close: () => pg.close() };
  }
  const { sqlite } = openDatabase(options.dataDir);
  return {
    catalog: new SqliteEndpointCatalog(sqlite),
    logTarget: options.dataDir,
    close: () => {
      sqlite.close();
    },
  };
}

async function close(server: Server, ctx: ServingContext, shedder: LoadShedder, database: { close(): Promise<void> | void }): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  shedder.close();
  await ctx.log.close();
  ctx.catalog.close();
  await database.close();
}
