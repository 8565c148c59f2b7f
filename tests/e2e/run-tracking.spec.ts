// Runs as a scientist tracks them: two runs of one pipeline differing in one param, compared side
// by side (the changed param highlighted, both ROC curves in one chart); a run's own page, results
// first, reproduced from there; an older run opened in the editor shows the version it ran; and a
// hyperparameter search shows its trials as a sortable table. Own server, own data directory.
import { expect, test, type Page, type Response } from '@playwright/test';
import { datasetClassifier } from '../integration/helpers/registry-pipeline';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';
import { createAdmin, signIn } from './accounts';
import { savePipeline, trpcQuery } from './trpc';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const ADMIN = { name: 'Sam Scientist', email: 'sam@example.com', password: 'correct horse battery' };
const STEPS = ['ingest', 'split', 'train', 'evaluate'];
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

/** Starts a run from the editor and waits for that run, by its id, to succeed. The canvas still
 *  shows the previous run's states while run.start is in flight, so they prove nothing. */
async function runAndWait(page: Page, steps: string[]): Promise<string> {
  const started = page.waitForResponse((res) => res.request().method() === 'POST' && trpcPaths(res.url()).includes('run.start'));
  await page.getByTestId('run-button').click();
  const runId = await startedRunId(await started);
  await expect
    .poll(async () => (await trpcQuery(page.request, server.url, 'run.get', { id: runId })).status, { timeout: 90_000 })
    .toBe('succeeded');
  for (const id of steps) await expect(page.getByTestId(`node-status-${id}`)).toHaveText(/succeeded|cached/, { timeout: 30_000 });
  await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 30_000 });
  return runId;
}

/** The procedures of a (batched) tRPC request: /api/trpc/a.b,c.d?batch=1. */
const trpcPaths = (url: string) => decodeURIComponent(new URL(url).pathname.replace(/^\/api\/trpc\//, '')).split(',');

async function startedRunId(res: Response): Promise<string> {
  expect(res.status(), await res.text()).toBe(200);
  const at = trpcPaths(res.url()).indexOf('run.start');
  const body = await res.json();
  const runId = (Array.isArray(body) ? body[at] : body).result.data.json.runId;
  expect(runId).toEqual(expect.any(String));
  return runId;
}

test('a scientist compares two runs: the changed param highlighted, both ROC curves overlaid', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  await savePipeline(page.request, server.url, { projectId: 'sample', doc: datasetClassifier({ id: 'cancer-compare' }) });
  await page.goto(`${server.url}/pipelines/cancer-compare`);
  const firstRun = await runAndWait(page, STEPS);

  // The train node has run: its panel opens on the results; C is changed on the Params tab.
  await page.getByTestId('node-train').click();
  await expect(page.getByTestId('node-results')).toBeVisible();
  await expect(page.getByTestId('model-preview')).toBeVisible();
  await page.getByTestId('node-tab-params').click();
  await page.getByTestId('param-C').fill('0.01');
  await expect(page.getByTestId('save-status')).toHaveText('Saved v2', { timeout: 15_000 });
  // Back on the results, the old run's step says it ran with another C than the one now set.
  await page.getByTestId('node-tab-results').click();
  await expect(page.getByTestId('ran-param-C')).toHaveAttribute('data-changed', 'true');
  await expect(page.getByTestId('ran-param-C')).toContainText('now 0.01');
  await page.screenshot({ path: 'test-results/runs-01-node-results.png' });
  const secondRun = await runAndWait(page, STEPS);

  const runs = await trpcQuery(page.request, server.url, 'run.list', { pipelineId: 'cancer-compare' });
  expect(runs).toHaveLength(2);
  const [second, first] = runs.map((r: { id: string }) => r.id);
  expect([first, second]).toEqual([firstRun, secondRun]);

  // The runs table: metric and param columns, filtered on the server.
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByTestId('all-runs-link').click();
  await expect(page.getByTestId('runs-table')).toBeVisible();
  await expect(page.getByTestId(`cell-${first}-evaluate.roc_auc`)).toHaveText(/0\.9\d/);
  await expect(page.getByTestId('runs-table')).toContainText('train.C');
  await page.getByTestId('filter-field').selectOption('param:train.C');
  await page.getByTestId('filter-op').selectOption('=');
  await page.getByTestId('filter-value').fill('0.01');
  await page.getByTestId('filter-add').click();
  await expect(page.getByTestId(`runs-row-${second}`)).toBeVisible();
  await expect(page.getByTestId(`runs-row-${first}`)).toHaveCount(0);
  await page.getByTestId('filter-chip').getByRole('button').click();
  await expect(page.getByTestId(`runs-row-${first}`)).toBeVisible();
  await page.getByTestId(`select-run-${first}`).check();
  await page.getByTestId(`select-run-${second}`).check();
  await page.screenshot({ path: 'test-results/runs-02-table.png' });
  await page.getByTestId('compare-runs').click();

  await expect(page.getByTestId('compare-page')).toBeVisible();
  const changed = page.getByTestId('compare-param-train.C');
  await expect(changed).toHaveAttribute('data-differs', 'true');
  await expect(changed).toContainText('0.01');
  await expect(page.getByTestId('compare-param-split.seed')).not.toHaveAttribute('data-differs', 'true');
  // Differing params come first.
  await expect(page.getByTestId('compare-params').locator('tbody tr').first()).toHaveAttribute('data-testid', 'compare-param-train.C');
  const roc = page.getByTestId('compare-roc');
  await expect(roc.getByTestId('compare-roc-series')).toHaveCount(2);
  await expect(roc.locator('[data-series-count="2"]')).toBeVisible();
  await expect(roc.locator('.recharts-line')).toHaveCount(2);
  await expect(page.getByTestId('compare-pr').getByTestId('compare-pr-series')).toHaveCount(2);
  await expect(page.getByTestId('compare-metric-evaluate.roc_auc').locator('[data-best]')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/runs-03-compare.png', fullPage: true });
});

test("a run's page shows results first, its own version and params, and reproduces it", async ({ page }) => {
  await signIn(page, ADMIN, server.url);
  const runs = await trpcQuery(page.request, server.url, 'run.list', { pipelineId: 'cancer-compare' });
  const first = runs[1].id as string;
  await page.goto(`${server.url}/runs/${first}`);
  await expect(page.getByTestId('run-page')).toBeVisible();
  await expect(page.getByTestId('run-metrics')).toContainText('ROC AUC');
  const evaluation = page.getByTestId('run-result-evaluate');
  await expect(evaluation.getByTestId('roc-curve')).toBeVisible();
  await expect(evaluation.getByTestId('confusion-matrix')).toBeVisible();
  // The params are the ones this run ran with (C 1, the default), not today's 0.01.
  await expect(page.getByTestId('run-param-train.C')).toContainText('1');
  await expect(page.getByTestId('run-param-train.C')).not.toContainText('0.01');
  await expect(page.getByRole('heading', { name: /Pipeline version v1/ })).toBeVisible();
  await expect(page.getByTestId('run-version-canvas').getByTestId('node-train')).toBeVisible();
  await page.screenshot({ path: 'test-results/runs-04-run-page.png', fullPage: true });

  await page.getByTestId('reproduce-run').click();
  await expect(page).not.toHaveURL(new RegExp(first));
  await expect(page.getByTestId('reproduction-check')).toBeVisible();
  await expect(page.getByTestId('run-page')).toHaveAttribute('data-run-status', 'succeeded', { timeout: 90_000 });
  await expect(page.getByTestId('repro-split')).toContainText('identical bytes');
  await page.screenshot({ path: 'test-results/runs-05-reproduced.png', fullPage: true });

  // In the editor, choosing the older run shows the version it ran, read only, with its params.
  await page.goto(`${server.url}/pipelines/cancer-compare?run=${first}`);
  await expect(page.getByTestId('run-version-banner')).toContainText('ran v1');
  await page.getByTestId('run-version-preview').getByTestId('node-train').click();
  await expect(page.getByTestId('ran-param-C')).toContainText('1');
  await expect(page.getByTestId('ran-param-C')).not.toHaveAttribute('data-changed', 'true');
  await page.getByTestId('node-tab-params').click();
  // v1 left C at its default: an empty field showing the default, and no editing there.
  await expect(page.getByTestId('param-C')).toHaveValue('');
  await expect(page.getByTestId('param-C')).toHaveAttribute('placeholder', '1');
  await expect(page.getByTestId('param-C')).toBeDisabled();
  await page.screenshot({ path: 'test-results/runs-06-old-run-in-editor.png' });
  await page.getByTestId('back-to-current').click();
  await expect(page.getByTestId('run-version-banner')).toHaveCount(0);
  await expect(page.getByTestId('param-C')).toHaveValue('0.01');
});

test('a search shows its trials as a table and a chart of the score against each param', async ({ page }) => {
  await signIn(page, ADMIN, server.url);
  const doc = datasetClassifier({ id: 'cancer-search' });
  doc.name = 'Cancer search';
  doc.nodes = doc.nodes.filter((n) => n.id === 'ingest' || n.id === 'split');
  doc.nodes[1].params = { train: 0.6, validation: 0.2, test: 0.2, seed: 0, stratifyBy: 'diagnosis' };
  doc.nodes.push({ id: 'search', type: 'train/hyperparameter-search', version: 1, params: { target: 'diagnosis', algorithm: 'pipeworks/logistic', strategy: 'grid', nTrials: 4, space: { C: [0.001, 0.01, 1, 100] } }, position: { x: 400, y: 0 } });
  doc.edges = [
    { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
    { id: 'e2', source: 'split', sourceHandle: 'train', target: 'search', targetHandle: 'train' },
    { id: 'e3', source: 'split', sourceHandle: 'validation', target: 'search', targetHandle: 'validation' },
  ];
  await savePipeline(page.request, server.url, { projectId: 'sample', doc });
  await page.goto(`${server.url}/pipelines/cancer-search`);
  await runAndWait(page, ['ingest', 'split', 'search']);

  await page.getByTestId('node-search').click();
  await page.getByRole('tab', { name: 'Trials' }).click();
  const trials = page.getByTestId('search-trials');
  await expect(trials.getByTestId('trials-table').locator('tbody tr')).toHaveCount(4);
  await expect(trials.getByTestId('trials-table')).not.toContainText('{');
  await trials.getByTestId('trials-sort-value').click();
  await trials.getByTestId('trials-sort-value').click();
  // Descending by ROC AUC: the first row is the winner, starred.
  await expect(trials.getByTestId('trials-table').locator('tbody tr').first()).toContainText('★');
  await expect(trials.getByTestId('trials-chart-C')).toBeVisible();
  await trials.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/runs-07-search-trials.png' });

  // The run page shows the same trials among its results.
  await page.getByTestId('open-run-page').click();
  await expect(page.getByTestId('run-result-search').getByTestId('trials-table').locator('tbody tr')).toHaveCount(4);
  await page.getByTestId('run-result-search').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/runs-08-search-run-page.png' });
});
