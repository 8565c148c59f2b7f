// The model registry through the UI: a scientist's run of a pipeline over an uploaded dataset is
// registered from the train node's panel, and the version's lineage graph reaches that dataset
// version; then a manager (viewer) approves moving @production and the audit log shows it. This
// spec starts its own server with its own data directory.
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { datasetClassifier } from '../integration/helpers/registry-pipeline';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';
import { createAdmin, signIn } from './accounts';
import { openAdminPage } from './admin-menu';
import { savePipeline, trpcMutate } from './trpc';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const MANAGER = { name: 'Mia Manager', email: 'mia@example.com', password: 'manager password 1' };
const SAMPLE = fileURLToPath(new URL('../../nodes/ingest/samples/breast-cancer.csv', import.meta.url));
const STEPS = ['ingest', 'split', 'train', 'evaluate'];
let server: ServerHandle;
let versionUrl = '';

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('a model version registered from a run has a lineage graph that reaches the dataset version', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  await page.getByRole('link', { name: 'Datasets' }).click();
  await page.getByTestId('dataset-file-input').setInputFiles(SAMPLE);
  await page.getByLabel('Dataset name').fill('cancer');
  await page.getByTestId('upload-button').click();
  // The first upload starts the parsing worker thread, which takes a few seconds on its own.
  await expect(page.getByTestId('upload-success')).toContainText('Imported cancer version 1', { timeout: 20_000 });
  await savePipeline(page.request, server.url, { projectId: 'sample', doc: datasetClassifier({ dataset: 'cancer' }) });

  await page.goto(`${server.url}/pipelines/cancer-registry`);
  await page.getByTestId('run-button').click();
  for (const id of STEPS) await expect(page.getByTestId(`node-status-${id}`)).toHaveText('succeeded', { timeout: 90_000 });
  await page.getByTestId('node-train').click();
  await page.getByTestId('register-model').click();
  await page.getByTestId('register-name').fill('cancer-screen');
  await page.screenshot({ path: 'test-results/registry-01-register.png' });
  await page.getByTestId('register-submit').click();
  const registered = page.getByTestId('registered-version');
  await expect(registered).toContainText('Registered as cancer-screen v1');

  await registered.getByRole('link').click();
  await expect(page.getByTestId('version-page')).toBeVisible();
  versionUrl = page.url();
  await expect(page.getByTestId('version-metric-roc_auc')).toContainText(/0\.9\d/);
  await expect(page.getByTestId('version-signature')).toContainText('30 input columns');
  await expect(page.getByTestId('version-data')).toContainText('cancer v1 (breast-cancer.csv)');
  const graph = page.getByTestId('lineage-graph');
  await expect(graph.getByTestId('lineage-dataset-cancer-v1')).toBeVisible();
  await expect(graph.getByTestId('lineage-dataset-cancer-v1')).toContainText('breast-cancer.csv');
  await expect(graph.getByTestId('lineage-pipeline-cancer-registry')).toContainText('Cancer screen v1');
  await expect(graph.getByTestId('lineage-model-cancer-screen-v1')).toBeVisible();
  await graph.getByTestId('lineage-step-split').click();
  // The step's code is its implementation hash (issue 21), with the Pipeworks version beside it.
  await expect(page.getByTestId('lineage-step-detail')).toContainText(/Code\s*[0-9a-f]{64}/);
  await expect(page.getByTestId('lineage-step-detail')).toContainText(/Pipeworks\s*\d+\.\d+\.\d+/);
  await expect(page.getByTestId('lineage-param-stratifyBy')).toHaveText('diagnosis');
  await page.screenshot({ path: 'test-results/registry-02-version-lineage.png', fullPage: true });

  // Forward from the dataset version: the run that read it and the version registered from it.
  await graph.getByTestId('lineage-dataset-cancer-v1').getByRole('link', { name: /what uses it/ }).click();
  await expect(page.getByTestId('dataset-lineage-page')).toBeVisible();
  await expect(page.getByTestId('lineage-graph').getByTestId('lineage-model-cancer-screen-v1')).toBeVisible();
  await page.screenshot({ path: 'test-results/registry-03-dataset-lineage.png' });
});

test('a manager approves moving production, and the audit log shows who approved what', async ({ page, browser }) => {
  await signIn(page, ADMIN, server.url);
  await trpcMutate(page.request, server.url, 'user.add', { ...MANAGER, role: 'viewer' });
  await page.getByRole('link', { name: 'Models' }).click();
  await page.getByTestId('registry-project').selectOption('sample');
  // The box mounts disabled while the project's setting loads; on a busy machine a click can land as
  // it re-renders, so check until it holds (check() does nothing once it is checked).
  const approvalBox = page.getByTestId('production-approval');
  await expect(async () => {
    await expect(approvalBox).toBeEnabled();
    await approvalBox.check({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('approval-setting')).toContainText('waits until a viewer (manager) or an admin');
  await page.screenshot({ path: 'test-results/registry-04-models.png' });

  await page.goto(versionUrl);
  await page.getByTestId('alias-name').fill('production');
  await page.getByTestId('alias-comment').fill('Best AUC so far');
  await expect(page.getByTestId('alias-submit')).toHaveText('Ask for approval');
  await page.getByTestId('alias-submit').click();
  await expect(page.getByTestId('alias-outcome')).toContainText('Asked for approval: @production → v1');

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, MANAGER, server.url);
  await manager.getByRole('link', { name: 'Models' }).click();
  const request = manager.getByTestId('request-cancer-screen');
  await expect(request).toContainText('Ada Admin asks to move @production of cancer-screen to v1');
  await expect(request).toContainText('Best AUC so far');
  await request.getByTestId('decision-comment').fill('Signed off for Q3');
  await manager.screenshot({ path: 'test-results/registry-05-approval.png' });
  await request.getByTestId('approve-request').click();
  await expect(manager.getByTestId('pending-approvals')).toHaveCount(0);
  await expect(manager.getByTestId('model-cancer-screen').getByTestId('alias-production')).toBeVisible();
  await managerContext.close();

  await openAdminPage(page, 'Audit log');
  await page.getByTestId('audit-filter').selectOption('model.alias');
  const approval = page.getByTestId('audit-model.alias.approve');
  await expect(approval).toContainText('Mia Manager');
  await expect(approval).toContainText('Signed off for Q3');
  await expect(approval).toContainText('to v1');
  await expect(page.getByTestId('audit-model.alias.request')).toContainText('Best AUC so far');
  await page.screenshot({ path: 'test-results/registry-06-audit.png' });
});
