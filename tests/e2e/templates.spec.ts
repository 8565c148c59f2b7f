// The template gallery: from a project page, "New pipeline" opens a dialog of templates; choosing
// churn and pressing Create lands on the new pipeline's canvas. This spec starts its own server
// with its own data directory, so it neither depends on nor disturbs the other specs.
import { expect, test } from '@playwright/test';
import { createAdmin } from './accounts';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Gale Gallery', email: 'gale@example.com', password: 'correct horse battery' };
const CHURN_NODES = ['ingest', 'roles', 'missing', 'split', 'train', 'evaluate'];
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('creates a pipeline from the churn template through the gallery and opens its canvas', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  await page.goto(`${server.url}/projects/sample`);

  // The dialog opens labelled, and Escape closes it.
  await page.getByTestId('new-pipeline-button').click();
  const dialog = page.getByRole('dialog', { name: 'New pipeline' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('template-card-blank')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('new-pipeline-button')).toBeFocused();

  await page.getByTestId('new-pipeline-button').click();
  for (const id of ['fraud-detection', 'customer-churn', 'price-regression', 'demand-forecast']) {
    await expect(dialog.getByTestId(`template-card-${id}`)).toBeVisible();
  }
  const churn = dialog.getByTestId('template-card-customer-churn');
  await expect(churn).toContainText('4,000 rows');
  await expect(churn).toContainText('Logistic regression');
  await churn.click();
  await expect(dialog.getByRole('radio', { name: 'Customer churn' })).toBeChecked();
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Customer churn');
  await page.screenshot({ path: 'test-results/templates-01-gallery.png' });

  await dialog.getByTestId('template-create').click();
  await expect(page).toHaveURL(/\/pipelines\/customer-churn$/);
  await expect(page.getByTestId('pipeline-canvas')).toBeVisible();
  for (const id of CHURN_NODES) await expect(page.getByTestId(`node-${id}`)).toBeVisible();
  await page.screenshot({ path: 'test-results/templates-02-canvas.png' });

  // Back on the project, the new pipeline is listed at version 1.
  await page.goto(`${server.url}/projects/sample`);
  await expect(page.getByTestId('pipeline-customer-churn')).toHaveText('Customer churn');
});
