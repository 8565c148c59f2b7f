// A first real path through the product, driven only through the UI, as each role would use it.
import { expect, test, type Page } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
import { openAdminPage } from './admin-menu';
import { trpcPost } from './trpc';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const VIEWER = { name: 'Vera Viewer', email: 'vera@example.com', password: 'viewer password 1' };
const STEPS = ['ingest', 'split', 'train-stats', 'test-stats'];

async function openSamplePipeline(page: Page) {
  await page.getByTestId('project-sample').click();
  await page.getByTestId('pipeline-breast-cancer-explore').click();
  await expect(page.getByTestId('pipeline-canvas')).toBeVisible();
}

test('the first visit creates the administrator, who runs the sample pipeline and inspects its outputs', async ({ page }) => {
  await createAdmin(page, '', ADMIN);

  await openSamplePipeline(page);
  for (const id of STEPS) await expect(page.getByTestId(`node-${id}`)).toBeVisible();
  await page.screenshot({ path: 'test-results/studio-01-pipeline.png' });

  await page.getByTestId('run-button').click();
  for (const id of STEPS) await expect(page.getByTestId(`node-status-${id}`)).toHaveText('succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('run-status')).toHaveText('succeeded');
  await page.screenshot({ path: 'test-results/studio-02-succeeded.png' });

  // The split's training side: a real table preview with the real row count.
  await page.getByTestId('node-split').click();
  await expect(page.getByTestId('selected-node-details')).toBeVisible();
  await page.getByTestId('output-train').click();
  await expect(page.getByTestId('artifact-preview')).toContainText('426');
  await expect(page.getByTestId('artifact-preview')).toContainText('mean_radius');

  // The profile of the training side.
  await page.getByTestId('node-train-stats').click();
  await expect(page.getByTestId('column-stats')).toContainText('diagnosis');
  await page.screenshot({ path: 'test-results/studio-03-column-stats.png' });

  // Running again reuses every step from the cache.
  await page.getByTestId('run-button').click();
  for (const id of STEPS) await expect(page.getByTestId(`node-status-${id}`)).toHaveText('cached', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Runs' }).click();
  await expect(page.getByTestId('run-history').locator('[data-testid^="run-"]')).toHaveCount(2);
});

test('the admin pages sit in one Admin menu that the keyboard opens and Escape or a click elsewhere closes', async ({ page }) => {
  await signIn(page, ADMIN, '');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const admin = nav.getByRole('button', { name: 'Admin' });
  await expect(admin).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Users' })).toBeHidden();
  // At 1280 px the whole row fits: Settings (everyone's) and the Admin button are fully on screen.
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeInViewport({ ratio: 1 });
  await expect(admin).toBeInViewport({ ratio: 1 });
  // A key pressed before React has hydrated the header does nothing, so retry.
  await expect(async () => {
    await admin.focus();
    await page.keyboard.press('Enter');
    await expect(admin).toHaveAttribute('aria-expanded', 'true', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  for (const label of ['Users', 'Audit log', 'Storage', 'Workers']) await expect(nav.getByRole('link', { name: label })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(nav.getByRole('link', { name: 'Users' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(nav.getByRole('link', { name: 'Workers' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(admin).toHaveAttribute('aria-expanded', 'false');
  await expect(admin).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Users' })).toBeHidden();

  await admin.click();
  await expect(admin).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: 'test-results/studio-admin-menu.png' });
  await page.getByRole('main').click({ position: { x: 5, y: 5 } });
  await expect(admin).toHaveAttribute('aria-expanded', 'false');

  await openAdminPage(page, 'Workers');
  await expect(page).toHaveURL(/\/admin\/workers$/);
  await expect(admin).toHaveAttribute('aria-expanded', 'false');
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login/);
});

test('the administrator adds a viewer, who can look but not run', async ({ page }) => {
  await signIn(page, ADMIN, '');
  await openAdminPage(page, 'Users');
  const form = page.getByTestId('add-user-form');
  await form.getByLabel('Email').fill(VIEWER.email);
  await form.getByLabel('Name').fill(VIEWER.name);
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByLabel('Initial password').fill(VIEWER.password);
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByTestId(`user-${VIEWER.email}`)).toBeVisible();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, VIEWER, '');
  await expect(page.getByRole('button', { name: 'Admin' })).toHaveCount(0);
  // A viewer's home is the portfolio dashboard (issue 19); the projects are one link away.
  await expect(page.getByRole('heading', { name: 'Portfolio' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
  // "New pipeline" is disabled for a role that cannot create one, and says why.
  await page.getByTestId('project-sample').click();
  await expect(page.getByTestId('pipeline-breast-cancer-explore')).toBeVisible();
  await expect(page.getByTestId('new-pipeline-button')).toBeDisabled();
  await expect(page.getByRole('tooltip', { name: /can view pipelines but not create them/ })).toHaveCount(1);
  await page.goto('/');
  await openSamplePipeline(page);
  await expect(page.getByTestId('run-button')).toBeDisabled();
  // Disabled controls say why, on hover and focus (a tooltip, not only a native title).
  await page.getByTestId('run-button').hover();
  await expect(page.getByRole('tooltip', { name: 'Your role (viewer) cannot run pipelines' })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Read only');
  await expect(page.getByTestId('save-status')).toHaveAttribute('title', 'Your role (viewer) cannot edit pipelines');
  // Nothing to add nodes with, and nodes cannot be dragged or wired.
  await expect(page.getByTestId('palette')).toHaveCount(0);
  await expect(page.locator('.react-flow__node.draggable')).toHaveCount(0);
  await expect(page.locator('.react-flow__handle.connectable')).toHaveCount(0);
  // The server refuses the same things when asked directly.
  const save = await trpcPost(page.request, '', 'pipeline.save', { projectId: 'sample', baseVersion: 1, doc: { schemaVersion: 1, id: 'breast-cancer-explore', name: 'x', nodes: [], edges: [] } });
  expect(save.status).toBe(403);
  const run = await trpcPost(page.request, '', 'run.start', { pipelineId: 'breast-cancer-explore' });
  expect(run.status).toBe(403);
  // What the viewer sees is the last run's results, read-only.
  await expect(page.getByTestId('node-status-ingest')).toHaveText(/succeeded|cached/);
  await page.screenshot({ path: 'test-results/studio-04-viewer.png' });
  await page.goto('/admin/users');
  await expect(page.getByTestId('forbidden')).toBeVisible();
});

test('a wrong password is explained inline', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Wrong email or password')).toBeVisible();
});

test('a person creates an API key in Settings, sees it once, and revokes it', async ({ page, request }) => {
  await signIn(page, ADMIN, '');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

  const form = page.getByTestId('api-key-form');
  await form.getByLabel('Key name').fill('CI on main');
  await form.getByRole('button', { name: 'Create key' }).click();
  const secret = page.getByTestId('api-key-secret');
  await expect(secret).toHaveValue(/^pw_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText('it will not be shown again')).toBeVisible();
  const key = await secret.inputValue();
  await expect(page.getByText(`curl -H "Authorization: Bearer ${key}"`)).toBeVisible();
  const row = page.getByTestId('api-key-list').locator('tr[data-testid^="api-key-"]', { hasText: 'CI on main' });
  await expect(row).toContainText(`${key.slice(0, 11)}…`);
  await expect(row).toContainText('Active');
  await page.screenshot({ path: 'test-results/studio-05-settings.png' });

  // The key works on its own, with no session cookie.
  const headers = { authorization: `Bearer ${key}` };
  expect((await request.get('/api/trpc/project.list', { headers })).status()).toBe(200);

  // Once gone from the screen, the secret cannot be seen again.
  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByTestId('api-key-secret')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(key);

  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.getByRole('button', { name: 'Confirm revoke' }).click();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button')).toHaveCount(0);
  expect((await request.get('/api/trpc/project.list', { headers })).status()).toBe(401);
});
