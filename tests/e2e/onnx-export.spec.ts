// Batch scoring and ONNX export through the UI: a pipeline with a batch score node runs on the
// canvas and registers its model; the version page's "Download ONNX" gives a .onnx file that
// onnxruntime-node opens. This spec starts its own server with its own data directory.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import * as ort from 'onnxruntime-node';
import { datasetClassifier } from '../integration/helpers/registry-pipeline';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';
import { createAdmin } from './accounts';
import { savePipeline, trpcQuery } from './trpc';

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer({ port: Number(process.env.ONNX_E2E_PORT ?? 0) || undefined });
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('a batch score node runs on the canvas, and the registered version downloads as ONNX', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  const doc = datasetClassifier({ id: 'cancer-scoring', register: 'cancer-screen' });
  doc.nodes.push({ id: 'score', type: 'deploy/batch-score', version: 1, params: { saveAs: 'scored-cancer' }, position: { x: 600, y: 200 } });
  doc.edges.push(
    { id: 'e5', source: 'train', sourceHandle: 'model', target: 'score', targetHandle: 'model' },
    { id: 'e6', source: 'split', sourceHandle: 'test', target: 'score', targetHandle: 'table' },
  );
  await savePipeline(page.request, server.url, { projectId: 'sample', doc });

  await page.goto(`${server.url}/pipelines/cancer-scoring`);
  await page.getByTestId('run-button').click();
  for (const id of ['ingest', 'split', 'train', 'evaluate', 'score']) {
    await expect(page.getByTestId(`node-status-${id}`)).toHaveText('succeeded', { timeout: 90_000 });
  }
  await page.getByTestId('node-score').click();
  await page.screenshot({ path: 'test-results/onnx-01-batch-score.png' });

  const models = await trpcQuery(page.request, server.url, 'registry.models', { projectId: 'sample', offset: 0, limit: 10 });
  const model = models.rows.find((m: { name: string }) => m.name === 'cancer-screen');
  await page.goto(`${server.url}/models/${model.id}/versions/1`);
  await expect(page.getByTestId('version-page')).toBeVisible();
  const button = page.getByTestId('download-onnx');
  await expect(button).toHaveText('Download ONNX');
  await page.screenshot({ path: 'test-results/onnx-02-version-page.png', fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe('cancer-screen-v1.onnx');
  const session = await ort.InferenceSession.create(readFileSync((await download.path())!));
  expect(session.outputNames).toEqual(['probabilities', 'label']);
  expect(session.inputNames).toHaveLength(30);
  await session.release();

  // The batch score node's saveAs made the scored test split a dataset version.
  await page.getByRole('link', { name: 'Datasets' }).click();
  await page.getByTestId('dataset-scored-cancer').click();
  await expect(page.getByTestId('dataset-version-1')).toContainText(/saved by run [0-9a-f]{8}, step score/);
  // 30 features and the diagnosis, plus the label and two probabilities (the preview shows the first columns only).
  await expect(page.getByTestId('dataset-version-1')).toContainText('143 rows × 34 columns');
  await page.screenshot({ path: 'test-results/onnx-03-scored-dataset.png', fullPage: true });
});
