// Parameter forms through the UI: the split's form is generated from its zod params, an invalid
// seed is explained inline (and blocks running), a valid one is autosaved as a new version, and
// the next run re-runs only what changed. Its own server and data directory, so it neither depends on nor disturbs studio.spec.ts.
import { expect, test } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
import { openAdminPage } from './admin-menu';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Paula Params', email: 'paula@example.com', password: 'correct horse battery' };
const VIEWER = { name: 'Vic Viewer', email: 'vic@example.com', password: 'viewer password 1' };
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('an edited param is checked inline, autosaved as a new version, and re-runs only its step', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);

  await page.getByTestId('project-sample').click();
  await page.getByTestId('pipeline-breast-cancer-explore').click();
  await expect(page.getByTestId('pipeline-canvas')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('v1');

  // A first run, so the next one has something to reuse.
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 60_000 });

  await page.getByTestId('node-split').click();
  // The split has run, so its results come first; its params are a tab away (and stay chosen).
  await expect(page.getByTestId('node-results')).toBeVisible();
  await page.getByTestId('node-tab-params').click();
  const form = page.getByTestId('param-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('param-seed')).toHaveValue('0');
  await expect(page.getByTestId('param-train')).toHaveValue('0.75');
  await expect(form).toContainText('Seed of the shuffle');
  await expect(page.getByTestId('save-status')).toHaveText('Saved v1');
  await page.getByTestId('param-form').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/params-01-form.png' });

  await page.getByTestId('param-seed').fill('-1');
  await expect(page.getByTestId('param-issue-seed')).toBeVisible();
  await expect(page.getByTestId('param-issue-seed')).toHaveText('Must be at least 0');
  // A document with a broken param is kept (nothing typed is lost) but cannot run.
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await page.getByTestId('param-seed').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/params-02-invalid.png' });

  await page.getByTestId('param-seed').fill('7');
  await expect(page.getByTestId('param-issue-seed')).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved v([2-9])$/, { timeout: 15_000 });
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await page.screenshot({ path: 'test-results/params-03-saved.png' });

  // Only the split's params changed: the ingest comes from the cache, the split runs again.
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('node-status-ingest')).toHaveText('cached', { timeout: 60_000 });
  await expect(page.getByTestId('node-status-split')).toHaveText('succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 60_000 });
  await page.getByTestId('node-split').click();
  await expect(page.getByTestId('param-seed')).toHaveValue('7');
  await page.screenshot({ path: 'test-results/params-04-rerun.png' });
});

test('a viewer sees the params read-only', async ({ page }) => {
  await page.goto(`${server.url}/`);
  await signIn(page, ADMIN);
  await openAdminPage(page, 'Users');
  const addUser = page.getByTestId('add-user-form');
  await addUser.getByLabel('Email').fill(VIEWER.email);
  await addUser.getByLabel('Name').fill(VIEWER.name);
  await addUser.getByLabel('Role').selectOption('viewer');
  await addUser.getByLabel('Initial password').fill(VIEWER.password);
  await addUser.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByTestId(`user-${VIEWER.email}`)).toBeVisible();
  await page.getByTestId('sign-out').click();
  await signIn(page, VIEWER);
  // A viewer lands on the portfolio dashboard; the projects are one link away.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
  await page.getByTestId('project-sample').click();
  await page.getByTestId('pipeline-breast-cancer-explore').click();
  await page.getByTestId('node-split').click();
  await page.getByTestId('node-tab-params').click();
  await expect(page.getByTestId('param-seed')).toBeDisabled();
  await expect(page.getByTestId('param-seed')).toHaveValue('7');
  await expect(page.getByTestId('save-status')).toHaveText('Read only');
  await page.screenshot({ path: 'test-results/params-05-viewer.png' });
});
