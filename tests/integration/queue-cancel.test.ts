// Cancelling a run whose step is running on a queue worker, on real Redis with no mock: the
// cancel reaches the worker process, the step stops at once (the worker's one slot is free for
// the next run), the run ends cancelled with no outputs recorded for the step, and BullMQ does
// not retry it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { first } from '../../server/db/any-db';
import { openTestDbIn } from '../../server/db/test-db';
import { redisForTests, TEST_REDIS_URL } from './helpers/redis-available';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';
import { HttpClient } from './helpers/trpc-http';

const available = await redisForTests();
const TERMINAL = ['succeeded', 'failed', 'cancelled', 'interrupted'];
const prefix = `it-cancel-${process.pid}-${Date.now()}`;

let server: ServerHandle;
let admin: HttpClient;
let worker: ChildProcess | undefined;
let workerLog = '';

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const sleepPipeline = (id: string, ms: number) => ({
  schemaVersion: 1,
  id,
  name: id,
  nodes: [
    { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
    { id: 'wait', type: 'testing/sleep', version: 1, params: { ms }, position: { x: 200, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'wait', targetHandle: 'table' }],
});

beforeAll(async () => {
  if (!available) return;
  spawnSync(process.execPath, ['bin/pipeworks.mjs', 'help'], { stdio: 'ignore' });
  server = await startServer({ env: { PIPEWORKS_REDIS_URL: TEST_REDIS_URL, PIPEWORKS_QUEUE_PREFIX: prefix } });
  admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
  const { token } = HttpClient.data(await admin.mutate('workers.createToken', { name: 'cancel test' }));
  // One slot: while the cancelled step still ran, no other step could start here.
  worker = spawn(process.execPath, ['bin/pipeworks.mjs', 'worker', '--server', server.url, '--token', token, '--concurrency', '1'], {
    env: { ...process.env, PIPEWORKS_TEST_NODES: '1', PIPEWORKS_REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout?.on('data', (d) => (workerLog += d));
  worker.stderr?.on('data', (d) => (workerLog += d));
});

afterEach((context) => {
  if (context.task.result?.state !== 'fail') return;
  console.error(`server output:\n${server?.output().slice(-4000)}\nworker output:\n${workerLog.slice(-3000)}`);
});

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    const exited = new Promise((r) => worker!.once('exit', r));
    worker.kill('SIGKILL');
    await exited;
  }
  if (server) await stopServer(server);
});

// Skipped only where Redis is unreachable: redisForTests() prints why; PIPEWORKS_REQUIRE_REDIS=1 (set by .ci/run) fails instead.
describe.skipIf(!available)('cancelling a step that runs on a queue worker', () => {
  it('stops the step on the worker, ends the run cancelled, records no output, and the worker takes the next job', async () => {
    await waitFor('the worker to report', async () => (HttpClient.data(await admin.query('workers.status')).workers.length === 1 ? true : undefined));
    HttpClient.data(await admin.savePipeline({ projectId: 'sample', doc: sleepPipeline('queue-cancel-long', 120_000) }));
    HttpClient.data(await admin.savePipeline({ projectId: 'sample', doc: sleepPipeline('queue-cancel-short', 300) }));
    const opened = openTestDbIn(server.dataDir);
    const db = opened.anyDb;
    const { stepRuns, stepLogs } = db.t;
    const ofWait = (runId: string) => and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, 'wait'));
    const stepOf = async (runId: string) =>
      first(await db.select({ status: stepRuns.status, outputs: stepRuns.outputs, errorCode: stepRuns.errorCode, progress: stepRuns.progress }).from(stepRuns).where(ofWait(runId)).limit(1));
    const logged = async (runId: string, pattern: RegExp) =>
      (await db.select({ message: stepLogs.message }).from(stepLogs).where(and(eq(stepLogs.runId, runId), eq(stepLogs.stepId, 'wait'))).orderBy(asc(stepLogs.id))).some((l) => pattern.test(l.message));

    const { runId } = HttpClient.data(await admin.mutate('run.start', { pipelineId: 'queue-cancel-long' }));
    await waitFor('the long step to run on the worker', async () => ((await logged(runId, /^Running on queue worker /)) ? true : undefined));
    // Running for a moment, so the cancel meets a step in flight, not one just handed over.
    await waitFor('the long step to report progress', async () => ((await stepOf(runId))?.progress ? true : undefined));
    expect(HttpClient.data(await admin.mutate('run.cancel', { id: runId }))).toMatchObject({ cancelled: true });

    const run = await waitFor('the run to end', async () => {
      const r = HttpClient.data(await admin.query('run.get', { id: runId }));
      return TERMINAL.includes(r.status) ? r : undefined;
    }, 20_000);
    expect(run.status).toBe('cancelled');
    expect(await stepOf(runId)).toMatchObject({ status: 'cancelled', outputs: null });

    // The worker process heard it: it says so, and the job failed for good (not retried).
    await waitFor('the worker to say it cancelled the step', async () => (workerLog.includes(`step wait of run ${runId} cancelled by the server`) ? true : undefined), 20_000);
    const queue = new Queue('steps+test-nodes', { connection: { url: TEST_REDIS_URL }, prefix });
    try {
      const job = await queue.getJob(`${runId}|wait|step`);
      expect(job && (await job.getState())).toBe('failed');
      expect(job!.failedReason).toMatch(/^Cancelled: the run was cancelled while step wait ran on queue worker /);
      expect(job!.attemptsMade).toBe(1);
    } finally {
      await queue.close();
    }

    // Its one slot is free: the next run's step runs there and succeeds, long before 120 s.
    const { runId: next } = HttpClient.data(await admin.mutate('run.start', { pipelineId: 'queue-cancel-short' }));
    const nextRun = await waitFor('the next run to end', async () => {
      const r = HttpClient.data(await admin.query('run.get', { id: next }));
      return TERMINAL.includes(r.status) ? r : undefined;
    }, 45_000);
    expect(nextRun.status).toBe('succeeded');
    expect(await logged(next, /^Finished on queue worker /)).toBe(true);
    // Nothing of the cancelled step arrived late.
    expect(await stepOf(runId)).toMatchObject({ status: 'cancelled', outputs: null });
    opened.close();
    expect(worker!.exitCode).toBeNull();
  });
});
