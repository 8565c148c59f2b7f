// Issue 23: scikit-learn models as skl2onnx writes them (ai.onnx.ml operators, a [None, n] input, a
// ZipMap output) in the Try ONNX page in Chromium: each loads, takes a row, and scores a CSV, with
// predictions and probabilities within 1e-5 of scikit-learn's. Starts its own server.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { createAdmin, signIn } from './accounts';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Sara Sklearn', email: 'sara@example.com', password: 'correct horse battery' };
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/onnx/${name}`, import.meta.url));
const csvRows = (name: string) => Papa.parse<string[]>(readFileSync(fixture(name), 'utf8'), { skipEmptyLines: true }).data.slice(1);
let server: ServerHandle;
const expected = JSON.parse(readFileSync(fixture('sklearn-expected.json'), 'utf8')) as typeof import('../fixtures/onnx/sklearn-expected.json');

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

async function loadModel(page: Page, file: string) {
  await page.getByTestId('onnx-model-file-input').setInputFiles(fixture(file));
  await expect(page.getByTestId('onnx-provider')).toHaveText(/Running on (wasm|webgpu)/, { timeout: 30_000 });
}

async function tryRow(page: Page, values: readonly string[]) {
  for (let i = 0; i < values.length; i++) await page.getByTestId(`onnx-field-${i}`).fill(values[i]);
  await page.getByTestId('onnx-run').click();
  await expect(page.getByTestId('onnx-try-result')).toBeVisible();
}

const outputValue = async (page: Page, column: string) => page.getByTestId(`onnx-output-${column}`).getAttribute('data-value');

/** Scores the CSV in the page and returns the downloaded file's rows. */
async function scoreCsv(page: Page, csv: string, rows: number): Promise<Record<string, string>[]> {
  await page.getByTestId('onnx-csv-file-input').setInputFiles(fixture(csv));
  await expect(page.getByTestId('onnx-mapping')).toBeVisible();
  await page.getByTestId('onnx-score').click();
  await expect(page.getByTestId('onnx-score-summary')).toContainText(`Scored ${rows} rows`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('onnx-download').click()]);
  return Papa.parse<Record<string, string>>(readFileSync(await download.path(), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

const close = (actual: string | null | undefined, want: number) => expect(Math.abs(Number(actual) - want), `${actual} vs ${want}`).toBeLessThan(1e-5);
const { classifier, regressor } = expected;

test('the ZipMap classifier: a [None, 4] batch, class probabilities read through the ZipMap’s input', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  await page.goto(`${server.url}/onnx`);
  await loadModel(page, 'sklearn-zipmap.onnx');
  await expect(page.getByTestId('onnx-inputs')).toContainText('[?, 4]');
  await expect(page.getByTestId('onnx-inputs')).not.toContainText('4294967295');
  await expect(page.getByTestId('onnx-outputs-output_probability')).toContainText('seq(map(string, tensor(float)))');
  await expect(page.getByTestId('onnx-outputs-probabilities')).toContainText('added');
  await expect(page.getByTestId('onnx-layout')).toContainText('rows are scored in batches');
  await expect(page.getByTestId('onnx-zipmap-note')).toContainText('output_probability is a ZipMap');
  await expect(page.getByTestId('onnx-zipmap-note')).toContainText('labelled from the ZipMap’s classlabels_strings');

  const rows = csvRows(classifier.csv);
  await tryRow(page, rows[0]);
  expect(await outputValue(page, 'output_label')).toBe(classifier.predictions[0]);
  for (const [k, label] of classifier.labels.entries()) close(await outputValue(page, `output_probability[${label}]`), classifier.probabilities[0][k]);

  const scored = await scoreCsv(page, classifier.csv, rows.length);
  await page.setViewportSize({ width: 1280, height: 2000 });
  await page.screenshot({ path: 'test-results/onnx-sklearn-zipmap.png' });
  expect(scored.map((r) => r.output_label)).toEqual(classifier.predictions);
  scored.forEach((row, r) => classifier.labels.forEach((label, k) => close(row[`output_probability[${label}]`], classifier.probabilities[r][k])));
});

test('the same classifier without ZipMap', async ({ page }) => {
  await signIn(page, ADMIN, server.url);
  await page.goto(`${server.url}/onnx`);
  await loadModel(page, 'sklearn-nozipmap.onnx');
  await expect(page.getByTestId('onnx-output-notes')).toHaveCount(0);
  const rows = csvRows(classifier.csv);
  await tryRow(page, rows[1]);
  expect(await outputValue(page, 'label')).toBe(classifier.predictions[1]);
  for (let k = 0; k < 3; k++) close(await outputValue(page, `probabilities[${k}]`), classifier.probabilities[1][k]);
  const scored = await scoreCsv(page, classifier.csv, rows.length);
  expect(scored.map((r) => r.label)).toEqual(classifier.predictions);
  scored.forEach((row, r) => [0, 1, 2].forEach((k) => close(row[`probabilities[${k}]`], classifier.probabilities[r][k])));
});

test('the TreeEnsembleRegressor forest', async ({ page }) => {
  await signIn(page, ADMIN, server.url);
  await page.goto(`${server.url}/onnx`);
  await loadModel(page, 'sklearn-forest.onnx');
  await expect(page.getByTestId('onnx-inputs')).toContainText('[?, 3]');
  const rows = csvRows(regressor.csv);
  await tryRow(page, rows[2]);
  close(await outputValue(page, 'variable'), regressor.predictions[2]);
  const scored = await scoreCsv(page, regressor.csv, rows.length);
  scored.forEach((row, r) => close(row.variable, regressor.predictions[r]));
});
