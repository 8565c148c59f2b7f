// A queue worker with a headless browser (`pipeworks worker --browser`), on real Redis and Debian's
// Chromium with no mock: it measures its TF.js backends and advertises them; a run no tab drives
// (started over the API) sends a training step set to run in the browser to that worker's
// browser, and only there; 'auto' compares the worker browser's measured speed with the server's
// and says so. Before such a worker connects, the same step runs on the server and says why.
// Chromium here gives SwiftShader's WebGPU: correct but slow, so the paths are checked, not speed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../engine/plan';
import { openTestDbIn } from '../../server/db/test-db';
import { spawnWorker, waitFor, type WorkerProcess } from './helpers/queue-worker-process';
import { redisForTests, TEST_REDIS_URL } from './helpers/redis-available';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';
import { HttpClient } from './helpers/trpc-http';

const CHROMIUM = process.env.PIPEWORKS_CHROMIUM ?? '/usr/bin/chromium';
const available = await redisForTests();
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  // CI installs Chromium (.ci/run); there its absence is a failure, not a skip.
  if (process.env.CI === 'true') throw new Error(`Chromium is not at ${CHROMIUM}, and CI must run the worker browser tests (set PIPEWORKS_CHROMIUM)`);
  console.warn(`skipped: no Chromium at ${CHROMIUM} for the worker browser tests (set PIPEWORKS_CHROMIUM)`);
}
const TERMINAL = ['succeeded', 'failed', 'cancelled', 'interrupted'];

let server: ServerHandle;
let admin: HttpClient;
let token: string;
const workers: WorkerProcess[] = [];

function startWorker(extra: string[]) {
  const worker = spawnWorker(server.url, token, ['--concurrency', '1', ...extra]);
  workers.push(worker);
  return worker;
}

beforeAll(async () => {
  if (!available || !hasChromium) return;
  spawnSync(process.execPath, ['bin/pipeworks.mjs', 'help'], { stdio: 'ignore' });
  server = await startServer({ env: { PIPEWORKS_REDIS_URL: TEST_REDIS_URL, PIPEWORKS_QUEUE_PREFIX: `it-browser-${process.pid}-${Date.now()}` } });
  admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
  token = HttpClient.data(await admin.mutate('workers.createToken', { name: 'browser worker test' })).token;
}, 120_000);

afterEach((context) => {
  if (context.task.result?.state !== 'fail') return;
  console.error(`server output:\n${server?.output().slice(-4000)}`);
  for (const w of workers) console.error(`worker ${w.child.pid} output:\n${w.output().slice(-3000)}`);
});

afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null && !w.child.signalCode) w.child.kill('SIGTERM');
  await Promise.all(workers.map((w) => (w.child.exitCode !== null || w.child.signalCode ? null : new Promise((r) => w.child.once('exit', r)))));
  if (server) await stopServer(server);
}, 60_000);

/** The fraud template, its training set to `placement` (the other nodes left at 'auto'). */
async function fraudPipeline(name: string, placement: 'auto' | 'browser') {
  const { pipelineId } = HttpClient.data(await admin.mutate('pipeline.create', { projectId: 'sample', name, template: 'fraud-detection' }));
  const { doc } = HttpClient.data(await admin.query('pipeline.get', { id: pipelineId }));
  const nodes = doc.nodes.map((n: { id: string }) => (n.id === 'train' ? { ...n, placement } : n));
  HttpClient.data(await admin.savePipeline({ projectId: 'sample', doc: { ...doc, nodes } }));
  return pipelineId as string;
}

async function runToEnd(pipelineId: string) {
  const { runId } = HttpClient.data(await admin.mutate('run.start', { pipelineId }));
  const run = await waitFor(
    'the run to end',
    async () => {
      const r = HttpClient.data(await admin.query('run.get', { id: runId }));
      return TERMINAL.includes(r.status) ? r : undefined;
    },
    180_000,
  );
  const opened = openTestDbIn(server.dataDir);
  try {
    const db = opened.anyDb;
    const { runs, stepLogs, stepRuns } = db.t;
    const [stored] = await db.select({ plan: runs.plan }).from(runs).where(eq(runs.id, runId));
    const train = (stored.plan as Plan).steps.find((s) => s.id === 'train')!;
    const logs = (await db.select({ message: stepLogs.message }).from(stepLogs).where(and(eq(stepLogs.runId, runId), eq(stepLogs.stepId, 'train'))).orderBy(asc(stepLogs.id))).map((l) => l.message);
    const [trainRun] = await db.select({ runner: stepRuns.runner, backend: stepRuns.backend }).from(stepRuns).where(and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, 'train')));
    return { run, train, logs, trainRun };
  } finally {
    opened.close();
  }
}

// Skipped only where Redis is unreachable or Chromium is missing, each printed above with its reason;
// PIPEWORKS_REQUIRE_REDIS=1 and CI=true (both set by .ci/run, which also installs Chromium) fail instead.
describe.skipIf(!available || !hasChromium)('a queue worker with a headless browser', () => {
  it('takes browser-placed training from runs no tab drives, advertises what it measured, and is compared by speed under auto', async () => {
    const plain = startWorker([]);
    const plainId = await waitFor('the plain worker to report', async () => HttpClient.data(await admin.query('workers.status')).workers[0]?.id as string | undefined, 120_000);
    expect(HttpClient.data(await admin.query('workers.status')).workers[0].capabilities.browser).toBe(false);

    // No worker offers a browser yet: the step asked for the browser runs on the server, saying why.
    const asked = await fraudPipeline('Browser training, asked', 'browser');
    const before = await runToEnd(asked);
    expect(before.run.status).toBe('succeeded');
    expect(before.train.placement).toBe('server');
    expect(before.train.placementReason).toMatch(/no browser takes part in this run .*no connected queue worker offers a headless browser \(`pipeworks worker --browser`\)$/);
    expect(before.trainRun.runner).toBe(`queue:${plainId}`);

    const withBrowser = startWorker(['--browser', CHROMIUM]);
    const reported = await waitFor(
      'the browser worker to measure itself and report',
      async () => (HttpClient.data(await admin.query('workers.status')).workers as { id: string; capabilities: Record<string, unknown> }[]).find((w) => w.capabilities.browser === true),
      240_000,
    );
    expect(withBrowser.output()).toMatch(/Headless Chromium [\d.]+, WebGPU google swiftshader \(software\); trains fastest on \w+/);
    expect(reported.capabilities).toMatchObject({ browser: true, browserWebgpu: 'software', browserAdapter: expect.stringMatching(/swiftshader/), browserBackend: expect.stringMatching(/^(webgpu|webgl|wasm|cpu)$/) });
    expect(reported.capabilities.browserStepMs).toBeGreaterThan(0);

    // Now the same setting sends the training to that worker's browser, and to no other worker.
    const after = await runToEnd(asked);
    expect(after.run.status).toBe('succeeded');
    expect(after.train.placement).toBe('browser');
    expect(after.train.placementReason).toBe(`Runs in the headless browser of queue worker ${reported.id}: this node's setting, and no tab takes part in this run`);
    expect(after.trainRun.runner).toBe(`queue:${reported.id}`);
    expect(after.logs.some((m) => /^Running in headless Chromium [\d.]+, WebGPU adapter google swiftshader/.test(m))).toBe(true);
    expect(after.logs).toContain(`Finished on queue worker ${reported.id}`);
    expect(after.trainRun.backend).toBe(reported.capabilities.browserBackend);
    // The other steps stay on the server's side of the queue (any worker), never asked for the browser.
    expect(plain.output()).not.toContain('steps+browser');
    expect(withBrowser.output()).toContain('now serving steps+browser');

    // 'auto' compares the worker browser's estimate with the server's, and keeps or moves the step by it.
    const auto = await runToEnd(await fraudPipeline('Browser training, auto', 'auto'));
    expect(auto.run.status).toBe('succeeded');
    const estimate = auto.train.placementEstimate!;
    expect(estimate.browser?.backend).toBe(reported.capabilities.browserBackend);
    expect(estimate.server?.backend).toBe('wasm');
    const faster = estimate.browser!.seconds < estimate.server!.seconds * 0.9;
    expect(auto.train.placement).toBe(faster ? 'browser' : 'server');
    expect(auto.train.placementReason).toMatch(new RegExp(`in the headless browser of queue worker ${reported.id.replaceAll('.', '\\.')} \\(${estimate.browser!.backend}\\)`));
    expect(auto.trainRun.runner).toEqual(faster ? `queue:${reported.id}` : expect.stringMatching(/^queue:/));

    // A worker whose browser dies stops (finishing what it holds) rather than advertise a browser it lacks.
    const chromium = spawnSync('pgrep', ['-P', String(withBrowser.child.pid), '-f', 'chrom'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
    expect(chromium.length, withBrowser.output()).toBeGreaterThan(0);
    for (const pid of chromium) process.kill(Number(pid), 'SIGKILL');
    const code = await new Promise<number | null>((resolve) => (withBrowser.child.exitCode !== null ? resolve(withBrowser.child.exitCode) : withBrowser.child.once('exit', resolve)));
    expect(code).toBe(1);
    expect(withBrowser.output()).toContain('Worker stopping (its headless browser is gone: it exited): finishing the steps it holds');
  }, 600_000);
});
