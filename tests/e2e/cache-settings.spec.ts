// The admin's "treat upgrades as cache-compatible": off on a fresh install, changed on the
// Settings page, kept across a reload, and read-only for everyone else.
import { expect, test } from '@playwright/test';
import { createAdmin } from './accounts';

const ADMIN = { name: 'Cass Admin', email: 'cass@example.com', password: 'correct horse battery' };

test('an admin turns on cache-compatible upgrades and the setting holds', async ({ page }) => {
  await createAdmin(page, '', ADMIN);
  await page.goto('/settings');
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
