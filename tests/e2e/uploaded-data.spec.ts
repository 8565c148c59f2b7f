// A new user's own data, through the UI: an uploaded churn CSV is previewed and exported, a
// pipeline picks it (and its version) from the dataset picker, trains on it without its id column
// (and says so) and evaluates it.
// This spec starts its own server with its own data directory.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
import { savePipeline } from './trpc';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Uma Upload', email: 'uma@example.com', password: 'correct horse battery' };
let server: ServerHandle;

/** 600 customers: a unique id, and a churn outcome that tenure and plan really drive. */
function churnCsv(): string {
  const lines = ['customer_id,tenure_months,plan,monthly_charges,support_calls,churned'];
  let seed = 7;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (let i = 1; i <= 600; i++) {
    const tenure = Math.floor(random() * 72);
    const plan = ['monthly', 'yearly', 'two_year'][Math.floor(random() * 3)];
    const calls = Math.floor(random() * 6);
    const risk = 1.2 - tenure / 30 + (plan === 'monthly' ? 1.5 : -0.5) + calls * 0.4 + (random() - 0.5) * 2;
    lines.push(`C${String(i).padStart(5, '0')},${tenure},${plan},${(20 + random() * 80).toFixed(2)},${calls},${risk > 0.5 ? 'yes' : 'no'}`);
  }
  return lines.join('\n') + '\n';
}

/** dataset → random split → logistic regression → evaluate; the dataset is left for the picker. */
const pipelineDoc = {
  schemaVersion: 1,
  id: 'my-churn',
  name: 'My churn',
  nodes: [
    { id: 'data', type: 'ingest/dataset', version: 1, params: {}, position: { x: 0, y: 0 } },
    { id: 'split', type: 'split/random', version: 1, params: { stratifyBy: 'churned' }, position: { x: 260, y: 0 } },
    { id: 'train', type: 'train/logistic-regression', version: 1, params: { target: 'churned', classWeight: 'balanced' }, position: { x: 520, y: -80 } },
    { id: 'evaluate', type: 'evaluate/model', version: 1, params: { positiveLabel: 'yes', falseNegativeCost: 120, falsePositiveCost: 20, currency: 'EUR' }, position: { x: 780, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'data', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
    { id: 'e2', source: 'split', sourceHandle: 'train', target: 'train', targetHandle: 'train' },
    { id: 'e3', source: 'train', sourceHandle: 'model', target: 'evaluate', targetHandle: 'model' },
    { id: 'e4', source: 'split', sourceHandle: 'test', target: 'evaluate', targetHandle: 'table' },
  ],
};

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

async function uploadChurn(page: Page) {
  await page.getByRole('link', { name: 'Datasets' }).click();
  await page.getByTestId('dataset-file-input').setInputFiles({ name: 'churn.csv', mimeType: 'text/csv', buffer: Buffer.from(churnCsv()) });
  await page.getByLabel('Dataset name').fill('churn-upload');
  await page.getByTestId('upload-button').click();
  // The first import starts the import thread, which compiles the parser first: seconds, not milliseconds.
  await expect(page.getByTestId('upload-success')).toContainText('Imported churn-upload version 1', { timeout: 60_000 });
  // Every customer_id is different: it is an identifier, not something to learn from.
  await expect(page.getByTestId('upload-id-columns')).toHaveText(/^customer_id looks like an identifier, so it has role id and models leave it out/);
  await expect(page.getByTestId('upload-id-columns')).toContainText('set its role to feature');
}

test('an uploaded table exports from its preview as CSV, Parquet and Arrow', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  await uploadChurn(page);
  const preview = page.getByTestId('dataset-preview');
  await expect(preview.getByTestId('table-row-count')).toContainText('600 rows × 6 columns');

  await preview.getByTestId('export-menu').getByRole('button', { name: 'Export' }).click();
  await expect(preview.getByRole('menuitem')).toHaveCount(3);
  await page.screenshot({ path: 'test-results/uploaded-01-export-menu.png' });
  const [csv] = await Promise.all([page.waitForEvent('download'), preview.getByTestId('export-csv').click()]);
  expect(csv.suggestedFilename()).toBe('churn-upload-v1.csv');
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.startsWith('\uFEFFcustomer_id,tenure_months,plan,monthly_charges,support_calls,churned\r\nC00001,')).toBe(true);
  expect(text.trimEnd().split('\r\n')).toHaveLength(601);

  await preview.getByTestId('export-menu').getByRole('button', { name: 'Export' }).click();
  const [parquet] = await Promise.all([page.waitForEvent('download'), preview.getByTestId('export-parquet').click()]);
  expect(parquet.suggestedFilename()).toBe('churn-upload-v1.parquet');
  expect(readFileSync(await parquet.path()).subarray(0, 4).toString()).toBe('PAR1');
});

test('the dataset node offers the stored datasets and their versions, then trains on the choice', async ({ page }) => {
  await signIn(page, ADMIN, server.url);
  await savePipeline(page.request, server.url, { projectId: 'sample', doc: pipelineDoc });
  await page.goto(`${server.url}/pipelines/my-churn`);
  await expect(page.getByTestId('pipeline-canvas')).toBeVisible();
  await page.getByTestId('node-data').click();

  const name = page.getByTestId('param-name');
  await expect(name.locator('option')).toHaveText(['— choose a dataset —', 'churn-upload · v1 · 600 rows × 6 cols']);
  await expect(page.getByTestId('param-version')).toBeDisabled();
  await name.selectOption('churn-upload');
  const version = page.getByTestId('param-version');
  await expect(version).toBeEnabled();
  await expect(version.locator('option')).toHaveText(['latest — follows new uploads (now v1)', /^v1 · [0-9a-f]{12} · 600 rows × 6 cols · /]);
  await expect(page.getByTestId('param-issue-name')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/uploaded-02-dataset-picker.png' });

  await expect(page.getByTestId('save-status')).toHaveText(/^Saved v2$/, { timeout: 15_000 });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 90_000 });

  // The evaluation prices the rules that need no model beside the model's own cost.
  await page.getByTestId('node-evaluate').click();
  const baselines = page.getByTestId('cost-baselines');
  await expect(baselines).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('cost-row-model')).toContainText('This model, threshold 0.5');
  await expect(page.getByTestId('cost-row-nobody')).toContainText('Flag nobody (no model)');
  await expect(page.getByTestId('cost-row-everyone')).toContainText('Flag everyone (no model)');
  await expect(baselines.getByText('best baseline')).toHaveCount(1);
  await expect(page.getByTestId('cost-verdict')).toHaveText(/^(Saves EUR [\d,.]+ per 1,000 \(\d+\.\d%\) against flagging (nobody|everyone)|Costs EUR [\d,.]+ more per 1,000)/);
  await page.getByTestId('cost-summary').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/uploaded-03-baselines.png' });

  // The model reads the four real features; the id column is left out, and the panel says so.
  await page.getByTestId('node-train').click();
  const model = page.getByTestId('model-preview');
  await expect(model).toContainText('4 input columns');
  await expect(model.getByTestId('model-inputs')).not.toContainText('customer_id');
  await expect(model.getByTestId('model-inputs')).toContainText('tenure_months');
  await expect(model.getByTestId('left-out-column')).toHaveText(['customer_id']);
  await expect(model.getByTestId('model-left-out')).toContainText('customer_id (role id: it looks like an identifier)');
  await expect(model.getByTestId('left-out-hint')).toContainText('add a Set column roles node before the split and set its role to feature');
  await model.getByTestId('model-left-out').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/uploaded-04-id-left-out.png' });
});
