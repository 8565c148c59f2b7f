// Retrain triggers on the deployment page: an editor adds a schedule that saves the labelled
// traffic, is told in words when the cron is wrong, turns it off, with its next UTC time; then an
// alert trigger that follows one chosen rule of the endpoint.
import { expect, test } from '@playwright/test';
import { openDatabase } from '../../server/db/client';
import { seedSampleProject } from '../../server/pipelines/seed';
import { createEndpoint, deploy, fraudModel, registerModel } from '../../server/serving/test-kit';
import { newDataDir, startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';
import { createAdmin, signIn } from './accounts';
import { seedRetrainChain } from './retrain-chain-seed';

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const SHOTS = 'test-results/retrain-triggers';

let server: ServerHandle;
let endpointId: string;
let chain: Awaited<ReturnType<typeof seedRetrainChain>>;

test.beforeAll(async () => {
  const dataDir = newDataDir();
  const opened = openDatabase(dataDir);
  await seedSampleProject(opened.anyDb);
  const db = opened.anyDb;
  const version = await registerModel(db, dataDir, fraudModel(0), 'fraud', 'sample');
  endpointId = await createEndpoint(db, 'fraud-live', version.modelId, { projectId: 'sample' });
  await deploy(db, endpointId, version.versionId);
  // A rule as the monitoring page's form writes it (tested there), for an alert trigger to follow.
  await db.insert(db.t.alertRules).values({ id: 'rule-amount', endpointId, name: 'Amounts drifted', metric: 'psi', feature: 'amount', operator: '>', threshold: 0.2, forWindows: 2, createdAt: 1, updatedAt: 1 });
  chain = await seedRetrainChain(db, dataDir, version);
  opened.sqlite.close();
  server = await startServer({ dataDir, env: { PIPEWORKS_SCHEDULER_TICK_S: '0' } });
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('an admin adds a retrain schedule, sees a bad cron refused in words, and turns it off', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  await page.goto(`${server.url}/deployments/${endpointId}`);
  await expect(page.getByRole('link', { name: 'monitoring and alert rules' })).toHaveAttribute('href', '/monitoring/fraud-live');
  const section = page.getByTestId('retrain-triggers');
  await expect(section).toContainText('No triggers');
  await section.getByTestId('trigger-add').click();
  await section.getByTestId('trigger-pipeline').selectOption('card-fraud');
  await section.getByTestId('trigger-cron').fill('0 25 * * *');
  await section.getByTestId('trigger-save').click();
  await expect(section).toContainText('Cron hour field "25": 25 is outside 0–23');
  await section.getByTestId('trigger-cron').fill('0 3 * * mon-fri');
  await section.getByTestId('trigger-traffic').fill('fraud-traffic');
  await section.getByTestId('trigger-save').click();
  await expect(section.getByTestId('trigger-form')).toHaveCount(0);
  await expect(section).toContainText('Schedule 0 3 * * mon-fri (UTC)');
  await expect(section).toContainText('on labelled traffic saved as fraud-traffic');
  await expect(section).toContainText(/next \d{4}-\d{2}-\d{2} 03:00 UTC/);
  await expect(section).toContainText('Not fired yet.');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/trigger-added.png`, fullPage: true });
  await section.getByTestId('trigger-toggle').click();
  await expect(section).toContainText('off');
  await expect(section.getByTestId('trigger-toggle')).toHaveText('Turn on');

  await section.getByTestId('trigger-add').click();
  await section.getByTestId('trigger-pipeline').selectOption('card-fraud');
  await section.getByTestId('trigger-kind').selectOption('alert');
  await expect(section.getByTestId('trigger-rule').locator('option')).toHaveText(['Any rule of this endpoint', 'Amounts drifted: psi(amount) > 0.2 for 2 windows']);
  await section.getByTestId('trigger-rule').selectOption('rule-amount');
  await page.screenshot({ path: `${SHOTS}/alert-trigger-form.png`, fullPage: true });
  await section.getByTestId('trigger-save').click();
  await expect(section.getByTestId('trigger-alert')).toContainText('Alert of rule "Amounts drifted" (psi(amount) > 0.2 for 2 windows)');
  await section.getByTestId('trigger-alert').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/alert-trigger-added.png`, fullPage: true });
});

test("a retrained version's page draws its retrain chain, each card linking to its page", async ({ page }) => {
  await signIn(page, ADMIN, server.url);
  await page.goto(`${server.url}/models/${chain.modelId}/versions/2`);
  const canvas = page.getByTestId('retrain-chain');
  await expect(canvas.getByTestId('retrain-alert')).toContainText('Amounts moved');
  await expect(canvas.getByTestId('retrain-alert')).toContainText('psi(amount) = 0.41 > 0.2 for 2 windows');
  await expect(canvas.getByTestId('retrain-fire')).toBeVisible();
  await expect(canvas.getByTestId('retrain-run')).toContainText('Retrain run · alert');
  await expect(canvas.getByTestId('retrain-model-v2')).toContainText('This version');
  await expect(canvas.getByTestId('retrain-model-v1')).toBeVisible();
  await expect(canvas.getByTestId('retrain-challenge')).toContainText('promoted (automatic)');
  await expect(canvas.getByTestId('retrain-challenge-figures')).toHaveText('roc_auc v2 0.91 vs v1 0.84');
  await expect(canvas.getByTestId('retrain-deployment')).toContainText('fraud-retrain');
  await expect(canvas.getByTestId('retrain-run').getByRole('link')).toHaveAttribute('href', `/runs/${chain.runId}`);
  await expect(canvas.getByTestId('retrain-model-v1').getByRole('link')).toHaveAttribute('href', `/models/${chain.modelId}/versions/1`);
  await expect(canvas.getByTestId('retrain-deployment').getByRole('link')).toHaveAttribute('href', `/deployments/${chain.endpointId}`);
  await canvas.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/retrain-chain.png` });
  await canvas.getByTestId('retrain-alert').getByRole('link').click();
  await expect(page).toHaveURL(/\/monitoring\/fraud-retrain#alerts$/);
  await expect(page.getByTestId('alert-item').first()).toContainText('psi(amount) = 0.41 > 0.2 for 2 windows');
});
