// The template gallery: from a project page, "New pipeline" opens a dialog of templates; choosing
// churn and pressing Create lands on the new pipeline's canvas. This spec starts its own server
// with its own data directory, so it neither depends on nor disturbs the other specs.
import { expect, test } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
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

test("the fraud template's expectations are rows with column pickers, not JSON", async ({ page }) => {
  await page.goto(`${server.url}/`);
  await signIn(page, ADMIN);
  await page.goto(`${server.url}/projects/sample`);
  await page.getByTestId('new-pipeline-button').click();
  const dialog = page.getByRole('dialog', { name: 'New pipeline' });
  await dialog.getByTestId('template-card-fraud-detection').click();
  await dialog.getByTestId('template-create').click();
  await expect(page).toHaveURL(/\/pipelines\/fraud-detection$/);

  await page.getByTestId('node-validate').click();
  const list = page.getByTestId('param-expectations');
  await expect(list).toBeVisible();
  await expect(page.getByTestId('param-expectations-0-kind')).toHaveValue('not_null');
  await expect(page.getByTestId('param-expectations-0-column')).toHaveValue('is_fraud');
  await expect(page.getByTestId('param-expectations-1-kind')).toHaveValue('allowed_values');
  await expect(page.getByTestId('param-expectations-1-values-0')).toHaveValue('0');

  // A new check: the amount column has no gaps, picked from the generator's real columns.
  await page.getByTestId('param-expectations-add').click();
  const added = (await list.locator('[data-testid^="param-expectations-"][data-testid$="-kind"]').count()) - 1;
  await expect(page.getByTestId(`param-expectations-${added}-column`).locator('option', { hasText: 'amount' })).toHaveCount(1);
  await page.getByTestId(`param-expectations-${added}-column`).selectOption('amount');
  await page.getByTestId(`param-expectations-${added}-kind`).selectOption('missing_fraction_at_most');
  // Changing the kind keeps the column and asks for the new kind's own field.
  await expect(page.getByTestId(`param-expectations-${added}-column`)).toHaveValue('amount');
  await page.getByTestId(`param-expectations-${added}-max`).fill('0.01');
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved v2$/, { timeout: 15_000 });
  await page.getByTestId(`param-expectations-${added}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/templates-03-expectations.png' });
});
