// The sample classifier end to end through the UI: run it, then read an evaluate node's metrics
// (gate, headline numbers, confusion matrix, cost) and a train node's model summary; then a
// multiclass and a regression pipeline for the per-class and residual views. This spec
// starts its own server with its own data directory: creating the administrator on the shared one
// would take the first visit away from studio.spec.ts, which runs after it.
import { expect, test, type Page } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

// The same administrator as studio.spec.ts, so either spec can meet the other's data.
const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const STEPS = ['ingest', 'split', 'logistic', 'mlp', 'evaluate-logistic', 'evaluate-mlp'];
const TEST_ROWS = 143; // 25 % of the 569 rows, stratified
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

/** Creates the administrator on a first visit, otherwise signs in. */
async function signInAsAdmin(page: Page) {
  await page.goto(`${server.url}/`);
  await expect(page).toHaveURL(/\/login/);
  const setup = page.getByTestId('setup-form');
  await expect(setup.or(page.getByRole('button', { name: 'Sign in' }))).toBeVisible();
  if (await setup.isVisible()) await createAdmin(page, server.url, ADMIN);
  else await signIn(page, ADMIN);
}

test('a run of the sample classifier shows its metrics, gate, confusion matrix and model', async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByTestId('project-sample').click();
  await page.getByTestId('pipeline-breast-cancer-classifier').click();
  await expect(page.getByTestId('pipeline-canvas')).toBeVisible();
  for (const id of STEPS) await expect(page.getByTestId(`node-${id}`)).toBeVisible();

  await page.getByTestId('run-button').click();
  for (const id of STEPS) await expect(page.getByTestId(`node-status-${id}`)).toHaveText('succeeded', { timeout: 90_000 });
  await expect(page.getByTestId('run-status')).toHaveText('succeeded');

  // The evaluate node: headline metrics with ROC AUC, the passed gate, a confusion matrix of the test rows.
  await page.getByTestId('node-evaluate-logistic').click();
  const metrics = page.getByTestId('metrics-preview');
  await expect(metrics).toBeVisible();
  await expect(metrics.getByTestId('metric-roc_auc')).toContainText('ROC AUC');
  await expect(metrics.getByTestId('metric-roc_auc')).toContainText(/0\.9\d/);
  await expect(metrics.getByTestId('metric-log_loss')).toContainText('lower');
  const gate = metrics.getByTestId('gate-roc_auc');
  await expect(gate).toContainText('passed');
  await expect(gate).toContainText('ROC AUC ≥ 0.98');
  await expect(gate).toHaveAttribute('data-passed', 'true');

  const matrix = page.getByTestId('confusion-matrix');
  await expect(matrix).toContainText('benign');
  await expect(matrix).toContainText('malignant');
  const cells = await matrix.locator('[data-testid^="confusion-"]').allInnerTexts();
  expect(cells).toHaveLength(4);
  const total = cells.map((text) => Number(text.split('\n')[0].replace(/,/g, ''))).reduce((a, b) => a + b, 0);
  expect(total).toBe(TEST_ROWS);
  await expect(page.getByTestId('cost-summary')).toContainText(/At threshold 0\.5: [\d.]+ cost per 1,000 decisions/);
  await page.screenshot({ path: 'test-results/ml-01-metrics.png' });

  // The help text of a metric shows on hover.
  const help = metrics.getByTestId('metric-roc_auc').getByRole('tooltip');
  await metrics.getByTestId('metric-roc_auc').getByRole('button').hover();
  await expect(help).toHaveCSS('opacity', '1');
  await expect(help).toContainText('random positive scores above a random negative');
  await page.screenshot({ path: 'test-results/ml-02-metric-help.png' });
  await page.mouse.move(10, 700);
  await expect(help).toHaveCSS('opacity', '0');

  await matrix.scrollIntoViewIfNeeded();
  await page.getByTestId('cost-summary').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/ml-03-confusion-cost.png' });
  await page.getByTestId('importance').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/ml-04-importance.png' });

  // The train node: what the model is, how it was trained, and how each input is preprocessed.
  await page.getByTestId('node-logistic').click();
  const model = page.getByTestId('model-preview');
  await expect(model).toBeVisible();
  await expect(model).toContainText('pipeworks/logistic');
  await expect(model).toContainText('diagnosis');
  await expect(model.getByTestId('model-labels')).toContainText('benign');
  await expect(model.getByTestId('model-labels')).toContainText('malignant');
  await expect(model.getByTestId('model-training')).toContainText('426');
  await expect(model.getByTestId('model-inputs')).toContainText('mean_radius');
  await expect(model.getByTestId('model-inputs')).toContainText('÷');
  await page.screenshot({ path: 'test-results/ml-05-model.png' });
  await model.getByTestId('model-inputs').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/ml-06-model-inputs.png' });

  // The network: epochs and a backend.
  await page.getByTestId('node-mlp').click();
  await expect(page.getByTestId('model-training')).toContainText('Epochs');
  await expect(page.getByTestId('model-training')).toContainText('hiddenLayers=[64,32]');
  await page.getByTestId('model-training').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/ml-07-network.png' });
});

/** ingest → split → train → evaluate on a bundled dataset, saved to the Sample project through tRPC. */
function trainAndEvaluate(id: string, dataset: string, train: string, target: string, gate: { metric: string; op: string; value: number }, stratify: boolean) {
  const at = (x: number) => ({ x, y: 100 });
  return {
    schemaVersion: 1,
    id,
    name: `${dataset} — ${train}`,
    nodes: [
      { id: 'ingest', type: 'ingest/sample-dataset', version: 1, label: 'Data', params: { dataset }, position: at(0) },
      { id: 'split', type: 'split/random', version: 1, label: 'Split', params: { train: 0.7, validation: 0, test: 0.3, seed: 0, ...(stratify ? { stratifyBy: target } : {}) }, position: at(300) },
      { id: 'train', type: `train/${train}`, version: 1, label: 'Train', params: { target }, position: at(600) },
      { id: 'evaluate', type: 'evaluate/model', version: 1, label: 'Evaluate', params: { gates: [gate] }, position: at(900) },
    ],
    edges: [
      { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
      { id: 'e2', source: 'split', sourceHandle: 'train', target: 'train', targetHandle: 'train' },
      { id: 'e3', source: 'train', sourceHandle: 'model', target: 'evaluate', targetHandle: 'model' },
      { id: 'e4', source: 'split', sourceHandle: 'test', target: 'evaluate', targetHandle: 'table' },
    ],
    settings: { placement: 'server' },
  };
}

async function saveAndRun(page: Page, doc: ReturnType<typeof trainAndEvaluate>) {
  const status = await page.evaluate(async (input) => {
    const versions = await fetch(`/api/trpc/pipeline.versions?input=${encodeURIComponent(JSON.stringify({ json: { id: input.doc.id } }))}`).then((r) => r.json());
    const baseVersion = versions.result.data.json[0]?.version ?? 0;
    const res = await fetch('/api/trpc/pipeline.save', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { ...input, baseVersion } }) });
    return res.status;
  }, { projectId: 'sample', doc });
  expect(status).toBe(200);
  await page.goto(`${server.url}/pipelines/${doc.id}`);
  await page.getByTestId('run-button').click();
  for (const id of ['ingest', 'split', 'train', 'evaluate']) await expect(page.getByTestId(`node-status-${id}`)).toHaveText('succeeded', { timeout: 90_000 });
  await page.getByTestId('node-evaluate').click();
  await expect(page.getByTestId('metrics-preview')).toBeVisible();
}

test('a multiclass forest shows per-class scores; a regression shows its residuals', async ({ page }) => {
  await signInAsAdmin(page);

  await saveAndRun(page, trainAndEvaluate('iris-forest', 'iris', 'random-forest', 'species', { metric: 'accuracy', op: '>=', value: 0.8 }, true));
  const perClass = page.getByTestId('per-class');
  for (const label of ['setosa', 'versicolor', 'virginica']) await expect(perClass).toContainText(label);
  await expect(page.getByTestId('confusion-matrix').locator('[data-testid^="confusion-"]')).toHaveCount(9);
  await expect(page.getByTestId('gate-accuracy')).toContainText('passed');
  await expect(page.getByTestId('cost-summary')).toHaveCount(0);
  await page.getByTestId('confusion-matrix').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/ml-08-multiclass.png' });
  await page.getByTestId('node-train').click();
  await expect(page.getByTestId('model-training')).toContainText('Trees');
  await page.screenshot({ path: 'test-results/ml-09-forest-model.png' });

  await saveAndRun(page, trainAndEvaluate('diabetes-linear', 'diabetes', 'linear-regression', 'progression', { metric: 'r2', op: '>=', value: 0.2 }, false));
  const metrics = page.getByTestId('metrics-preview');
  for (const name of ['rmse', 'mae', 'r2', 'mape']) await expect(metrics.getByTestId(`metric-${name}`)).toBeVisible();
  await expect(page.getByTestId('residuals')).toContainText('median');
  await expect(page.getByTestId('confusion-matrix')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/ml-10-regression.png' });
  await page.getByTestId('residuals').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/ml-11-residuals.png' });
});
