// Datasets through the UI: a bad CSV shows its problem and line in place, a good one becomes a
// version with a preview, and a dropped file adds the next version. This spec starts its own
// server with its own data directory, so it neither depends on nor disturbs studio.spec.ts.
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { createAdmin } from './accounts';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Ingrid Ingest', email: 'ingrid@example.com', password: 'correct horse battery' };
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/csv/${path}`, import.meta.url));
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('a bad CSV shows its problem and line; a good one becomes a version; a dropped file the next', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);

  await page.getByRole('link', { name: 'Datasets' }).click();
  await expect(page.getByTestId('datasets-page')).toBeVisible();
  await expect(page.getByText('No datasets yet')).toBeVisible();
  await page.screenshot({ path: 'test-results/ingest-01-empty.png' });

  // A ragged row: the message names line 4 and column 4, and nothing is imported.
  await page.getByTestId('dataset-file-input').setInputFiles(fixture('bad/ragged-extra-field.csv'));
  await expect(page.getByLabel('Dataset name')).toHaveValue('ragged-extra-field');
  await page.getByTestId('upload-button').click();
  await expect(page.getByTestId('upload-error-message')).toHaveText("Line 4, column 4: this row has more fields than the header's 3");
  await expect(page.getByTestId('upload-error-hint')).toContainText('upload the file again');
  await expect(page.getByText('No datasets yet')).toBeVisible();
  await page.screenshot({ path: 'test-results/ingest-02-error.png' });

  // A good file: version 1, listed, with its first rows previewed.
  await page.getByTestId('dataset-file-input').setInputFiles(fixture('good/semicolon-crlf-bom.csv'));
  await page.getByLabel('Dataset name').fill('cities');
  await page.getByTestId('upload-button').click();
  await expect(page.getByTestId('upload-success')).toContainText('Imported cities version 1');
  await expect(page.getByTestId('upload-error')).toHaveCount(0);
  await expect(page.getByTestId('dataset-cities')).toContainText('v1');
  await expect(page.getByTestId('dataset-preview').getByTestId('table-preview')).toContainText('Saint-Étienne');
  await expect(page.getByTestId('dataset-preview').getByTestId('table-row-count')).toContainText('3 rows × 4 columns');
  await page.screenshot({ path: 'test-results/ingest-03-imported.png' });

  // Drag and drop: a new file onto the drop zone becomes version 2 of the same name.
  await page.getByLabel('Dataset name').fill('cities');
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['city;population\nOslo;709000\nBergen;291000\n'], 'nordic.csv', { type: 'text/csv' }));
    return data;
  });
  await page.getByTestId('dataset-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('dataset-drop-zone')).toContainText('nordic.csv');
  await page.getByTestId('upload-button').click();
  await expect(page.getByTestId('upload-success')).toContainText('Imported cities version 2');
  await expect(page.getByTestId('dataset-version-2')).toBeVisible();
  await expect(page.getByTestId('dataset-preview').getByTestId('table-preview')).toContainText('Bergen');
  await page.getByTestId('dataset-version-1').click();
  await expect(page.getByTestId('dataset-preview').getByTestId('table-preview')).toContainText('Saint-Étienne');
  await expect(page.getByTestId('dataset-preview')).toContainText('1195-01-01T00:00:00.000Z');
  await page.screenshot({ path: 'test-results/ingest-04-versions.png' });
  await page.getByTestId('dataset-versions').screenshot({ path: 'test-results/ingest-05-preview.png' });
});
