// The canvas bar of issue #4, driven through the UI only: an analyst signs in, builds the fraud
// pipeline from an empty canvas by dragging nodes from the palette and connecting their ports,
// picks the target from the column picker, runs it, opens the ROC curve, changes one train param,
// sees the plan preview mark only train and evaluate as "will run", runs again and finds both runs
// in the history. Invalid connections are refused while dragging, with the reason on screen.
// This spec starts its own server with its own data directory.
import { expect, test, type Page } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
import { openAdminPage } from './admin-menu';
import { connect, dragWire } from './canvas-wires';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const ANALYST = { name: 'Ana Analyst', email: 'ana@example.com', password: 'analyst horse battery' };
const SHOTS = 'test-results/analyst-fraud';

// The palette names new nodes after their type: train/logistic-regression → "logistic-regression".
const NODES = [
  { type: 'ingest/synthetic-fraud', id: 'synthetic-fraud' },
  { type: 'clean/missing-values', id: 'missing-values' },
  { type: 'split/random', id: 'random' },
  { type: 'train/logistic-regression', id: 'logistic-regression' },
  { type: 'evaluate/model', id: 'model' },
] as const;

let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

async function selectNode(page: Page, id: string) {
  await page.getByTestId(`node-${id}`).locator('.truncate').first().click();
  await expect(page.getByTestId('selected-node-details')).toBeVisible();
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toContainText(/Saved/, { timeout: 20_000 });
}

test('an analyst builds, runs and tunes the fraud pipeline on an empty canvas', async ({ page }) => {
  test.setTimeout(300_000);

  // The administrator sets up the install and adds the analyst; then the analyst signs in.
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

  // A blank pipeline from the project page.
  await page.getByTestId('project-sample').click();
  await page.getByTestId('new-pipeline-button').click();
  await page.getByTestId('template-card-blank').click();
  await page.getByLabel('Name').fill('Fraud from scratch');
  await page.getByTestId('template-create').click();
  await expect(page).toHaveURL(/\/pipelines\/fraud-from-scratch$/);
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}-01-empty.png` });

  // Drag the five nodes from the palette onto the canvas, on two rows.
  const pane = page.locator('.react-flow__pane');
  const spots = [
    { x: 40, y: 40 },
    { x: 330, y: 40 },
    { x: 40, y: 250 },
    { x: 330, y: 250 },
    { x: 180, y: 460 },
  ];
  for (const [i, node] of NODES.entries()) {
    await page.getByTestId(`palette-item-${node.type}`).dragTo(pane, { targetPosition: spots[i] });
    await expect(page.getByTestId(`node-${node.id}`)).toBeVisible();
  }
  await expect(page.getByTestId('empty-canvas')).toHaveCount(0);
  // Fit everything in view so every port can be reached.
  await pane.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('f');
  await page.waitForTimeout(500);

  await connect(page, ['synthetic-fraud', 'table'], ['missing-values', 'table']);
  await connect(page, ['missing-values', 'table'], ['random', 'table']);
  await connect(page, ['random', 'train'], ['logistic-regression', 'train']);
  await connect(page, ['logistic-regression', 'model'], ['model', 'model']);
  await connect(page, ['random', 'test'], ['model', 'table']);
  await page.screenshot({ path: `${SHOTS}-02-wired.png` });

  // Invalid connections are refused while dragging, with the reason on screen, and add no edge.
  const edges = page.locator('.react-flow__edge');
  await dragWire(page, ['logistic-regression', 'model'], ['model', 'table'], false);
  await expect(page.getByTestId('connection-refusal')).toContainText(/model.*table/i);
  await page.screenshot({ path: `${SHOTS}-03-refused-kind.png` });
  await page.mouse.up();
  await dragWire(page, ['synthetic-fraud', 'table'], ['random', 'table'], false);
  await expect(page.getByTestId('connection-refusal')).toContainText(/already has a connection/i);
  await page.mouse.up();
  await expect(edges).toHaveCount(5);

  // The target comes from a picker holding the real upstream columns.
  await selectNode(page, 'logistic-regression');
  const target = page.getByTestId('param-target');
  await expect(target.locator('option', { hasText: 'is_fraud' })).toHaveCount(1);
  await target.selectOption('is_fraud');
  await selectNode(page, 'random');
  await page.getByTestId('param-stratifyBy').selectOption('is_fraud');
  await waitSaved(page);
  await page.screenshot({ path: `${SHOTS}-04-target-picked.png` });

  // Run it: every node succeeds, and nothing on the canvas or in the header moves while it runs.
  const boxes = async () => {
    const ids = [...NODES.map((n) => `node-${n.id}`), 'run-button', 'preview-button', 'save-status'];
    return Promise.all(ids.map(async (id) => ({ id, box: await page.getByTestId(id).boundingBox() })));
  };
  const before = await boxes();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId(`node-status-${NODES[3].id}`)).toHaveText(/queued|running/, { timeout: 60_000 });
  const during = await boxes();
  for (const node of NODES) await expect(page.getByTestId(`node-status-${node.id}`)).toHaveText('succeeded', { timeout: 120_000 });
  await expect(page.getByTestId('run-status')).toHaveText('succeeded');
  expect(during).toEqual(before);
  expect(await boxes()).toEqual(before);

  // The evaluation's ROC curve.
  await selectNode(page, 'model');
  await expect(page.getByTestId('roc-curve')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('roc-curve').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}-05-roc.png` });

  // A click on an output port previews that output: the split's test table.
  await page.getByTestId('port-random-out-test').click();
  await expect(page.getByTestId('output-test')).toBeVisible();
  await expect(page.getByTestId('table-preview')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('table-row-count')).toContainText(/^5,000 rows × 10 columns/);
  await page.screenshot({ path: `${SHOTS}-05b-port-preview.png` });

  // One train param changes: only train and evaluate will run.
  await selectNode(page, 'logistic-regression');
  // The node has run: its panel opens on its results; its params are the other tab.
  await expect(page.getByTestId('node-results')).toBeVisible();
  await page.getByTestId('node-tab-params').click();
  await page.getByTestId('param-C').fill('0.5');
  await waitSaved(page);
  await page.getByTestId('preview-button').click();
  await expect(page.getByTestId('plan-preview')).toBeVisible();
  // The plan comes at once, whatever this fresh browser has measured; the wait covers a loaded machine.
  await expect(page.getByTestId('plan-summary')).toContainText('reused from cache', { timeout: 30_000 });
  for (const id of ['logistic-regression', 'model']) await expect(page.getByTestId(`plan-step-${id}`)).toContainText('will run');
  await expect(page.getByTestId('plan-step-logistic-regression')).toContainText('params changed');
  for (const id of ['synthetic-fraud', 'missing-values', 'random']) {
    await expect(page.getByTestId(`plan-step-${id}`)).toContainText('cached');
    await expect(page.getByTestId(`plan-step-${id}`)).not.toContainText('will run');
  }
  await expect(page.getByTestId('plan-summary')).toContainText('2 steps will run');
  await page.screenshot({ path: `${SHOTS}-06-plan-preview.png` });
  await page.getByTestId('plan-preview-run').click();
  for (const id of ['logistic-regression', 'model']) await expect(page.getByTestId(`node-status-${id}`)).toHaveText('succeeded', { timeout: 120_000 });
  for (const id of ['synthetic-fraud', 'missing-values', 'random']) await expect(page.getByTestId(`node-status-${id}`)).toHaveText('cached');

  // Both runs are in the history.
  await page.getByRole('tab', { name: 'Runs' }).click();
  await expect(page.getByTestId('run-history').locator('[data-testid^="run-"]')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}-07-history.png` });
});
