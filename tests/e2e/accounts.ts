// Signing in through the UI, shared by every spec. Both forms are refilled until the values stick:
// a fill that lands before React has hydrated the page can be reset, which made single fills flaky.
import { expect, type Page } from '@playwright/test';

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** On a fresh install's sign-in page: creates the administrator through the setup form. */
export async function createAdmin(page: Page, baseUrl: string, admin: Person): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId('setup-form')).toBeVisible();
  await expect(async () => {
    await page.getByLabel('Name').fill(admin.name);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByLabel('Confirm password').fill(admin.password);
    await expect(page.getByLabel('Name')).toHaveValue(admin.name, { timeout: 500 });
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await expect(page.getByTestId('current-user')).toContainText(admin.name, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

/** Signs in from the sign-in page (goes there first when `baseUrl` is given). */
export async function signIn(page: Page, who: Pick<Person, 'email' | 'password'>, baseUrl?: string): Promise<void> {
  if (baseUrl !== undefined) await page.goto(`${baseUrl}/`);
  await expect(page).toHaveURL(/\/login/);
  await expect(async () => {
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password', { exact: true }).fill(who.password);
    await expect(page.getByLabel('Email')).toHaveValue(who.email, { timeout: 500 });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}
