// Every environment variable the server reads, checked once with zod so a typo fails loudly at start-up.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

// `.env` files often leave a variable set but empty; treat that as unset so the default applies.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);

const originList = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
  .pipe(z.array(z.url({ protocol: /^https?$/, error: 'expected comma-separated http(s) origins' })));

const hashOverrides = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected a JSON object' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().regex(/^[a-z0-9/-]+@\d+$/, 'expected keys like "split/random@1"'), z.string().min(1)));

// One core stays free for the HTTP server; more than 4 workers mostly adds memory pressure.
const defaultWorkers = () => Math.min(4, Math.max(1, availableParallelism() - 1));

const envSchema = (cwd: string) =>
  z.object({
    PIPEWORKS_DATA_DIR: optional(z.string()).transform((dir) => path.resolve(cwd, dir ?? './data')),
    PIPEWORKS_HOST: optional(z.string().min(1)).transform((host) => host ?? '127.0.0.1'),
    PORT: optional(z.coerce.number().int().min(1).max(65_535)).transform((port) => port ?? 3000),
    /** Requests the serving process works on at once; more are refused with 503 rather than queued. */
    PIPEWORKS_SERVING_MAX_INFLIGHT: optional(positiveInt(100_000)).transform((n) => n ?? 256),
    /** Event-loop lag above which the serving process sheds new requests with 503. */
    PIPEWORKS_SERVING_MAX_LAG_MS: optional(positiveInt(60_000)).transform((ms) => ms ?? 250),
    PIPEWORKS_ALLOWED_ORIGINS: optional(originList).transform((origins) => origins ?? []),
    PIPEWORKS_WORKERS: optional(positiveInt(64)).transform((n) => n ?? defaultWorkers()),
    /**
     * `tsx`: step threads load the TypeScript step worker through tsx even where dist/cli has a
     * fresh compiled one (server/runners/step-worker-entry.mjs reads it; the step-start bench sets it).
     */
    PIPEWORKS_STEP_WORKER: optional(z.enum(['tsx'])),
    /** Sandbox processes for user code, per process or worker thread that runs code nodes. */
    PIPEWORKS_SANDBOX_PROCESSES: optional(positiveInt(16)).transform((n) => n ?? 1),
    PIPEWORKS_TEST_NODES: optional(z.enum(['0', '1'])).transform((flag) => flag === '1'),
    /**
     * 1 when a proxy in front sets X-Forwarded-Proto and X-Forwarded-For (overwrites or appends);
     * only then are they believed (the Secure cookie flag, the per-address sign-in limit).
     */
    PIPEWORKS_TRUST_PROXY: optional(z.enum(['0', '1'])).transform((flag) => flag === '1'),
    /** Failed sign-ins per account, and per client address, within PIPEWORKS_SIGNIN_WINDOW_MINUTES. */
    PIPEWORKS_SIGNIN_MAX_PER_ACCOUNT: optional(positiveInt(1_000_000)).transform((n) => n ?? 10),
    PIPEWORKS_SIGNIN_MAX_PER_ADDRESS: optional(positiveInt(1_000_000)).transform((n) => n ?? 30),
    PIPEWORKS_SIGNIN_WINDOW_MINUTES: optional(positiveInt(7 * 24 * 60)).transform((n) => n ?? 15),
    /**
     * Tests only: JSON `{ "<type>@<version>": "<hash>" }` replacing built-in nodes' implementation
     * hashes, so a test can start a server as an upgraded build would be.
     */
    PIPEWORKS_TEST_IMPLEMENTATION_HASHES: optional(hashOverrides).transform((o) => o ?? {}),
    PIPEWORKS_SESSION_TTL_HOURS: optional(positiveInt(24 * 366)).transform((h) => h ?? 168),
    // Decimals allowed (0.5 = 512 KB), so tests can set small limits.
    PIPEWORKS_MAX_UPLOAD_MB: optional(z.coerce.number().positive().max(100_000)).transform((mb) => mb ?? 200),
    /** Caps on what an imported file decodes to, whatever its format (a Parquet file compresses far). */
    PIPEWORKS_MAX_ROWS: optional(positiveInt(2_000_000_000)).transform((n) => n ?? 10_000_000),
    PIPEWORKS_MAX_CELLS: optional(positiveInt(20_000_000_000)).transform((n) => n ?? 50_000_000),
    PIPEWORKS_MAX_DECODED_MB: optional(z.coerce.number().positive().max(1_000_000)).transform((mb) => mb ?? 1024),
    /** The longest physical line a CSV import accepts. */
    PIPEWORKS_MAX_LINE_KB: optional(z.coerce.number().positive().max(1024 * 1024)).transform((kb) => kb ?? 1024),
    /** A browser-driven run whose tab has not been heard from for this long is marked interrupted. */
    // A hidden tab's timers may fire only once a minute (Chrome's intensive throttling), so well above that.
    PIPEWORKS_BROWSER_TIMEOUT_S: optional(z.coerce.number().positive().max(3600)).transform((s) => s ?? 90),
    /** How long an artifact stays after its last owner was deleted, before GC may remove it. */
    PIPEWORKS_GC_GRACE_HOURS: optional(z.coerce.number().min(0).max(24 * 3660)).transform((h) => h ?? 24),
    /** Where clients reach the serving process, as the deployment page's snippets show it (and the studio calls it). */
    PIPEWORKS_SERVING_URL: optional(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' })),
    PIPEWORKS_SERVING_PORT: optional(z.coerce.number().int().min(1).max(65_535)).transform((port) => port ?? 3001),
    /** The Chromium binary that renders dashboard exports (PDF, PNG) on the server. */
    PIPEWORKS_CHROMIUM: optional(z.string().min(1)).transform((p) => p ?? '/usr/bin/chromium'),
    /** Verification of browser results (docs/security.md): off only to measure what it costs. */
    PIPEWORKS_VERIFY: optional(z.enum(['on', 'off'])).transform((v) => v !== 'off'),
    /** Browser results whose inputs and outputs stay under this are all re-computed by the server. */
    PIPEWORKS_VERIFY_FULL_MB: optional(z.coerce.number().min(0).max(1_000_000)).transform((mb) => mb ?? 64),
    /** The share of larger browser results re-computed, chosen by a seeded draw per cache key. */
    PIPEWORKS_VERIFY_SAMPLE: optional(z.coerce.number().min(0).max(1)).transform((rate) => rate ?? 0.1),
    /** Keeps the draw unpredictable to a browser tab; set a private value in production. */
    PIPEWORKS_VERIFY_SEED: optional(z.string()).transform((seed) => seed ?? ''),
    /** Seconds between ticks of the training scheduler (triggers, challenger checks); 0 turns it off in this process. */
    PIPEWORKS_SCHEDULER_TICK_S: optional(z.coerce.number().min(0).max(3600)).transform((s) => s ?? 15),
    /**
     * Queue mode (server/queue/): ready steps go to BullMQ on this Redis instead of the in-process
     * thread pool, and `pipeworks worker` processes run them. Unset: the embedded pool, as always.
     */
    PIPEWORKS_REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'expected a redis:// or rediss:// URL' })),
    /** The first part of every Redis key the queue writes, so installations (or test runs) can share one Redis. */
    PIPEWORKS_QUEUE_PREFIX: optional(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected 1 to 64 letters, digits, _ or -')).transform((p) => p ?? 'pipeworks'),
    /** The Redis URL handed to workers when they connect, where theirs differs from the server's (another network). */
    PIPEWORKS_WORKER_REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'expected a redis:// or rediss:// URL' })),
    /**
     * Postgres instead of the SQLite file in PIPEWORKS_DATA_DIR (server/db/pg-client.ts). Every store runs
     * on both (docs/architecture.md, "Data access").
     */
    PIPEWORKS_DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// or postgresql:// URL' })),
    NODE_ENV: optional(z.enum(['development', 'production', 'test'])).transform((mode) => mode ?? 'development'),
  });

/** Parsed values keyed by variable name: data dir absolute, origins split, test nodes a boolean. */
export type Env = z.output<ReturnType<typeof envSchema>>;

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid environment variable ${variable}: ${detail}`);
    this.name = 'EnvError';
  }
}

/** Pure: parses a given environment, for tests and for `getEnv`. */
export function parseEnv(source: Record<string, string | undefined>, cwd = process.cwd()): Env {
  const parsed = envSchema(cwd).safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EnvError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  return parsed.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function resetEnvForTests(): void {
  cached = undefined;
}
