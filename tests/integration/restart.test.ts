// kill -9 the server while a run is in flight; a new server resumes and finishes it.
import Database from 'better-sqlite3';
import { count } from 'drizzle-orm';
import path from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { openTestDbIn } from '../../server/db/test-db';
import { verifyAllArtifacts } from '../../server/store/artifact-files';
import { sqliteOnly } from './helpers/sqlite-only';
import { HttpClient } from './helpers/trpc-http';
import { newDataDir, startServer, stopServer, type ServerHandle } from './helpers/server-process';

const servers: ServerHandle[] = [];
afterEach((context) => {
  if (context.task.result?.state !== 'fail') return;
  for (const s of servers) console.error(`server on port ${s.port}:\n${s.output().slice(-4000)}`);
});
afterAll(async () => {
  for (const s of servers) await stopServer(s, 'SIGKILL');
});

const doc = {
  schemaVersion: 1,
  id: 'slow-pipeline',
  name: 'Slow pipeline',
  nodes: [
    { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
    { id: 'wait', type: 'testing/sleep', version: 1, params: { ms: 4000 }, position: { x: 200, y: 0 } },
    { id: 'split', type: 'split/random', version: 1, params: { seed: 3 }, position: { x: 400, y: 0 } },
    { id: 'stats', type: 'explore/column-stats', version: 1, params: {}, position: { x: 600, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'wait', targetHandle: 'table' },
    { id: 'e2', source: 'wait', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
    { id: 'e3', source: 'split', sourceHandle: 'train', target: 'stats', targetHandle: 'table' },
  ],
};

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

it('resumes an interrupted run after kill -9 and loses no step', async () => {
  const dataDir = newDataDir();
  const first = await startServer({ dataDir });
  servers.push(first);
  const client = new HttpClient(first.url);
  HttpClient.data(await client.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
  HttpClient.data(await client.savePipeline({ projectId: 'sample', doc }));
  const { runId } = HttpClient.data(await client.mutate('run.start', { pipelineId: 'slow-pipeline' }));

  await waitFor('the sleep step to be running', async () => {
    const run = HttpClient.data(await client.query('run.get', { id: runId }));
    const wait = run.steps.find((s: any) => s.stepId === 'wait');
    return wait.status === 'running' && run.steps[0].status === 'succeeded' ? true : undefined;
  });
  await stopServer(first, 'SIGKILL');

  const second = await startServer({ dataDir, port: first.port });
  servers.push(second);
  const again = new HttpClient(second.url);
  again.cookie = client.cookie; // the session lives in the database and survives the crash
  const run = await waitFor('the resumed run to finish', async () => {
    const r = HttpClient.data(await again.query('run.get', { id: runId }));
    return ['succeeded', 'failed', 'cancelled'].includes(r.status) ? r : undefined;
  });
  expect(run.status).toBe('succeeded');
  expect(run.steps.map((s: any) => [s.stepId, s.status])).toEqual([
    ['ingest', 'succeeded'],
    ['wait', 'succeeded'],
    ['split', 'succeeded'],
    ['stats', 'succeeded'],
  ]);
  for (const step of run.steps) expect(Object.keys(step.outputs ?? {})).not.toHaveLength(0);
  await stopServer(second);

  expect(await verifyAllArtifacts(dataDir)).toEqual([]);
  const opened = openTestDbIn(dataDir);
  const [{ n: stored }] = await opened.anyDb.select({ n: count() }).from(opened.anyDb.t.artifacts);
  opened.close();
  expect(stored).toBeGreaterThanOrEqual(4);
  // On Postgres the server holds no database file that kill -9 could tear; the resumed run above is that pass's check.
  if (!sqliteOnly('the integrity check of the SQLite file after kill -9')) {
    const sqlite = new Database(path.join(dataDir, 'pipeworks.db'), { readonly: true });
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();
  }
}, 300_000); // two studio starts and a run: past the default 120 s on a busy machine
