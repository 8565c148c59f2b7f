// The admin's "treat upgrades as cache-compatible": off on a fresh install, changed on the
// Settings page, kept across a reload. This spec starts its own server with its own data
// directory: the shared one must stay fresh for studio.spec's first-visit setup.
import { expect, test } from '@playwright/test';
import { createAdmin } from './accounts';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

const ADMIN = { name: 'Cass Admin', email: 'cass@example.com', password: 'correct horse battery' };

test('an admin turns on cache-compatible upgrades and the setting holds', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  await page.goto(`${server.url}/settings`);
  const section = page.getByTestId('cache-settings');
  const box = section.getByRole('checkbox', { name: /Treat upgrades as cache-compatible/ });
  await expect(box).toBeEnabled();
  await expect(box).not.toBeChecked();
  // The box is controlled by the saved setting, so it changes once the server has it.
  await box.click();
  await expect(box).toBeChecked();
  await expect(box).toBeEnabled();
  await page.reload();
  await expect(box).toBeChecked();
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/cache-settings.png', fullPage: true });
  await box.click();
  await expect(box).not.toBeChecked();
  await page.reload();
  await expect(box).not.toBeChecked();
});
