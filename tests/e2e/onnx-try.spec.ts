// "Try an ONNX model" in a real browser: the fixture model loads with onnxruntime-web from this
// app's /ort-wasm/ files (no CDN), one typed row gives sigmoid(w·x+b), a CSV file is scored with
// its bad cell named, and the scored file downloads. Starts its own server and data directory.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { createAdmin, signIn } from './accounts';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';
import { expectedProbability, FEATURES } from '../fixtures/onnx/logistic-models';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Olga Onnx', email: 'olga@example.com', password: 'correct horse battery' };
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/onnx/${name}`, import.meta.url));
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

/** The studio scrolls inside its main column, so a tall viewport shows the whole page. */
async function shootWholePage(page: Page, file: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.screenshot({ path: file });
  if (size) await page.setViewportSize(size);
}

async function fillRow(page: Page, values: readonly (number | string)[]) {
  for (let i = 0; i < values.length; i++) await page.getByTestId(`onnx-field-${i}`).fill(String(values[i]));
}

test('load a model in the browser, try a row, score a CSV and download it', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await createAdmin(page, server.url, ADMIN);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Try ONNX' }).click();
  await expect(page.getByTestId('onnx-page')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Try an ONNX model' })).toBeVisible();

  // The model: loaded here, never uploaded; the provider in use and why WebGPU was or was not.
  await page.getByTestId('onnx-model-file-input').setInputFiles(fixture('logistic.onnx'));
  await expect(page.getByTestId('onnx-provider')).toHaveText(/Running on (wasm|webgpu)/, { timeout: 30_000 });
  await expect(page.getByTestId('onnx-provider-webgpu')).toBeVisible();
  if ((await page.getByTestId('onnx-provider').textContent())?.includes('wasm')) {
    await expect(page.getByTestId('onnx-provider-webgpu')).toContainText('Passed over.');
    await expect(page.getByTestId('onnx-provider-wasm')).toContainText('In use.');
  }
  await expect(page.getByTestId('onnx-inputs')).toContainText('features');
  await expect(page.getByTestId('onnx-inputs')).toContainText('[N, 4]');
  await expect(page.getByTestId('onnx-outputs')).toContainText('probability');
  await expect(page.getByTestId('onnx-outputs')).toContainText('int64');
  await expect(page.getByTestId('onnx-layout')).toContainText('named by the model’s feature_names');
  const ortFiles = requests.filter((u) => u.includes('/ort-wasm/'));
  expect(ortFiles.some((u) => u.endsWith('.wasm'))).toBe(true);
  expect(requests.every((u) => u.startsWith(server.url) || u.startsWith('blob:') || u.startsWith('data:'))).toBe(true);

  // One row: a bad value is named by its field, a good row gives sigmoid(w·x+b).
  const x = [1.5, -0.75, 2, 0.3];
  for (const [i, name] of FEATURES.entries()) await expect(page.getByTestId(`onnx-field-${i}`)).toHaveAccessibleName(name);
  await fillRow(page, ['abc', ...x.slice(1)]);
  await page.getByTestId('onnx-run').click();
  await expect(page.getByTestId('onnx-try-error')).toHaveText("amount: 'abc' is not a number");
  await fillRow(page, x);
  await page.getByTestId('onnx-run').click();
  const probability = Number(await page.getByTestId('onnx-output-probability').getAttribute('data-value'));
  expect(Math.abs(probability - expectedProbability(x))).toBeLessThan(1e-5);
  await expect(page.getByTestId('onnx-output-label')).toHaveText(expectedProbability(x) > 0.5 ? '1' : '0');
  await expect(page.getByTestId('onnx-try-error')).toHaveCount(0);

  // A CSV with a bad cell: the row and column are named, nothing to download.
  await page.getByTestId('onnx-csv-file-input').setInputFiles(fixture('customers-bad.csv'));
  await expect(page.getByTestId('onnx-mapping')).toBeVisible();
  await page.getByTestId('onnx-score').click();
  await expect(page.getByTestId('onnx-score-error')).toHaveText("Row 3, column amount: 'abc' is not a number");
  await expect(page.getByTestId('onnx-download')).toHaveCount(0);

  // The good CSV: columns mapped by name whatever their order, every row scored, the file downloads.
  await page.getByTestId('onnx-csv-file-input').setInputFiles(fixture('customers.csv'));
  for (const [i, name] of FEATURES.entries()) {
    await expect(page.getByLabel(`CSV column for ${name}`)).toHaveValue(String(['id', 'customer', 'age', 'amount', 'score', 'tenure'].indexOf(name)));
    await expect(page.getByTestId(`onnx-mapping-row-${i}`)).toContainText('same name');
  }
  await page.getByTestId('onnx-score').click();
  await expect(page.getByTestId('onnx-score-summary')).toContainText('Scored 5 rows');
  await expect(page.getByTestId('onnx-scored-preview').locator('tbody tr')).toHaveCount(5);
  await expect(page.getByTestId('onnx-scored-preview')).toContainText('Babbage, Charles');
  await shootWholePage(page, 'test-results/onnx-try-01-scored.png');
  await shootWholePage(page, '/tmp/onnx-page.png');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('onnx-download').click()]);
  expect(download.suggestedFilename()).toBe('customers-scored.csv');
  const scored = Papa.parse<Record<string, string>>(readFileSync(await download.path(), 'utf8'), { header: true, skipEmptyLines: true });
  expect(scored.meta.fields).toEqual(['id', 'customer', 'age', 'amount', 'score', 'tenure', 'probability', 'label']);
  expect(scored.data).toHaveLength(5);
  expect(scored.data[2].customer).toBe('Zoë Quist');
  for (const row of scored.data) {
    const p = expectedProbability(FEATURES.map((f) => Number(row[f])));
    expect(Math.abs(Number(row.probability) - p)).toBeLessThan(1e-5);
    expect(row.label).toBe(p > 0.5 ? '1' : '0');
  }
});

test('a model with one input per column, and a file that is not a model', async ({ page }) => {
  await signIn(page, ADMIN, server.url);
  await page.goto(`${server.url}/onnx`);

  await page.getByTestId('onnx-model-file-input').setInputFiles(fixture('customers.csv'));
  await expect(page.getByTestId('onnx-load-error')).toContainText('customers.csv is not an ONNX model');

  // Dropped rather than picked: the drop zone takes the model too.
  const bytes = [...readFileSync(fixture('logistic-columns.onnx'))];
  const transfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'logistic-columns.onnx'));
    return dt;
  }, bytes);
  await page.getByTestId('onnx-model-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('onnx-layout')).toContainText('One input per column (4)', { timeout: 30_000 });
  const x = [-2, 0.5, 1, 1.25];
  await fillRow(page, x);
  await page.getByTestId('onnx-run').click();
  const probability = Number(await page.getByTestId('onnx-output-probability').getAttribute('data-value'));
  expect(Math.abs(probability - expectedProbability(x))).toBeLessThan(1e-5);
});

test('a large file is scored in pieces with progress, the page stays responsive, and Stop stops it', async ({ page }) => {
  await signIn(page, ADMIN, server.url);
  await page.goto(`${server.url}/onnx`);
  await page.getByTestId('onnx-model-file-input').setInputFiles(fixture('logistic.onnx'));
  await expect(page.getByTestId('onnx-provider')).toBeVisible({ timeout: 30_000 });

  const rows = 400_000;
  const lines = ['id,amount,age,tenure,score'];
  for (let i = 0; i < rows; i++) lines.push(`${i},${(i % 97) / 10},${(i % 13) - 6},${(i % 7) / 2},${((i % 31) - 15) / 10}`);
  await page.getByTestId('onnx-csv-file-input').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.getByTestId('onnx-mapping')).toBeVisible();

  await page.getByTestId('onnx-score').click();
  await expect(page.getByTestId('onnx-score-progress')).toBeVisible();
  // The page stays responsive while it scores (no timed assertion here: Stop below proves it).
  await expect(page.getByTestId('onnx-score-summary')).toContainText(/Scored 400.000 rows/, { timeout: 60_000 });
  await expect(page.getByTestId('onnx-scored-preview').locator('tbody tr')).toHaveCount(20);

  await page.getByTestId('onnx-score').click();
  await expect(page.getByTestId('onnx-score-progress')).toBeVisible();
  await page.getByTestId('onnx-score-stop').click();
  await expect(page.getByTestId('onnx-score-error')).toHaveText(/^Stopped after [\d,.\s]+ rows\.$/);
  await expect(page.getByTestId('onnx-download')).toHaveCount(0);
});
