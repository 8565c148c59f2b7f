// Issue 13's deploy flow, through the UI: an analyst adds a deploy node to the fraud pipeline, runs
// it (twice, so the endpoint has a version to roll back to), opens the deployment page, makes a
// key, tries a row through the real serving process and sees the prediction, then rolls back in
// one click. This spec starts its own studio and serving processes over one data directory.
import { expect, test, type Page } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
import { openAdminPage } from './admin-menu';
import { connect } from './canvas-wires';
import { newDataDir, startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';
import { startServing, stopServing, type ServingHandle } from '../integration/helpers/serving-process';
import { trpcMutate, trpcQuery } from './trpc';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const ANALYST = { name: 'Ana Analyst', email: 'ana@example.com', password: 'analyst horse battery' };
const MANAGER = { name: 'Max Manager', email: 'max@example.com', password: 'manager horse battery' };
const SHOTS = 'test-results/deploy';

/** A plausible transaction, by the fraud generator's column names. */
const ROW: Record<string, string> = {
  amount: '42.5',
  merchant_category: 'online_retail',
  hour: '14',
  country: 'US',
  card_present: 'false',
  customer_age: '37',
  distance_from_home_km: '3.2',
};

let server: ServerHandle;
let serving: ServingHandle;

test.beforeAll(async () => {
  const dataDir = newDataDir();
  serving = await startServing({ dataDir });
  server = await startServer({ dataDir, env: { PIPEWORKS_SERVING_URL: serving.url } });
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  if (serving) await stopServing(serving);
});

async function runAll(page: Page, ids: string[]) {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText(/queued|running/, { timeout: 60_000 });
  for (const id of ids) await expect(page.getByTestId(`node-status-${id}`)).toHaveText(/succeeded|cached/, { timeout: 180_000 });
  await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 30_000 });
}

test('an analyst deploys the fraud model, tries a row and rolls back in one click', async ({ page }) => {
  test.setTimeout(600_000);
  await createAdmin(page, server.url, ADMIN);
  await openAdminPage(page, 'Users');
  const form = page.getByTestId('add-user-form');
  await form.getByLabel('Email').fill(ANALYST.email);
  await form.getByLabel('Name').fill(ANALYST.name);
  await form.getByLabel('Role').selectOption('analyst');
  await form.getByLabel('Initial password').fill(ANALYST.password);
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByTestId(`user-${ANALYST.email}`)).toBeVisible();
  await page.getByTestId('sign-out').click();
  await signIn(page, ANALYST);

  // The fraud pipeline from its template.
  await page.getByTestId('project-sample').click();
  await page.getByTestId('new-pipeline-button').click();
  await page.getByTestId('template-card-fraud-detection').click();
  await page.getByLabel('Name').fill('Fraud deployed');
  await page.getByTestId('template-create').click();
  await expect(page).toHaveURL(/\/pipelines\/fraud-deployed$/);

  // Add the deploy node after the train and evaluate steps.
  const pane = page.locator('.react-flow__pane');
  await page.getByTestId('palette-item-deploy/endpoint').dragTo(pane, { targetPosition: { x: 300, y: 420 } });
  await expect(page.getByTestId('node-endpoint')).toBeVisible();
  await pane.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('f');
  await page.waitForTimeout(500);
  await connect(page, ['train', 'model'], ['endpoint', 'model']);
  await connect(page, ['evaluate', 'metrics'], ['endpoint', 'evaluation']);
  await page.getByTestId('node-endpoint').locator('.truncate').first().click();
  await page.getByTestId('param-endpoint').fill('fraud-scoring');
  await page.getByTestId('param-model').fill('fraud');
  await expect(page.getByTestId('save-status')).toContainText(/Saved/, { timeout: 20_000 });
  await page.screenshot({ path: `${SHOTS}-01-deploy-node.png` });

  // The first run registers the network as fraud v1 and serves it; a second run with one more
  // epoch trains a different network, registered as v2, which replaces it.
  const steps = ['ingest', 'validate', 'split', 'train', 'evaluate', 'endpoint'];
  await runAll(page, steps);
  await page.getByTestId('node-train').locator('.truncate').first().click();
  await page.getByTestId('node-tab-params').click();
  await page.getByTestId('param-epochs').fill('13');
  await expect(page.getByTestId('save-status')).toContainText(/Saved/, { timeout: 20_000 });
  await runAll(page, steps);

  // The deployment page, from the nav.
  await page.getByRole('link', { name: 'Deployments' }).click();
  await page.getByTestId('endpoint-row-fraud-scoring').getByRole('link', { name: 'fraud-scoring' }).click();
  await expect(page.getByTestId('deployment-page')).toBeVisible();
  await expect(page.getByTestId('live-primary')).toContainText('primary v2 · 100%');

  // A key, shown once, then a row tried through the serving process.
  await page.getByTestId('key-name').fill('try it');
  await page.getByTestId('key-create').click();
  await expect(page.getByTestId('new-key-value')).toContainText(/^pw_ep_/);
  await expect(page.getByTestId('try-key')).toHaveValue(/^pw_ep_/);
  for (const [name, value] of Object.entries(ROW)) await page.getByTestId(`try-field-${name}`).fill(value);
  await expect(page.getByTestId('snippet-text')).toContainText('/v2/models/fraud-scoring/infer');
  await page.getByTestId('try-send').click();
  await expect(page.getByTestId('try-status')).toContainText('HTTP 200', { timeout: 30_000 });
  await expect(page.getByTestId('try-body')).toContainText('"outputs"');
  await page.getByTestId('try-it').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}-02-try-it.png`, fullPage: true });

  // A merchant category the model never saw is refused by default, naming it; the endpoint's
  // setting accepts it instead (serving follows the saved revision within a second or so).
  await page.getByTestId('try-field-merchant_category').fill('online_retial');
  await page.getByTestId('try-send').click();
  await expect(page.getByTestId('try-status')).toContainText('HTTP 400', { timeout: 30_000 });
  await expect(page.getByTestId('try-body')).toContainText('unknown category \\"online_retial\\" (did you mean \\"online_retail\\"?)');
  await page.getByTestId('setting-unseen').selectOption('accept');
  await page.getByTestId('settings-save').click();
  // The saved revision remounts the form from the server's values: it shows 'accept' and idles.
  await expect(page.getByTestId('settings-save')).toHaveText('Save settings');
  await expect(page.getByTestId('setting-unseen')).toHaveValue('accept');
  await page.getByTestId('endpoint-settings').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}-02b-unseen-setting.png` });
  await expect(async () => {
    await page.getByTestId('try-send').click();
    await expect(page.getByTestId('try-status')).toContainText('HTTP 200', { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('try-body')).toContainText('unseen_categories');
  await page.getByTestId('try-field-merchant_category').fill(ROW.merchant_category);

  // One click back to v1.
  await page.getByTestId('live-split').scrollIntoViewIfNeeded();
  await page.getByTestId('rollback').click();
  await expect(page.getByTestId('live-primary')).toContainText('primary v1 · 100%');
  await expect(page.getByTestId('deploy-history')).toContainText('rollback');
  await page.getByTestId('snippet-python').click();
  await expect(page.getByTestId('snippet-text')).toContainText('import requests');
  await page.getByTestId('snippets').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}-03b-snippets.png` });
  await page.getByTestId('deploy-history').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}-03c-history.png` });
  await page.screenshot({ path: `${SHOTS}-03-rolled-back.png`, fullPage: true });
});

test('where production is guarded, a canary waits for a manager, who approves it on the deployment page', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN, server.url);
  await openAdminPage(page, 'Users');
  const form = page.getByTestId('add-user-form');
  await form.getByLabel('Email').fill(MANAGER.email);
  await form.getByLabel('Name').fill(MANAGER.name);
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByLabel('Initial password').fill(MANAGER.password);
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByTestId(`user-${MANAGER.email}`)).toBeVisible();
  await trpcMutate(page.request, server.url, 'registry.saveSettings', { projectId: 'sample', productionApproval: true });
  await page.getByTestId('sign-out').click();

  // The analyst asks for v2 as a 25% canary; nothing changes until someone approves.
  await signIn(page, ANALYST);
  const [endpoint] = (await trpcQuery(page.request, server.url, 'deployments.list', {})) as { id: string }[];
  const asked = await trpcMutate(page.request, server.url, 'deployments.deploy', { endpointId: endpoint.id, version: 2, mode: 'canary', canaryPercent: 25 });
  expect(asked.state).toBe('pending');
  await page.goto(`${server.url}/deployments/${endpoint.id}`);
  await expect(page.getByTestId('deploy-requests')).toContainText('Ana Analyst asks to send 25% of requests to v2 as a canary');
  await expect(page.getByTestId('live-canary')).toHaveCount(0);
  await page.getByTestId('sign-out').click();

  // The manager approves it from the same page.
  await signIn(page, MANAGER);
  await page.goto(`${server.url}/deployments/${endpoint.id}`);
  await expect(page.getByTestId('deploy-requests')).toBeVisible();
  // A viewer decides; changing the endpoint itself is not theirs to do.
  await expect(page.getByTestId('rollback')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}-04-approval.png`, fullPage: true });
  await page.getByTestId('deploy-requests').getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('live-canary')).toContainText('canary v2 · 25%');
  await expect(page.getByTestId('live-primary')).toContainText('primary v1 · 75%');
  await expect(page.getByTestId('deploy-requests')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}-05-approved.png`, fullPage: true });
});
