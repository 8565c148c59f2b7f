// Routing by what a worker has, on real Redis with no mock: a step that needs more memory than
// any connected worker offers waits, and its log and progress say why; a worker with enough
// memory that connects later takes it, and the smaller one never does.
import { spawnSync } from 'node:child_process';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDbIn } from '../../server/db/test-db';
import { spawnWorker, waitFor, type WorkerProcess } from './helpers/queue-worker-process';
import { redisForTests, TEST_REDIS_URL } from './helpers/redis-available';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';
import { HttpClient } from './helpers/trpc-http';

const available = await redisForTests();
const TERMINAL = ['succeeded', 'failed', 'cancelled', 'interrupted'];

let server: ServerHandle;
let admin: HttpClient;
let token: string;
const workers: WorkerProcess[] = [];

function startWorker(memoryGiB: string) {
  const worker = spawnWorker(server.url, token, ['--concurrency', '1', '--memory', memoryGiB], { PIPEWORKS_TEST_NODES: '1' });
  workers.push(worker);
  return worker;
}

beforeAll(async () => {
  if (!available) return;
  spawnSync(process.execPath, ['bin/pipeworks.mjs', 'help'], { stdio: 'ignore' });
  server = await startServer({ env: { PIPEWORKS_REDIS_URL: TEST_REDIS_URL, PIPEWORKS_QUEUE_PREFIX: `it-routing-${process.pid}-${Date.now()}` } });
  admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
  token = HttpClient.data(await admin.mutate('workers.createToken', { name: 'routing test' })).token;
});

afterEach((context) => {
  if (context.task.result?.state !== 'fail') return;
  console.error(`server output:\n${server?.output().slice(-4000)}`);
  for (const w of workers) console.error(`worker ${w.child.pid} output:\n${w.output().slice(-2000)}`);
});

afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null && !w.child.signalCode) w.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => (w.child.exitCode !== null || w.child.signalCode ? null : new Promise((r) => w.child.once('exit', r)))));
  if (server) await stopServer(server);
});

// Skipped only where Redis is unreachable: redisForTests() prints why; PIPEWORKS_REQUIRE_REDIS=1 (set by .ci/run) fails instead.
describe.skipIf(!available)('routing steps by what workers have', () => {
  it('keeps a step that needs more memory than any worker has waiting, says why, and runs it on a worker that has enough', async () => {
    const small = startWorker('1');
    await waitFor('the small worker to report', async () => (HttpClient.data(await admin.query('workers.status')).workers.length === 1 ? true : undefined));
    const doc = {
      schemaVersion: 1,
      id: 'queue-big-step',
      name: 'Queue big step',
      nodes: [
        { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
        // 1.5 GiB: tier 2 GiB, more than the small worker's 1 GiB.
        { id: 'big', type: 'testing/sleep', version: 1, params: { ms: 200, memoryMb: 1536 }, position: { x: 200, y: 0 } },
      ],
      edges: [{ id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'big', targetHandle: 'table' }],
    };
    HttpClient.data(await admin.savePipeline({ projectId: 'sample', doc }));
    const { runId } = HttpClient.data(await admin.mutate('run.start', { pipelineId: doc.id }));
    const opened = openTestDbIn(server.dataDir);
    const db = opened.anyDb;
    const { stepLogs } = db.t;
    const logs = () => db.select({ level: stepLogs.level, message: stepLogs.message }).from(stepLogs).where(and(eq(stepLogs.runId, runId), eq(stepLogs.stepId, 'big'))).orderBy(asc(stepLogs.id));
    const reason = /^Waiting for a queue worker with the test-only nodes \(PIPEWORKS_TEST_NODES=1\) and 2 GiB of memory: the one connected worker lacks 2 GiB of memory; it is expected to need 1\.5 GiB, and the largest worker has 1\.0 GiB$/;

    const waiting = await waitFor('the step to say why it waits', async () => (await logs()).find((l) => reason.test(l.message)));
    expect(waiting.level).toBe('warn');
    // The run view shows it: the step is running with that reason as its progress message.
    const run = HttpClient.data(await admin.query('run.get', { id: runId }));
    const step = run.steps.find((s: any) => s.stepId === 'big');
    expect(step).toMatchObject({ status: 'running', progressMessage: expect.stringMatching(reason) });
    // And nobody took it: the small worker is idle, not stuck with it.
    await new Promise((r) => setTimeout(r, 2000));
    expect((await logs()).some((l) => l.message.startsWith('Running on queue worker'))).toBe(false);
    expect(HttpClient.data(await admin.query('run.get', { id: runId })).status).toBe('running');

    const large = startWorker('2');
    const done = await waitFor('the run to end once a large worker connects', async () => {
      const r = HttpClient.data(await admin.query('run.get', { id: runId }));
      return TERMINAL.includes(r.status) ? r : undefined;
    });
    expect(done.status).toBe('succeeded');
    const finished = (await logs()).find((l) => l.message.startsWith('Finished on queue worker'));
    expect(finished?.message).toContain(`:${large.child.pid}:`);
    expect(large.output()).toContain('now serving steps+test-nodes+mem2g');
    expect(small.output()).not.toContain('mem2g');
    const depth = HttpClient.data(await admin.query('workers.status')).depth;
    expect(depth).toEqual({ waiting: 0, active: 0, delayed: 0 });
    opened.close();
  });
});
