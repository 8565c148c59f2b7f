// Issue 19 as a manager (viewer): sign in and land on the portfolio, open the red model and read
// its reasons, approve a pending promotion, export the dashboard as a PDF whose text names the
// models; and throughout, no editing action is offered. Then, with more alerts than the monitoring
// page's first page, "Show older" brings the rest. Starts its own studio over seeded data.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, request, test } from '@playwright/test';
import { ALERT_PAGE } from '../../components/monitoring/alert-cursor';
import { seedAlert } from '../../server/dashboard/seed-kit';
import { signIn } from './accounts';
import { seedDashboard } from './dashboard-seed';
import { pdfText } from './pdf-text';
import { newDataDir, startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const MANAGER = { name: 'Max Manager', email: 'max@example.com', password: 'manager horse battery' };
const ANALYST = { name: 'Ana Analyst', email: 'ana@example.com', password: 'analyst horse battery' };
const SHOTS = 'test-results/dashboard';
const MODELS = ['card-fraud', 'churn-risk', 'loan-default'];
/** Pages scroll inside a column; for a whole-page screenshot, let them flow. */
const FLOW = '* { overflow: visible !important; } html, body, .h-screen { height: auto !important; } .min-h-0 { min-height: auto !important; }';

async function shot(page: import('@playwright/test').Page, name: string) {
  const style = await page.addStyleTag({ content: FLOW });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await style.evaluate((el) => (el as HTMLElement).remove());
}

let server: ServerHandle;

test.beforeAll(async () => {
  const dataDir = newDataDir();
  await seedDashboard(dataDir, { manager: MANAGER, analyst: ANALYST });
  server = await startServer({ dataDir });
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

/** No button or form that changes anything, other than the approval controls where allowed. */
async function expectNoEditing(page: import('@playwright/test').Page) {
  for (const name of ['Save KPI settings', 'Deploy', 'Roll back', 'Undeploy', 'New pipeline', 'New project', 'Run']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
}

test('a manager sees the portfolio, reads why a model is red, approves a promotion and exports a PDF', async ({ page }) => {
  await signIn(page, MANAGER, server.url);
  // A viewer's home is the portfolio.
  await expect(page).toHaveURL(/\/dashboard$/);
  const portfolio = page.getByTestId('portfolio');
  await expect(portfolio).toHaveAttribute('data-ready', 'yes');
  for (const name of MODELS) await expect(page.getByTestId(`card-${name}`)).toBeVisible();
  const red = page.getByTestId('card-card-fraud');
  await expect(red.getByTestId('health')).toHaveAttribute('data-health', 'red');
  await expect(page.getByTestId('card-churn-risk').getByText('1 waiting')).toBeVisible();
  await expectNoEditing(page);
  await shot(page, '1-portfolio');

  // The red model: its reasons in words, and its KPI charts.
  await red.getByRole('link', { name: 'card-fraud' }).click();
  const reasons = page.getByTestId('health-reasons');
  await expect(reasons).toContainText('Its predictions have drifted from training');
  await expect(reasons).toContainText('Open critical alert: psi(__prediction__) = 0.35 > 0.25 for 1 window');
  await expect(reasons).toContainText('Accuracy has decayed');
  await expect(page.getByTestId('business-summary')).toContainText('Cost of errors');
  await expect(page.getByTestId('chart-auc').getByRole('application')).toBeVisible();
  await expect(page.getByTestId('chart-value').getByRole('application')).toBeVisible();
  await expect(page.getByTestId('kpi-settings')).toContainText('A caught “1” is worth');
  await expectNoEditing(page);
  const csv = page.waitForEvent('download');
  await page.getByTestId('chart-volume').getByRole('button', { name: 'Download CSV' }).click();
  const file = await (await csv).path();
  expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('day (UTC),predictions (predictions per day)');
  await page.getByRole('button', { name: '7 days' }).click();
  await expect(page.getByTestId('chart-volume')).toContainText('in the last 7 days');
  await shot(page, '2-red-model');

  // Approve the pending promotion, with a comment.
  await page.goto(`${server.url}/dashboard/approvals`);
  const item = page.getByTestId('approval-churn-risk');
  await expect(item).toContainText('Serve v2 as the primary of churn-risk');
  await expect(item).toContainText('Metrics at training: champion v1, challenger v2');
  await expect(item).toContainText('On the same fresh holdout');
  await expect(item.getByRole('row', { name: /business\.net_value/ })).toContainText('14900');
  await shot(page, '3-approvals');
  await item.getByRole('textbox').fill('Better AUC; drift is fine');
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Nothing is waiting for approval')).toBeVisible();
  const sqlite = new Database(path.join(server.dataDir, 'pipeworks.db'), { readonly: true });
  try {
    expect(sqlite.prepare("SELECT state, decision_comment FROM deploy_requests WHERE id = 'req-churn-risk'").get()).toEqual({ state: 'approved', decision_comment: 'Better AUC; drift is fine' });
    expect(sqlite.prepare("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'deployment.approve' AND target_id = 'req-churn-risk'").get()).toEqual({ n: 1 });
  } finally {
    sqlite.close();
  }
  await page.goto(`${server.url}/dashboard`);
  await expect(page.getByTestId('card-churn-risk')).toContainText('v2, serving since');

  // Export the dashboard as a PDF rendered on the server from the real page.
  const response = await page.request.get(`${server.url}/api/dashboard/export?format=pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const pdf = await response.body();
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = await pdfText(pdf);
  for (const name of MODELS) expect(text).toContain(name);
  expect(text).toContain('Portfolio');
  const png = await page.request.get(`${server.url}/api/dashboard/export?format=png`);
  expect(png.headers()['content-type']).toBe('image/png');
  const { writeFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(`${SHOTS}/4-export.png`, await png.body());
  writeFileSync(`${SHOTS}/4-export.pdf`, pdf);

  // Without a session the export is refused, never rendered.
  const stranger = await request.newContext();
  expect((await stranger.get(`${server.url}/api/dashboard/export?format=pdf`, { maxRedirects: 0 })).status()).toBe(401);
  await stranger.dispose();
});

test('the viewer cannot save KPI settings through the API either', async ({ page }) => {
  await signIn(page, MANAGER, server.url);
  const res = await page.request.post(`${server.url}/api/trpc/dashboard.saveKpiSettings`, {
    headers: { 'content-type': 'application/json', origin: server.url },
    data: { json: { modelId: 'm-card-fraud', positiveLabel: '1', tpValue: 1, tpWeighted: false, fpCost: 1, fpWeighted: false, fnCost: 1, fnWeighted: false, valueColumn: null, threshold: 0.5, currency: 'USD' } },
  });
  expect(res.status()).toBe(403);
});

test("the monitoring page shows an endpoint's alerts a page at a time, older ones on asking", async ({ page }) => {
  // Thirty more alerts than the timeline's first page, one a minute, written as checks open them.
  const OLDER = 30;
  const now = Date.now();
  const sqlite = new Database(path.join(server.dataDir, 'pipeworks.db'));
  try {
    for (let i = 1; i <= ALERT_PAGE + OLDER; i++) seedAlert(sqlite, 'e-loan-default', 'warning', `latency alert ${i}`, now - i * 60_000);
  } finally {
    sqlite.close();
  }
  await signIn(page, MANAGER, server.url);
  await page.goto(`${server.url}/monitoring/loan-default`);
  const timeline = page.getByTestId('alert-timeline');
  const messages = timeline.getByTestId('alert-message');
  await expect(messages).toHaveCount(ALERT_PAGE);
  await expect(messages.last()).toHaveText(`latency alert ${ALERT_PAGE}`);
  const older = timeline.getByTestId('alerts-older');
  await older.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/5-alerts-first-page.png` });

  // While the next page loads the button is disabled; then the older alerts follow, in order, and
  // the short last page leaves nothing more to ask for.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/trpc\/[^?]*alerts\.list/, async (route) => {
    await held;
    await route.continue();
  });
  await older.click();
  await expect(older).toBeDisabled();
  await expect(older).toHaveText('Loading…');
  release();
  await expect(messages).toHaveCount(ALERT_PAGE + OLDER);
  expect(await messages.allTextContents()).toEqual(Array.from({ length: ALERT_PAGE + OLDER }, (_, i) => `latency alert ${i + 1}`));
  await expect(older).toHaveCount(0);
  await page.unroute(/\/api\/trpc\/[^?]*alerts\.list/);
  await messages.nth(ALERT_PAGE - 2).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/6-alerts-older-page.png` });
});
