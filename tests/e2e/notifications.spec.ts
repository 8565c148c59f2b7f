// The header's notification bell: the unread count, the list with each alert's text and link,
// "Mark all read", and "Show older" after a full page. The notifications are written as the alert evaluator writes them
// (notifyProjectReaders); opening alerts from checks is covered in tests/integration/monitor-alerts.
import { expect, test } from '@playwright/test';
import { notifyProjectReaders } from '../../server/alerts/notifications';
import { openDatabase } from '../../server/db/client';
import { NOTIFICATION_PAGE } from '../../components/shell/notification-cursor';
import { createAdmin, signIn } from './accounts';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

const ADMIN = { name: 'Nora Admin', email: 'nora@example.com', password: 'correct horse battery' };
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('the bell counts unread alerts, lists them, and marks them read', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  const bell = page.getByTestId('notification-bell');
  await expect(bell.getByRole('button', { name: 'Notifications' })).toBeVisible();
  await expect(bell.getByTestId('unread-count')).toHaveCount(0);

  const opened = openDatabase(server.dataDir);
  try {
    const now = Date.now();
    await notifyProjectReaders(opened.anyDb, { kind: 'alert', title: 'Amount drift on card-fraud', body: 'psi(amount) = 0.41 > 0.2 for 2 windows (rule: psi(amount) > 0.2 for 2 windows)', link: '/deployments' }, now - 120_000);
    await notifyProjectReaders(opened.anyDb, { kind: 'alert', title: 'Critical: AUC fell on card-fraud', body: 'roc_auc = 0.71 < 0.8 (rule: roc_auc < 0.8)', link: '/deployments' }, now);
  } finally {
    opened.sqlite.close();
  }
  await page.reload();
  await expect(bell.getByTestId('unread-count')).toHaveText('2');
  await bell.getByRole('button', { name: 'Notifications: 2 unread' }).click();
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  await expect(panel.getByTestId('notification')).toHaveCount(2);
  await expect(panel.getByTestId('notification').first()).toContainText('Critical: AUC fell on card-fraud');
  await expect(panel.getByTestId('notification').first()).toContainText('roc_auc = 0.71 < 0.8');
  await page.screenshot({ path: 'test-results/notification-bell.png' });

  await panel.getByRole('button', { name: 'Mark all read' }).click();
  await expect(bell.getByTestId('unread-count')).toHaveCount(0);
  await expect(panel.getByLabel('unread')).toHaveCount(0);

  // A notification's link opens its page.
  await panel.getByTestId('notification').first().click();
  await expect(page).toHaveURL(/\/deployments$/);
});

test('after a full page the bell shows older notifications on asking, in order', async ({ page }) => {
  // Twenty-five more, an hour older than the two above, one a second.
  const OLDER = 25;
  const opened = openDatabase(server.dataDir);
  try {
    const hourAgo = Date.now() - 3_600_000;
    for (let i = 1; i <= OLDER; i++) await notifyProjectReaders(opened.anyDb, { kind: 'alert', title: `Older alert ${i}`, body: '', link: '/deployments' }, hourAgo - i * 1000);
  } finally {
    opened.sqlite.close();
  }
  await signIn(page, ADMIN, server.url);
  const bell = page.getByTestId('notification-bell');
  await bell.getByRole('button', { name: /^Notifications/ }).click();
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  const items = panel.getByTestId('notification');
  await expect(items).toHaveCount(NOTIFICATION_PAGE);
  const older = panel.getByTestId('notifications-older');
  await older.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/notification-bell-full-page.png' });
  await older.click();
  await expect(items).toHaveCount(2 + OLDER);
  const titles = await items.locator('span.text-sm').allTextContents();
  expect(titles).toEqual(['Critical: AUC fell on card-fraud', 'Amount drift on card-fraud', ...Array.from({ length: OLDER }, (_, i) => `Older alert ${i + 1}`)]);
  await expect(older).toHaveCount(0);
  await items.nth(NOTIFICATION_PAGE).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/notification-bell-older.png' });
});
