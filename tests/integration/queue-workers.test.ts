// Queue mode end to end, on real Redis with no mock: the production server with PIPEWORKS_REDIS_URL,
// three real `pipeworks worker` processes, 50 concurrent runs of the sample pipeline, and one worker
// killed with SIGKILL in the middle of a step that another worker must then finish.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { and, asc, count, eq, gt, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDbIn } from '../../server/db/test-db';
import { verifyAllArtifacts } from '../../server/store/artifact-files';
import { privateRedis, redisForTests, TEST_REDIS_URL } from './helpers/redis-available';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';
import { HttpClient } from './helpers/trpc-http';

const available = await redisForTests();
const TERMINAL = ['succeeded', 'failed', 'cancelled', 'interrupted'];
const SLEEP_MS = 8_000;

interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
}

let server: ServerHandle;
let admin: HttpClient;
let token: string;
const workers: WorkerProcess[] = [];

function startWorker(extra: string[] = [], env: Record<string, string> = {}): WorkerProcess {
  let log = '';
  const child = spawn(process.execPath, ['bin/pipeworks.mjs', 'worker', '--server', server.url, '--token', token, '--concurrency', '2', ...extra], {
    cwd: process.cwd(),
    env: { ...process.env, PIPEWORKS_TEST_NODES: '1', PIPEWORKS_REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  return { child, output: () => log };
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode ? Promise.resolve() : new Promise((r) => child.once('exit', r)));

beforeAll(async () => {
  if (!available) return;
  // One compile up front, so three workers starting at once do not each build the CLI.
  spawnSync(process.execPath, ['bin/pipeworks.mjs', 'help'], { stdio: 'ignore' });
  server = await startServer({ env: { PIPEWORKS_REDIS_URL: TEST_REDIS_URL, PIPEWORKS_QUEUE_PREFIX: `it-${process.pid}-${Date.now()}`, PIPEWORKS_WORKERS: '8' } });
  admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
  token = HttpClient.data(await admin.mutate('workers.createToken', { name: 'it workers' })).token;
});

// What the processes said, for whoever reads a failure.
afterEach((context) => {
  if (context.task.result?.state !== 'fail') return;
  console.error(`server output:\n${server?.output().slice(-4000)}`);
  for (const w of workers) console.error(`worker ${w.child.pid} output:\n${w.output().slice(-2000)}`);
});

afterAll(async () => {
  for (const w of workers) w.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => exited(w.child)));
  if (server) await stopServer(server);
});

// Skipped only where Redis is unreachable: redisForTests() prints why; PIPEWORKS_REQUIRE_REDIS=1 (set by .ci/run) fails instead.
describe.skipIf(!available)('queue mode with three worker processes', () => {
  it('a worker refuses a Redis that may evict keys, and a bad token, saying why', async () => {
    const evicting = await privateRedis(['--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru']);
    expect(evicting, 'redis-server could not be started for this test').not.toBeNull();
    try {
      const refused = startWorker(['--redis', evicting!.url]);
      await exited(refused.child);
      expect(refused.child.exitCode).toBe(1);
      expect(refused.output()).toMatch(/maxmemory-policy allkeys-lru.*noeviction/);
    } finally {
      evicting!.stop();
    }
    const res = spawnSync(process.execPath, ['bin/pipeworks.mjs', 'worker', '--server', server.url, '--token', 'pw_wk_not-a-token'], { encoding: 'utf8', timeout: 60_000 });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("The server refused this worker's token: Unknown worker token");
  });

  it('runs 50 concurrent runs on the workers and loses no step when one is killed mid-step', async () => {
    for (let i = 0; i < 3; i++) workers.push(startWorker());
    const listed = await waitFor('three workers to report', async () => {
      const status = HttpClient.data(await admin.query('workers.status'));
      return status.workers.length === 3 ? status : undefined;
    });
    expect(listed.queueMode).toBe(true);
    expect(listed.workers[0].capabilities).toMatchObject({ 'test-nodes': true });

    // A step that is really in flight when its worker dies: found by the worker id it logs.
    const slow = {
      schemaVersion: 1,
      id: 'queue-slow',
      name: 'Queue slow',
      nodes: [
        { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
        { id: 'wait', type: 'testing/sleep', version: 1, params: { ms: SLEEP_MS }, position: { x: 200, y: 0 } },
      ],
      edges: [{ id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'wait', targetHandle: 'table' }],
    };
    HttpClient.data(await admin.savePipeline({ projectId: 'sample', doc: slow }));
    const { runId: slowRun } = HttpClient.data(await admin.mutate('run.start', { pipelineId: 'queue-slow' }));
    const opened = openTestDbIn(server.dataDir);
    const db = opened.anyDb;
    const { stepLogs, runs: runRows, auditEvents } = db.t;
    const logsOf = (runId: string, stepId: string) =>
      db.select({ message: stepLogs.message, at: stepLogs.at }).from(stepLogs).where(and(eq(stepLogs.runId, runId), eq(stepLogs.stepId, stepId))).orderBy(asc(stepLogs.id));
    const firstWorker = await waitFor('the sleep step to start on a worker', async () => (await logsOf(slowRun, 'wait')).map((l) => /Running on queue worker (\S+)/.exec(l.message)?.[1]).find(Boolean));
    const victim = workers.find((w) => w.child.pid === Number(firstWorker.split(':')[1]));
    expect(victim, `no worker process has pid of ${firstWorker}`).toBeDefined();
    victim!.child.kill('SIGKILL');
    const killedAt = Date.now();

    const started = await Promise.all(Array.from({ length: 50 }, () => admin.mutate('run.start', { pipelineId: 'breast-cancer-explore' })));
    const runIds = started.map((r) => HttpClient.data(r).runId as string);

    const slowDone = await waitFor('the killed step to finish elsewhere', async () => {
      const run = HttpClient.data(await admin.query('run.get', { id: slowRun }));
      return TERMINAL.includes(run.status) ? run : undefined;
    }, 120_000);
    expect(slowDone.status).toBe('succeeded');
    const finished = (await logsOf(slowRun, 'wait')).find((l) => l.message.startsWith('Finished on queue worker'));
    expect(finished?.message).not.toContain(firstWorker);
    expect(finished!.at - killedAt).toBeLessThan(60_000);
    // The run names the worker that finished the step, not the server, nor the worker that died.
    const finisher = /Finished on queue worker (\S+)/.exec(finished!.message)![1];
    expect(slowDone.steps.find((s: any) => s.stepId === 'wait').runner).toBe(`queue:${finisher}`);

    const runs = await waitFor('all 50 runs to end', async () => {
      const all = await Promise.all(runIds.map(async (id) => HttpClient.data(await admin.query('run.get', { id }))));
      return all.every((r) => TERMINAL.includes(r.status)) ? all : undefined;
    }, 150_000);
    expect(runs.map((r) => r.status)).toEqual(runIds.map(() => 'succeeded'));
    // Each step names the worker that ran it (server:queue is only for one no worker has taken).
    const ranOn = new Set<string>(runs.flatMap((r) => r.steps.filter((s: any) => s.status === 'succeeded').map((s: any) => s.runner)));
    const workerIds = new Set(listed.workers.map((w: { id: string }) => `queue:${w.id}`));
    expect([...ranOn].filter((runner) => !workerIds.has(runner))).toEqual([]);

    // No run left running, no artifact stored twice, every stored file whole.
    expect(await db.select({ n: count() }).from(runRows).where(inArray(runRows.status, ['queued', 'running']))).toEqual([{ n: 0 }]);
    const storeEvents = eq(auditEvents.action, 'worker.artifact.store');
    expect(await db.select({ targetId: auditEvents.targetId, n: count() }).from(auditEvents).where(storeEvents).groupBy(auditEvents.targetId).having(gt(count(), 1))).toEqual([]);
    const [{ n: stores }] = await db.select({ n: count() }).from(auditEvents).where(storeEvents);
    expect(stores).toBeGreaterThan(0);
    opened.close();
    expect(await verifyAllArtifacts(server.dataDir)).toEqual([]);
  }, 420_000); // its waits alone allow 90 + 120 + 150 s: the default 120 s cut them short on a busy machine

  it('refuses a revoked token at once: the worker API answers 401 and the worker stops', async () => {
    const tokens = HttpClient.data(await admin.query('workers.tokens'));
    HttpClient.data(await admin.mutate('workers.revokeToken', { id: tokens[0].id }));
    const res = await fetch(`${server.url}/api/worker/artifacts/${'0'.repeat(64)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/^Worker token "it workers" \(pw_wk_.{8}…\) was revoked$/) });
    const alive = workers.filter((w) => w.child.exitCode === null && !w.child.signalCode);
    await Promise.all(alive.map((w) => exited(w.child)));
    for (const w of alive) expect(w.output()).toContain('was revoked');
  });
});
