// The header's Admin menu, shared by every spec that visits an admin page.
import { expect, type Page } from '@playwright/test';

export type AdminPage = 'Users' | 'Audit log' | 'Storage' | 'Workers';

/** Opens the Admin menu and follows one of its links. A click before React has hydrated the header does nothing, so it retries. */
export async function openAdminPage(page: Page, label: AdminPage): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const button = nav.getByRole('button', { name: 'Admin' });
  await expect(async () => {
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(nav.getByRole('link', { name: label })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await nav.getByRole('link', { name: label }).click();
}
