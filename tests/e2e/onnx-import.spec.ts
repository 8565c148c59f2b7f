// Issue 13's ONNX import in the registry, in Chromium: an admin picks the skl2onnx-shaped ZipMap
// classifier, the signature form comes pre-filled from the model (4 inputs, multiclass, the
// ZipMap's labels), a wrong label list is refused naming the field, and the import lands as v1,
// shown in the registry and on its version page (screenshots). Starts its own server.
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { createAdmin } from './accounts';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

const ADMIN = { name: 'Ivo Import', email: 'ivo@example.com', password: 'correct horse battery' };
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/onnx/${name}`, import.meta.url));
const FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('import a scikit-learn ONNX model as a registry version through the signature form', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  await page.goto(`${server.url}/models`);
  await page.getByTestId('registry-import-onnx').click();
  await page.getByTestId('import-file-file-input').setInputFiles(fixture('sklearn-zipmap.onnx'));

  // Pre-filled from the model: one [?, 4] float input, the ZipMap's classes.
  await expect(page.getByTestId('import-model-summary')).toContainText('class labels from the ZipMap output_probability');
  for (let i = 0; i < 4; i++) await expect(page.getByTestId(`import-input-name-${i}`)).toHaveValue(`float_input_${i}`);
  await expect(page.getByTestId('import-task')).toHaveValue('multiclass');
  await expect(page.getByTestId('import-labels')).toHaveValue('setosa, versicolor, virginica');
  await expect(page.getByTestId('import-name')).toHaveValue('sklearn-zipmap');

  await page.getByTestId('import-project').selectOption('sample');
  await page.getByTestId('import-name').fill('iris-sklearn');
  for (const [i, name] of FEATURES.entries()) await page.getByTestId(`import-input-name-${i}`).fill(name);
  await page.getByTestId('import-target').fill('species');

  // A label list that does not fit the ZipMap is refused beside the field, before any upload.
  await page.getByTestId('import-labels').fill('setosa, versicolor, virginica, hybrid');
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-error-labels')).toContainText('ZipMap output_probability has 3 classes');
  await page.getByTestId('import-labels').fill('setosa, versicolor, virginica');
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-done')).toContainText('iris-sklearn v1', { timeout: 30_000 });
  await expect(page.getByTestId('import-error-labels')).toHaveCount(0);
  await expect(page.getByTestId('model-iris-sklearn')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.screenshot({ path: 'test-results/onnx-import-registry.png' });

  await page.getByTestId('import-done').getByRole('link').click();
  await expect(page.getByTestId('version-page')).toBeVisible();
  await expect(page.getByTestId('version-summary')).toContainText('onnx');
  await expect(page.getByTestId('version-summary')).toContainText('imported file');
  await expect(page.getByTestId('version-summary')).toContainText('species (setosa, versicolor, virginica)');
  for (const name of FEATURES) await expect(page.getByTestId('version-signature')).toContainText(name);
  await page.screenshot({ path: 'test-results/onnx-import-version.png' });
});
