// The run plan preview: before a run, every step says whether it will be reused from the cache or
// run, and why; "Run up to here" runs a node and only what it needs. This spec starts its own
// server with its own data directory, so it neither depends on nor disturbs the other specs.
import { expect, test, type Page } from '@playwright/test';
import { savePipeline, trpcQuery } from './trpc';
import { createAdmin } from './accounts';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Pia Preview', email: 'pia@example.com', password: 'correct horse battery' };
const STEPS = ['ingest', 'split', 'train-stats', 'test-stats'];
const PIPELINE = 'breast-cancer-explore';
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});


async function openPreview(page: Page) {
  await page.getByTestId('preview-button').click();
  const preview = page.getByTestId('plan-preview');
  await expect(preview).toBeVisible();
  // The plan comes at once, whatever this fresh browser has measured; the wait covers a loaded machine.
  await expect(page.getByTestId('plan-summary')).toContainText('reused from cache', { timeout: 30_000 });
  return preview;
}

async function expectStep(page: Page, stepId: string, decision: 'will run' | 'cached', reason?: string) {
  const row = page.getByTestId(`plan-step-${stepId}`);
  await expect(row).toContainText(decision);
  if (decision === 'cached') await expect(row).not.toContainText('will run');
  if (reason) await expect(row).toContainText(reason);
}

test('the preview says what will run and why; "Run up to here" runs only what a node needs', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);

  await page.goto(`${server.url}/pipelines/${PIPELINE}`);
  await expect(page.getByTestId('pipeline-canvas')).toBeVisible();
  for (const id of STEPS) await expect(page.getByTestId(`run-up-to-${id}`)).toBeVisible();

  // Never run: every step will run, and says so.
  await openPreview(page);
  for (const id of STEPS) await expectStep(page, id, 'will run', 'never run');
  await page.screenshot({ path: 'test-results/plan-preview-01-never-run.png' });

  // Run from the preview, then everything is reusable.
  await page.getByTestId('plan-preview-run').click();
  await expect(page.getByTestId('plan-preview')).toHaveCount(0);
  for (const id of STEPS) await expect(page.getByTestId(`node-status-${id}`)).toHaveText('succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('run-status')).toHaveText('succeeded');
  await openPreview(page);
  for (const id of STEPS) await expectStep(page, id, 'cached', 'reused from run');
  await expect(page.getByTestId('plan-summary')).toHaveText('0 steps will run · 4 reused from cache');
  await page.screenshot({ path: 'test-results/plan-preview-02-cached.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('plan-preview')).toHaveCount(0);

  // A new split seed, saved through the API: the split and everything after it go stale.
  const current = await trpcQuery(page.request, server.url, 'pipeline.get', { id: PIPELINE });
  const doc = structuredClone(current.doc);
  const split = doc.nodes.find((n: { id: string }) => n.id === 'split');
  split.params.seed = 5;
  await savePipeline(page.request, server.url, { projectId: current.pipeline.projectId, doc });
  await page.reload();
  await expect(page.getByTestId('pipeline-canvas')).toBeVisible();
  await openPreview(page);
  await expectStep(page, 'ingest', 'cached');
  await expectStep(page, 'split', 'will run', 'params changed');
  await expectStep(page, 'train-stats', 'will run', 'upstream data changed');
  await expectStep(page, 'test-stats', 'will run', 'upstream data changed');
  await expect(page.getByTestId('plan-step-split')).not.toContainText('upstream data changed');
  await page.screenshot({ path: 'test-results/plan-preview-03-changed.png' });
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  // Run up to the split: ingest comes from the cache, the split runs, the profiles do not.
  const before = await trpcQuery(page.request, server.url, 'run.list', { pipelineId: PIPELINE, limit: 20 });
  await page.getByTestId('run-up-to-split').click();
  await expect(page.getByTestId('node-status-split')).toHaveText('succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('node-status-ingest')).toHaveText('cached');
  await expect(page.getByTestId('node-status-train-stats')).toHaveCount(0);
  await expect(page.getByTestId('node-status-test-stats')).toHaveCount(0);
  await expect(page.getByTestId('run-status')).toHaveText('succeeded');
  const after = await trpcQuery(page.request, server.url, 'run.list', { pipelineId: PIPELINE, limit: 20 });
  expect(after).toHaveLength(before.length + 1);
  const latest = await trpcQuery(page.request, server.url, 'run.get', { id: after[0].id });
  expect(latest.steps.map((s: { stepId: string; status: string }) => [s.stepId, s.status]).sort()).toEqual([
    ['ingest', 'cached'],
    ['split', 'succeeded'],
  ]);
  await page.screenshot({ path: 'test-results/plan-preview-04-run-up-to.png' });

  // Now only the profiles are left to run.
  await openPreview(page);
  await expectStep(page, 'split', 'cached');
  await expectStep(page, 'train-stats', 'will run');
  await page.getByTestId('plan-preview').screenshot({ path: 'test-results/plan-preview-05-after-run-up-to.png' });
});
