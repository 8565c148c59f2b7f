// The Workers page (/admin/workers) in queue mode, with a real `pipeworks worker` process on real
// Redis: the admin creates a worker token through the page, a worker started with it shows up as
// connected with its load and last heartbeat, and the queue depth follows a step from waiting
// (no worker yet) to running (on that worker). This spec starts its own server, in queue mode.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
import { savePipeline, trpcMutate, trpcQuery } from './trpc';
import { redisForTests, TEST_REDIS_URL } from '../integration/helpers/redis-available';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const SHOTS = 'test-results/workers-admin';
const CHROMIUM = process.env.PIPEWORKS_CHROMIUM ?? '/usr/bin/chromium';

let available = false;
let server: ServerHandle | undefined;
let worker: ChildProcess | undefined;
let workerLog = '';

test.beforeAll(async () => {
  available = await redisForTests();
  if (!available) return;
  // The worker runs the compiled CLI: compile it once before the clock of any wait starts.
  spawnSync(process.execPath, ['bin/pipeworks.mjs', 'help'], { stdio: 'ignore' });
  server = await startServer({ env: { PIPEWORKS_REDIS_URL: TEST_REDIS_URL, PIPEWORKS_QUEUE_PREFIX: `e2e-workers-${process.pid}-${Date.now()}` } });
});

// Every test here is skipped only where Redis is unreachable: redisForTests() prints why, and
// PIPEWORKS_REQUIRE_REDIS=1 (set by .ci/run) makes it fail instead, so CI cannot skip them.
test.beforeEach(() => {
  test.skip(!available, 'Redis is unreachable (see the warning above); PIPEWORKS_REQUIRE_REDIS=1 fails instead');
});

test.afterAll(async () => {
  if (worker && worker.exitCode === null && !worker.signalCode) {
    const exited = new Promise((r) => worker!.once('exit', r));
    worker.kill('SIGKILL');
    await exited;
  }
  if (server) await stopServer(server);
});

test('a worker started with a token made on the page shows as connected, with its load, heartbeat and the queue depth', async ({ page, context }) => {
  test.setTimeout(180_000);
  const url = server!.url;
  await createAdmin(page, url, ADMIN);
  await page.goto(`${url}/admin/workers`);
  await expect(page.getByRole('heading', { name: 'Queue workers' })).toBeVisible();
  await expect(page.getByText('No workers connected')).toBeVisible();
  await expect(page.getByTestId('queue-depth')).toHaveText('Queue: 0 waiting, 0 running, 0 waiting to retry');

  // A step queued before any worker exists waits, and the page counts it.
  const doc = {
    schemaVersion: 1,
    id: 'workers-page-sleep',
    name: 'Workers page sleep',
    nodes: [
      { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
      { id: 'wait', type: 'testing/sleep', version: 1, params: { ms: 120_000 }, position: { x: 200, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'wait', targetHandle: 'table' }],
  };
  await savePipeline(page.request, url, { projectId: 'sample', doc });
  const { runId } = await trpcMutate(page.request, url, 'run.start', { pipelineId: doc.id });
  await expect(page.getByTestId('queue-depth')).toHaveText('Queue: 1 waiting, 0 running, 0 waiting to retry', { timeout: 15_000 });
  // Its run says its first step waits for a worker: it has run nowhere yet, the server included.
  const runPage = await context.newPage();
  await runPage.goto(`${url}/runs/${runId}`);
  const where = (stepId: string) => runPage.getByTestId(`run-step-${stepId}`).getByTestId('step-where');
  const badge = (stepId: string) => runPage.getByTestId(`run-step-${stepId}`).locator('[data-status-word]');
  await expect(where('ingest')).toHaveText('waiting for a queue worker', { timeout: 15_000 });
  // Stored as running, but nothing runs it yet: its badge says it waits.
  await expect(badge('ingest')).toHaveText('waiting');
  await runPage.getByTestId('run-plan').scrollIntoViewIfNeeded();
  await runPage.screenshot({ path: `${SHOTS}/run-queued.png`, fullPage: true });

  await page.getByLabel('Token name').fill('e2e box');
  await page.getByRole('button', { name: 'Create token' }).click();
  const command = (await page.getByTestId('worker-command').textContent()) ?? '';
  const token = /--token (\S+)/.exec(command)?.[1];
  expect(command).toContain(`npx pipeworks worker --server ${url} --token pw_wk_`);
  await expect(page.getByTestId('worker-token-list')).toContainText('e2e box');

  worker = spawn(process.execPath, ['bin/pipeworks.mjs', 'worker', '--server', url, '--token', token!, '--concurrency', '2'], {
    env: { ...process.env, PIPEWORKS_TEST_NODES: '1', PIPEWORKS_REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout?.on('data', (d) => (workerLog += d));
  worker.stderr?.on('data', (d) => (workerLog += d));

  // The row of this very process (its id is host:pid:random), busy with the sleep step.
  const row = page.getByTestId('worker-list').getByRole('row').filter({ hasText: `:${worker.pid}:` });
  await expect(row, workerLog).toBeVisible({ timeout: 60_000 });
  await expect(row.getByRole('cell').nth(1)).toHaveText('1 of 2', { timeout: 30_000 });
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^\d+\.\d\d$/);
  await expect(row.getByRole('cell').nth(3)).toContainText('test-nodes');
  await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d+ s ago$/);
  await expect(page.getByTestId('queue-depth')).toHaveText('Queue: 0 waiting, 1 running, 0 waiting to retry', { timeout: 15_000 });
  // The token's "last used" follows the worker's first use of it, without a reload.
  const tokenRow = page.getByTestId('worker-token-list').getByRole('row').filter({ hasText: 'e2e box' });
  await expect(tokenRow.getByRole('cell').nth(1)).toHaveText(/^\d+ s ago$/, { timeout: 15_000 });
  // Taken, each step names the worker it ran or runs on.
  const workerId = (await row.getByRole('cell').nth(0).textContent()) ?? '';
  await expect(where('ingest')).toHaveText(`ran on queue worker ${workerId}`, { timeout: 15_000 });
  await expect(where('wait')).toHaveText(`running on queue worker ${workerId}`, { timeout: 15_000 });
  await expect(badge('wait')).toHaveText('running');
  await runPage.getByTestId('run-plan').scrollIntoViewIfNeeded();
  await runPage.screenshot({ path: `${SHOTS}/run-taken.png`, fullPage: true });
  const status = await trpcQuery(page.request, url, 'workers.status', undefined);
  expect(status.workers).toHaveLength(1);
  expect(Date.now() - status.workers[0].lastHeartbeatAt).toBeLessThan(15_000);
  await page.screenshot({ path: `${SHOTS}/workers.png`, fullPage: true });

  // Cancelled, the step leaves the worker at once and the queue is empty again.
  await trpcMutate(page.request, url, 'run.cancel', { id: runId });
  await expect(page.getByTestId('queue-depth')).toHaveText('Queue: 0 waiting, 0 running, 0 waiting to retry', { timeout: 15_000 });
  await expect(row.getByRole('cell').nth(1)).toHaveText('0 of 2', { timeout: 20_000 });
});

test('the run view shows a step no connected worker can run as waiting, with the reason', async ({ page }) => {
  const url = server!.url;
  await signIn(page, ADMIN, url);
  // 16 TiB: more than the connected worker (the whole machine) has.
  const doc = {
    schemaVersion: 1,
    id: 'workers-page-huge',
    name: 'Needs more memory than any worker',
    nodes: [
      { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
      { id: 'huge', type: 'testing/sleep', version: 1, params: { ms: 100, memoryMb: 1 << 24 }, position: { x: 200, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'huge', targetHandle: 'table' }],
  };
  await savePipeline(page.request, url, { projectId: 'sample', doc });
  const { runId } = await trpcMutate(page.request, url, 'run.start', { pipelineId: doc.id });
  await page.goto(`${url}/runs/${runId}`);
  const step = page.getByTestId('run-step-huge');
  await expect(step.getByTestId('step-progress-message')).toHaveText(
    /^Waiting for a queue worker with the test-only nodes \(PIPEWORKS_TEST_NODES=1\) and 16384 GiB of memory: the one connected worker lacks 16384 GiB of memory; it is expected to need 16384\.0 GiB, and the largest worker has \d+\.\d GiB$/,
    { timeout: 30_000 },
  );
  await expect(step.getByTestId('step-where')).toHaveText('waiting for a queue worker');
  await expect(step.locator('[data-status-word]')).toHaveText('waiting');
  // The canvas says so too: no 0% bar for a step nothing runs yet.
  await expect(page.getByTestId('node-status-huge')).toHaveText('waiting');
  await expect(page.getByTestId('node-huge')).toContainText('Waiting for a queue worker');
  await page.getByTestId('node-huge').screenshot({ path: `${SHOTS}/node-waiting.png` });
  // Nor does the wire into it flow: nothing reads its input yet.
  const wire = page.locator('.react-flow__edge[data-id="e1"]');
  await expect(wire).toHaveCount(1);
  await expect(wire).not.toHaveClass(/\banimated\b/);
  await step.getByTestId('step-logs').locator('summary').click();
  await expect(step.getByTestId('step-logs')).toContainText('Waiting for a queue worker with');
  await step.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/run-waiting.png`, fullPage: true });
  await trpcMutate(page.request, url, 'run.cancel', { id: runId });
});

test('a worker started with --browser shows its headless browser, and takes the training a tab-less run asks to run in a browser', async ({ page }) => {
  test.setTimeout(300_000);
  const url = server!.url;
  await signIn(page, ADMIN, url);
  const { token } = await trpcMutate(page.request, url, 'workers.createToken', { name: 'e2e browser box' });
  let log = '';
  const browserWorker = spawn(process.execPath, ['bin/pipeworks.mjs', 'worker', '--server', url, '--token', token, '--concurrency', '1', '--browser', CHROMIUM], {
    env: { ...process.env, PIPEWORKS_REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  browserWorker.stdout?.on('data', (d) => (log += d));
  browserWorker.stderr?.on('data', (d) => (log += d));
  try {
    await page.goto(`${url}/admin/workers`);
    const row = page.getByTestId('worker-list').getByRole('row').filter({ hasText: `:${browserWorker.pid}:` });
    // It measures its TF.js backends before it reports (SwiftShader's WebGPU is slow).
    await expect(row, log).toBeVisible({ timeout: 180_000 });
    await expect(row.getByRole('cell').nth(3)).toContainText(/Headless browser · WebGPU: google swiftshader, software · trains on (webgpu|webgl|wasm|cpu)/);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/workers-browser.png`, fullPage: true });
    const workerId = (await row.getByRole('cell').nth(0).textContent()) ?? '';

    // A run started over the API (no tab drives it) with its training set to run in a browser.
    const { pipelineId } = await trpcMutate(page.request, url, 'pipeline.create', { projectId: 'sample', name: 'Fraud in a worker browser', template: 'fraud-detection' });
    const { doc } = await trpcQuery(page.request, url, 'pipeline.get', { id: pipelineId });
    const nodes = doc.nodes.map((n: { id: string }) => (n.id === 'train' ? { ...n, placement: 'browser' } : n));
    await savePipeline(page.request, url, { projectId: 'sample', doc: { ...doc, nodes } });
    const { runId } = await trpcMutate(page.request, url, 'run.start', { pipelineId });
    await page.goto(`${url}/runs/${runId}`);
    const train = page.getByTestId('run-step-train');
    await expect(train.locator('[data-status-word]')).toHaveText('succeeded', { timeout: 120_000 });
    await expect(train.getByTestId('step-where')).toHaveText(new RegExp(`^ran in the headless browser of queue worker ${workerId.replaceAll('.', '\\.')} · (webgpu|webgl|wasm|cpu)$`));
    // The steps the plan kept on the server say they ran on a queue worker, not in its browser.
    await expect(page.getByTestId('run-step-split').getByTestId('step-where')).toHaveText(/^ran on queue worker /);
    await train.getByTestId('step-logs').locator('summary').click();
    await expect(train.getByTestId('step-logs')).toContainText('Running in headless');
    await train.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/run-worker-browser.png`, fullPage: true });
  } finally {
    const exited = new Promise((r) => browserWorker.once('exit', r));
    browserWorker.kill('SIGTERM');
    await exited;
  }
});
