// kill -9 the production server at random moments while runs are in flight, start it again on
// the same data directory, and count what survived: every run must end succeeded (none lost,
// none stuck), a SQLite database must pass integrity_check, and every stored artifact must re-hash
// to its name. On Postgres (the test file's database) the same runs and artifacts are counted.
// Used by crash-safety.test.ts (10 cycles) and bench:reliability (30).
import { isNotNull } from 'drizzle-orm';
import { utimesSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { testDatabaseKind, openTestDbIn } from '../../../server/db/test-db';
import { hasArtifactFile, verifyAllArtifacts } from '../../../server/store/artifact-files';
import { HttpClient } from './trpc-http';
import { newDataDir, startServer, stopServer, type ServerHandle } from './server-process';

export interface KillCycleReport {
  cycles: number;
  runsStarted: number;
  succeeded: number;
  /** Started (run.start answered) but gone from the database. */
  lost: string[];
  /** Not succeeded within the deadline after the last restart, or ended failed/cancelled. */
  stuck: { id: string; status: string }[];
  /**
   * SQLite's integrity_check of the file the killed server was writing; null on Postgres, whose
   * files belong to the database server, which is not the process killed.
   */
  integrity: string | null;
  badArtifacts: string[];
  /** Step outputs the database names whose file is missing. */
  missingFiles: string[];
  /** Temp files left by killed writes that are still there after the final start. */
  staleTemps: string[];
  servers: ServerHandle[];
}

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** Four steps: ingest, a short sleep, a split and stats; the seed makes each run's cache keys its own. */
function pipeline(id: string, seed: number) {
  return {
    schemaVersion: 1,
    id,
    name: id,
    nodes: [
      { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
      { id: 'wait', type: 'testing/sleep', version: 1, params: { ms: 300 + (seed % 7) * 50 }, position: { x: 200, y: 0 } },
      { id: 'split', type: 'split/random', version: 1, params: { seed }, position: { x: 400, y: 0 } },
      { id: 'stats', type: 'explore/column-stats', version: 1, params: {}, position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'wait', targetHandle: 'table' },
      { id: 'e2', source: 'wait', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
      { id: 'e3', source: 'split', sourceHandle: 'train', target: 'stats', targetHandle: 'table' },
    ],
    settings: { placement: 'server' },
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `concurrent` runs per cycle and kills the server 0–3 s later, `cycles` times; then drains. */
export async function killCycles(options: { cycles: number; concurrent: number; random?: () => number; drainMs?: number }): Promise<KillCycleReport> {
  const random = options.random ?? Math.random;
  const dataDir = newDataDir();
  const servers: ServerHandle[] = [];
  const started: string[] = [];
  let cookie = '';
  let aged: string[] = [];
  let port: number | undefined;

  const start = async () => {
    const server = await startServer({ dataDir, port });
    port = server.port;
    servers.push(server);
    const client = new HttpClient(server.url);
    client.cookie = cookie;
    return { server, client };
  };

  let { server, client } = await start();
  HttpClient.data(await client.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
  cookie = client.cookie;

  for (let cycle = 0; cycle < options.cycles; cycle++) {
    const ids = Array.from({ length: options.concurrent }, (_, i) => `crash-${cycle}-${i}`);
    for (const [i, id] of ids.entries()) HttpClient.data(await client.savePipeline({ projectId: 'sample', doc: pipeline(id, cycle * 1000 + i) }));
    const runIds = await Promise.all(ids.map(async (id) => HttpClient.data(await client.mutate('run.start', { pipelineId: id })).runId as string));
    started.push(...runIds);
    // Somewhere in the middle of the 20 runs (and of whatever earlier cycles left to resume).
    await pause(random() * 3000);
    await stopServer(server, 'SIGKILL');
    if (cycle === options.cycles - 1) aged = ageTempFiles(dataDir);
    ({ server, client } = await start());
  }

  // The last start resumes whatever the last kill interrupted; wait for every run to end.
  const deadline = Date.now() + (options.drainMs ?? 180_000);
  let statuses = new Map<string, string>();
  while (Date.now() < deadline) {
    statuses = new Map();
    for (const id of started) {
      const r = await client.query('run.get', { id });
      statuses.set(id, r.status === 200 ? HttpClient.data(r).status : `HTTP ${r.status}`);
    }
    if ([...statuses.values()].every((s) => TERMINAL.has(s) || s.startsWith('HTTP 404'))) break;
    await pause(500);
  }
  const staleTemps = readdirSync(path.join(dataDir, 'tmp')).filter((n) => aged.includes(n));
  await stopServer(server);

  const opened = openTestDbIn(dataDir);
  const integrity = testDatabaseKind() === 'sqlite' ? String(opened.sqlite.pragma('integrity_check', { simple: true })) : null;
  const { t } = opened.anyDb;
  const rows = await opened.anyDb.select({ id: t.runs.id, status: t.runs.status }).from(t.runs);
  const known = new Set(rows.map((r) => r.id));
  // Any run the database holds counts, not only those whose start was answered.
  for (const row of rows) if (!statuses.has(row.id)) statuses.set(row.id, row.status);
  const named = new Set((await opened.anyDb.select({ id: t.artifacts.id }).from(t.artifacts)).map((r) => r.id));
  for (const { outputs } of await opened.anyDb.select({ outputs: t.stepRuns.outputs }).from(t.stepRuns).where(isNotNull(t.stepRuns.outputs))) {
    for (const ref of Object.values(outputs ?? {})) named.add(ref.id);
  }
  opened.close();
  const missingFiles: string[] = [];
  for (const id of named) if (!(await hasArtifactFile(dataDir, id))) missingFiles.push(id);

  return {
    cycles: options.cycles,
    runsStarted: started.length,
    succeeded: [...statuses.values()].filter((s) => s === 'succeeded').length,
    lost: started.filter((id) => !known.has(id)),
    stuck: [...statuses].filter(([, s]) => s !== 'succeeded').map(([id, status]) => ({ id, status })),
    integrity,
    badArtifacts: await verifyAllArtifacts(dataDir),
    missingFiles,
    staleTemps,
    servers,
  };
}

/**
 * Temp files as a write killed long ago leaves them: the next start must remove them. (Younger
 * ones are kept, since another process may be writing them right now.)
 */
function ageTempFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, 'tmp');
  mkdirSync(dir, { recursive: true });
  const old = new Date(Date.now() - 3_600_000);
  writeFileSync(path.join(dir, 'aged-partial-write'), 'half an artifact');
  const names = readdirSync(dir);
  for (const name of names) utimesSync(path.join(dir, name), old, old);
  return names;
}
