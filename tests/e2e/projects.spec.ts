// Projects through the UI: create one, rename it, archive it (hidden from the list until asked,
// still reachable), unarchive it; and the seeded sample pipelines name Pipeworks as their author.
// This spec starts its own server with its own data directory.
import { expect, test } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Pia Projects', email: 'pia@example.com', password: 'correct horse battery' };
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('a project is created, renamed, archived out of the list and back', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  await page.getByTestId('new-project-button').click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Name').fill('Churn 2025');
  await dialog.getByLabel('Description').fill('Who leaves, and what keeps them');
  await page.screenshot({ path: 'test-results/projects-01-new.png' });
  await dialog.getByTestId('project-dialog-submit').click();

  await expect(page).toHaveURL(/\/projects\/churn-2025$/);
  await expect(page.getByRole('heading', { name: 'Churn 2025' })).toBeVisible();
  await expect(page.getByText('No pipelines in this project yet')).toBeVisible();

  await page.getByTestId('project-rename').click();
  const rename = page.getByRole('dialog', { name: 'Rename project' });
  await expect(rename.getByLabel('Name')).toHaveValue('Churn 2025');
  await rename.getByLabel('Name').fill('Sample project');
  await rename.getByTestId('project-dialog-submit').click();
  await expect(rename.getByRole('alert')).toHaveText('A project named "Sample project" already exists');
  await rename.getByLabel('Name').fill('Customer churn');
  await rename.getByTestId('project-dialog-submit').click();
  await expect(rename).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Customer churn' })).toBeVisible();

  await page.getByTestId('project-archive').click();
  await expect(page.getByTestId('project-archived-banner')).toContainText('hidden from the project list');
  await expect(page.getByTestId('new-pipeline-button')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/projects-02-archived.png' });

  await page.goto(`${server.url}/`);
  await expect(page.getByTestId('project-sample')).toBeVisible();
  await expect(page.getByTestId('project-churn-2025')).toHaveCount(0);
  await page.getByTestId('show-archived').check();
  await expect(page.getByTestId('project-churn-2025')).toContainText('Archived');
  await page.screenshot({ path: 'test-results/projects-03-list-archived.png' });

  await page.getByTestId('project-churn-2025').click();
  await page.getByTestId('project-unarchive').click();
  await expect(page.getByTestId('project-archived-banner')).toHaveCount(0);
  await expect(page.getByTestId('new-pipeline-button')).toBeEnabled();
  await page.goto(`${server.url}/`);
  await expect(page.getByTestId('project-churn-2025')).toBeVisible();
});

test('the sample pipelines were saved by Pipeworks, and their history says so', async ({ page }) => {
  await signIn(page, ADMIN, server.url);
  await page.goto(`${server.url}/pipelines/card-fraud`);
  await page.getByTestId('version-menu').getByRole('button', { name: 'History' }).click();
  await expect(page.getByTestId('version-1')).toContainText('Pipeworks (system: sample)');
  await expect(page.getByTestId('version-1')).not.toContainText('unknown');
  await page.screenshot({ path: 'test-results/projects-04-system-author.png' });
});
