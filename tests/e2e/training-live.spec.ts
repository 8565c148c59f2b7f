// Training live: while a neural network trains, its node shows "running" and the inspector draws
// the loss curve growing epoch by epoch; Cancel stops the run, and the node and the run say so.
// Its own server and data directory, like the other specs.
import { expect, test } from '@playwright/test';
import { createAdmin } from './accounts';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

const ADMIN = { name: 'Lena Loss', email: 'lena@example.com', password: 'correct horse battery' };
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

/** The epoch the loss curve's caption reports ("Training · epoch 412 · loss 0.08"). */
async function shownEpoch(page: import('@playwright/test').Page): Promise<number> {
  const caption = (await page.getByTestId('loss-curve').getAttribute('aria-label')) ?? '';
  const epoch = /latest: epoch ([\d,]+)/.exec(caption)?.[1];
  return epoch ? Number(epoch.replace(/,/g, '')) : NaN;
}

test('the loss curve streams while the network trains, and Cancel stops the run', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  await page.getByTestId('project-sample').click();
  await page.getByTestId('pipeline-breast-cancer-classifier').click();
  await expect(page.getByTestId('pipeline-canvas')).toBeVisible();

  // Long enough to watch: 10,000 epochs (the sample has no validation side, so no early stop).
  await page.getByTestId('node-mlp').click();
  await page.getByTestId('param-epochs').fill('10000');
  await expect(page.getByTestId('save-status')).toHaveText('Saved v2', { timeout: 15_000 });

  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('node-status-mlp')).toHaveText('running', { timeout: 60_000 });
  await expect(page.getByTestId('loss-curve')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('loss-curve')).toContainText('Training');
  const first = await shownEpoch(page);
  // Later snapshots carry more epochs: the curve grows while the step runs.
  await expect.poll(() => shownEpoch(page), { timeout: 30_000 }).toBeGreaterThan(first);
  await page.getByTestId('loss-curve').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/training-live-01-streaming.png' });

  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('cancelled', { timeout: 30_000 });
  await expect(page.getByTestId('node-status-mlp')).toHaveText('cancelled');
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await page.screenshot({ path: 'test-results/training-live-02-cancelled.png' });
});
