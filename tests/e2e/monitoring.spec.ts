// Issue 16's monitoring page, through the UI: a card-fraud model is deployed (seeded as the studio
// writes it), the drift simulator sends traffic like training and then drifted traffic through the
// real serving process, "Check now" records checks, and the page shows the drifted features
// flagged with their histograms, the trends, and the alert opened by the rule an editor wrote in
// the page's rule form (problems named beside their field; turned off, on, changed and deleted),
// in the timeline and in the bell, whose link leads back to the page's alerts.
import { expect, test } from '@playwright/test';
import { openDatabase } from '../../server/db/client';
import { seedCardFraudEndpoint } from '../../server/simulator/test-kit';
import { createAdmin, signIn } from './accounts';
import { openAdminPage } from './admin-menu';
import { newDataDir, startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';
import { startServing, stopServing, type ServingHandle } from '../integration/helpers/serving-process';
import { trpcMutate, trpcPost, trpcQuery } from './trpc';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const VIEWER = { name: 'Vic Viewer', email: 'vic@example.com', password: 'viewer horse battery' };
const SHOTS = 'test-results/monitoring';

let server: ServerHandle;
let serving: ServingHandle;
let endpointId: string;

test.beforeAll(async () => {
  const dataDir = newDataDir();
  const opened = openDatabase(dataDir);
  // Accepts unseen categories, so the simulator's new merchant categories reach the log as drift.
  ({ endpointId } = await seedCardFraudEndpoint(opened.anyDb, dataDir, 'card-fraud', { unseenCategories: 'accept' }));
  opened.sqlite.close();
  serving = await startServing({ dataDir });
  server = await startServer({ dataDir, env: { PIPEWORKS_SERVING_URL: serving.url } });
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  if (serving) await stopServing(serving);
});

test('drifted traffic shows as flagged features with histograms, trends and an alert', async ({ page }) => {
  test.setTimeout(300_000);
  await createAdmin(page, server.url, ADMIN);

  // Traffic like training, with labels, and a check of it: nothing is flagged.
  const baseline = await trpcMutate(page.request, server.url, 'simulator.run', { endpointId, requests: 40, rowsPerRequest: 5, rate: 100, labelDelayMs: 200, scenario: { seed: 11 } });
  expect(baseline).toMatchObject({ answered: 200, refused: 0, labels: { stored: 200, unknown: 0 } });
  await trpcMutate(page.request, server.url, 'monitoring.settings.save', {
    endpointId,
    windowKind: 'predictions',
    windowSize: 200,
    checkIntervalMinutes: null,
    thresholds: { thresholds: {}, features: {} },
  });
  const first = await trpcMutate(page.request, server.url, 'monitoring.check', { endpointId });
  expect(first.status).toBe('ok');

  // The monitoring list, from the nav.
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByTestId('monitor-row-card-fraud')).toContainText('no drift');
  await page.getByTestId('monitor-row-card-fraud').getByRole('link', { name: 'card-fraud' }).click();
  await expect(page).toHaveURL(/\/monitoring\/card-fraud$/);
  await expect(page.getByTestId('latest-check')).toContainText('no drift');

  // The rule, written in the page's form: what is wrong is said beside its field.
  const rules = page.getByTestId('alert-rules');
  await expect(rules).toContainText('No rules');
  await rules.getByTestId('rule-add').click();
  const form = rules.getByTestId('rule-form');
  await form.getByTestId('rule-save').click();
  await expect(form.getByTestId('rule-error-name')).toHaveText('Name: give the rule a name, e.g. "Amount drifted"');
  await form.getByTestId('rule-name').fill('Amounts drifted');
  await form.getByTestId('rule-save').click();
  await expect(form.getByTestId('rule-error-figure')).toHaveText('Figure: choose what the rule watches');
  // The picker offers the figures this endpoint has, with their values in the latest check.
  const amountPsi = form.getByTestId('rule-figure').locator('option', { hasText: /^PSI of amount — now / });
  await expect(amountPsi).toHaveCount(1);
  await expect(form.getByTestId('rule-figure').locator('optgroup[label="Serving health"] option', { hasText: 'Latency p99 (ms)' })).toHaveCount(1);
  await form.getByTestId('rule-figure').selectOption({ label: (await amountPsi.textContent()) ?? '' });
  await form.getByTestId('rule-threshold').fill('0,2');
  await form.getByTestId('rule-save').click();
  await expect(form.getByTestId('rule-error-threshold')).toHaveText('Threshold: "0,2" is not a number');
  await form.getByTestId('rule-threshold').fill('0.2');
  await expect(form.getByTestId('rule-preview')).toContainText(/Rule: psi\(amount\) > 0\.2 · now [\d.]+ in the latest check, which keeps it/);
  await form.getByTestId('rule-severity').selectOption('critical');
  await page.screenshot({ path: `${SHOTS}-00-rule-form.png`, fullPage: true });
  await form.getByTestId('rule-save').click();
  await expect(rules.getByTestId('rule-form')).toHaveCount(0);
  const ruleRow = rules.getByTestId('rule-row').filter({ hasText: 'Amounts drifted' });
  await expect(ruleRow.getByTestId('rule-text')).toHaveText('psi(amount) > 0.2');
  await expect(ruleRow).toContainText('critical');

  // A second rule on a model figure: turned off, changed, on again, then deleted.
  await rules.getByTestId('rule-add').click();
  await form.getByTestId('rule-name').fill('AUC fell');
  await form.getByTestId('rule-figure').selectOption({ label: (await form.getByTestId('rule-figure').locator('option', { hasText: /^ROC AUC/ }).textContent()) ?? '' });
  await form.getByTestId('rule-operator').selectOption('<');
  await form.getByTestId('rule-threshold').fill('0.8');
  await form.getByTestId('rule-windows').fill('0');
  await form.getByTestId('rule-save').click();
  await expect(form.getByTestId('rule-error-forWindows')).toHaveText('Windows: "0" must be a whole number from 1 to 100');
  await form.getByTestId('rule-windows').fill('2');
  await form.getByTestId('rule-save').click();
  const aucRow = rules.getByTestId('rule-row').filter({ hasText: 'AUC fell' });
  await expect(aucRow.getByTestId('rule-text')).toHaveText('roc_auc < 0.8 for 2 windows');
  await aucRow.getByTestId('rule-toggle').click();
  await expect(aucRow).toHaveAttribute('data-enabled', 'false');
  await aucRow.getByTestId('rule-edit').click();
  await expect(rules.getByTestId('rule-form').getByTestId('rule-enabled')).not.toBeChecked();
  await rules.getByTestId('rule-form').getByTestId('rule-threshold').fill('0.75');
  await rules.getByTestId('rule-form').getByTestId('rule-enabled').check();
  await rules.getByTestId('rule-form').getByTestId('rule-save').click();
  await expect(aucRow.getByTestId('rule-text')).toHaveText('roc_auc < 0.75 for 2 windows');
  await expect(aucRow).toHaveAttribute('data-enabled', 'true');
  await rules.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}-00-rules.png` });
  await aucRow.getByTestId('rule-delete').click();
  await rules.getByRole('group', { name: 'Delete' }).getByRole('button', { name: 'Delete' }).click();
  await expect(rules.getByTestId('rule-row')).toHaveCount(1);
  const stored = (await trpcQuery(page.request, server.url, 'alerts.rules.list', { endpointId })) as { text: string; severity: string; enabled: boolean }[];
  expect(stored).toEqual([expect.objectContaining({ text: 'psi(amount) > 0.2', severity: 'critical', enabled: true })]);

  // Drifted traffic from the page's simulator: amounts ×2.5, a quarter new merchant categories.
  const sim = page.getByTestId('simulate-drift');
  await sim.getByTestId('sim-requests').fill('200');
  await sim.getByTestId('sim-rate').fill('100');
  await sim.getByTestId('sim-drift').fill('0');
  await sim.getByTestId('sim-amountScale').fill('2.5');
  await sim.getByTestId('sim-newCategoryShare').fill('0.25');
  await sim.getByTestId('sim-labelDelayMs').fill('500');
  await sim.getByTestId('simulate-run').click();
  await expect(page.getByTestId('simulate-result')).toContainText('200 answered, 0 refused', { timeout: 60_000 });
  await page.getByTestId('check-now').click();
  await expect(page.getByTestId('latest-check')).toContainText('drift over 200 predictions', { timeout: 30_000 });

  // The drifted features are flagged, over time and in the histograms.
  await expect(page.getByTestId('flagged-amount')).toBeVisible();
  await expect(page.getByTestId('flagged-merchant_category')).toBeVisible();
  await expect(page.getByTestId('flagged-customer_age')).toHaveCount(0);
  await expect(page.getByTestId('drift-chart')).toHaveAttribute('aria-label', /flagged by the latest check: .*amount/);
  await page.getByTestId('drift-over-time').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}-02-drift.png` });
  await page.getByTestId('histogram-feature').selectOption('amount');
  await expect(page.getByTestId('histogram-amount')).toContainText('amount — flagged');
  await expect(page.getByTestId('histogram-amount').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.getByTestId('histogram-feature').selectOption('merchant_category');
  await expect(page.getByTestId('histogram-merchant_category')).toContainText('crypto_exchange');
  await page.getByTestId('histograms').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}-03-histogram.png` });

  // Trends: latency from the log, performance from the labels.
  await expect(page.getByTestId('trend-latency')).toBeVisible();
  await expect(page.getByTestId('trend-performance')).toBeVisible();
  await page.getByTestId('model-trends').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}-04-trends.png` });

  // The rule opened an alert; it is in the timeline, and an editor acknowledges it there.
  const alert = page.getByTestId('alert-item').first();
  await expect(alert).toContainText('psi(amount)', { timeout: 30_000 });
  await expect(alert).toHaveAttribute('data-state', 'open');
  await alert.getByTestId('alert-ack').click();
  await expect(alert).toHaveAttribute('data-state', 'acknowledged');
  await page.getByTestId('alert-timeline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}-05-alerts.png` });
  await page.screenshot({ path: `${SHOTS}-06-page.png`, fullPage: true });
  // The rule's row shows the figure breaking it now.
  await expect(ruleRow).toContainText(/now [\d.]+, breaking it/);

  // The bell has the alert; its link opens this page at the alert timeline.
  await page.goto(`${server.url}/monitoring`);
  await page.getByTestId('notification-bell').getByRole('button').first().click();
  const note = page.getByTestId('notification').filter({ hasText: 'Critical: Amounts drifted on card-fraud' });
  await expect(note).toBeVisible();
  await note.getByRole('link').click();
  await expect(page).toHaveURL(/\/monitoring\/card-fraud#alerts$/);
  await expect(page.getByTestId('latest-check')).toContainText('drift over 200 predictions');
  await expect(page.getByTestId('alert-item').first()).toBeInViewport();
  // Scrolled past the charts above to the timeline, once they were laid out.
  await expect(page.getByTestId('drift-over-time')).not.toBeInViewport();
  await page.screenshot({ path: `${SHOTS}-07-from-bell.png` });

  // The list counts what the latest check flagged and the alert not yet resolved.
  await page.getByRole('link', { name: 'Monitoring' }).first().click();
  const row = page.getByTestId('monitor-row-card-fraud');
  await expect(row).toContainText('drift');
  await expect(row.getByTestId('alert-count')).toHaveText('1');
  expect(parseInt(await row.getByTestId('flagged-count').innerText(), 10)).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: `${SHOTS}-01-list.png` });
  const overview = (await trpcQuery(page.request, server.url, 'monitorPage.overview', undefined)) as { flaggedFeatures: string[] }[];
  expect(overview[0].flaggedFeatures).toEqual(expect.arrayContaining(['amount', 'merchant_category']));
});

test('a viewer reads the page but gets no buttons, and the server refuses what they would do', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN, server.url);
  await openAdminPage(page, 'Users');
  const form = page.getByTestId('add-user-form');
  await form.getByLabel('Email').fill(VIEWER.email);
  await form.getByLabel('Name').fill(VIEWER.name);
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByLabel('Initial password').fill(VIEWER.password);
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByTestId(`user-${VIEWER.email}`)).toBeVisible();
  await page.getByTestId('sign-out').click();

  await signIn(page, VIEWER);
  await page.goto(`${server.url}/monitoring/card-fraud`);
  await expect(page.getByTestId('flagged-amount')).toBeVisible();
  await expect(page.getByTestId('alert-item').first()).toContainText('psi(amount)');
  await expect(page.getByTestId('check-now')).toHaveCount(0);
  await expect(page.getByTestId('simulate-drift')).toHaveCount(0);
  await expect(page.getByTestId('alert-resolve')).toHaveCount(0);
  await expect(page.getByTestId('rule-row')).toContainText('psi(amount) > 0.2');
  await expect(page.getByTestId('rule-add')).toHaveCount(0);
  await expect(page.getByTestId('rule-toggle')).toHaveCount(0);
  await expect(page.getByTestId('rule-delete')).toHaveCount(0);
  await expect(page.getByTestId('monitor-settings').getByLabel('Window size')).toBeDisabled();
  await expect(page.getByTestId('monitor-settings').getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  for (const [path, input] of [
    ['monitoring.check', { endpointId }],
    ['simulator.run', { endpointId, requests: 1 }],
    ['alerts.rules.create', { endpointId, name: 'mine', rule: { text: 'psi(amount) > 0.1' } }],
  ] as const) {
    const refused = await trpcPost(page.request, server.url, path, input);
    expect(refused.status, path).toBe(403);
  }
  const misspelt = await page.goto(`${server.url}/monitoring/card-fruad`);
  expect(misspelt?.status()).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: 'There is no endpoint' })).toContainText('did you mean "card-fraud"?');
});
