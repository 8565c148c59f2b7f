// The Webhooks page: an admin allows a local receiver's origin (private targets allowed), makes a
// project webhook whose secret shows once, and "Send test" reaches the receiver, signed. Without
// private targets the same test is refused in words and nothing reaches the receiver. A delivery
// left pending by a failed attempt is retried by the studio's loop, and the deliveries list shows it.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { openDatabase } from '../../server/db/client';
import { createAdmin } from './accounts';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

const ADMIN = { name: 'Wanda Admin', email: 'wanda@example.com', password: 'correct horse battery' };
let server: ServerHandle;
let receiver: Server;
let origin: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  await new Promise<void>((r) => receiver.close(() => r()));
});

test('an admin allows an origin, makes a webhook, and its signed test reaches the receiver', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Open webhooks' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();

  const origins = page.getByTestId('allowed-origins');
  await origins.getByLabel('Origin', { exact: true }).fill(`${origin}/hooks`);
  await origins.getByRole('button', { name: 'Allow origin' }).click();
  await expect(origins.getByRole('alert')).toHaveText(`An allow-list entry is an origin only (${origin}), without a path, query or fragment`);
  await origins.getByLabel('Origin', { exact: true }).fill(origin);
  await origins.getByRole('button', { name: 'Allow origin' }).click();
  await expect(origins.getByTestId('origin-row')).toContainText(origin);

  const hooks = page.getByTestId('project-webhooks');
  await hooks.getByLabel('Name', { exact: true }).fill('On-call');
  await hooks.getByLabel('URL', { exact: true }).fill(`${origin}/alerts`);
  await hooks.getByRole('button', { name: 'Add webhook' }).click();
  const secret = (await hooks.getByTestId('webhook-secret').locator('code').textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);

  // Loopback without "private targets": refused, and nothing is sent.
  await hooks.getByRole('button', { name: 'Send test' }).click();
  await expect(hooks.getByTestId('webhook-test-result')).toHaveText(`Refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address; an admin must allow private targets for ${origin}`);
  expect(received).toEqual([]);

  // Allowed again, with private targets.
  await origins.getByRole('button', { name: 'Remove' }).click();
  await origins.getByRole('button', { name: 'Delete' }).click();
  await expect(origins.getByTestId('origin-row')).toHaveCount(0);
  await origins.getByLabel('Origin', { exact: true }).fill(origin);
  await origins.getByLabel('Allow private targets').check();
  await origins.getByRole('button', { name: 'Allow origin' }).click();
  await expect(origins.getByTestId('origin-row')).toContainText('private targets allowed');

  await hooks.getByRole('button', { name: 'Send test' }).click();
  await expect(hooks.getByTestId('webhook-test-result')).toHaveText('Delivered: the receiver answered 204');
  expect(received).toHaveLength(1);
  expect(received[0].headers['x-pipeworks-signature']).toBe(`sha256=${createHmac('sha256', secret).update(received[0].body).digest('hex')}`);
  expect(JSON.parse(received[0].body)).toMatchObject({ event: 'ping' });

  // A delivery whose first attempt failed, as a check would have left it (written behind the UI):
  // the studio's retry loop sends it again, through the guard, and the list says so.
  const db = openDatabase(server.dataDir);
  const webhookId = (db.sqlite.prepare('SELECT id FROM webhooks').get() as { id: string }).id;
  const now = Date.now();
  db.sqlite
    .prepare(
      "INSERT INTO webhook_deliveries (id, webhook_id, alert_id, event, payload, state, attempts, max_attempts, next_attempt_at, created_at, at, status, error) VALUES ('d-retry', ?, NULL, 'alert.opened', ?, 'pending', 1, 5, ?, ?, ?, 503, ?)",
    )
    .run(webhookId, JSON.stringify({ event: 'alert.opened', delivery: 'd-retry' }), now, now - 30_000, now - 30_000, `${origin} answered 503`);
  db.sqlite.close();
  await hooks.getByTestId('webhook-deliveries-toggle').click();
  const retried = hooks.getByTestId('webhook-delivery').filter({ hasText: 'alert.opened' });
  await expect(retried).toHaveAttribute('data-state', 'delivered', { timeout: 30_000 });
  await expect(retried).toContainText('delivered after 2 attempts');
  expect(received.at(-1)?.headers).toMatchObject({ 'x-pipeworks-delivery': 'd-retry', 'x-pipeworks-attempt': '2', 'x-pipeworks-event': 'alert.opened' });
  await expect(hooks.getByTestId('webhook-delivery').filter({ hasText: 'ping' })).toHaveCount(2);
  await expect(hooks.getByTestId('webhook-delivery').filter({ hasText: 'failed after 1 attempt' })).toContainText('Refused: 127.0.0.1 resolves to 127.0.0.1');
  await page.screenshot({ path: 'test-results/webhooks-page.png', fullPage: true });
  await hooks.screenshot({ path: 'test-results/webhooks-deliveries.png' });
});

