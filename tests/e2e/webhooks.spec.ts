// The Webhooks page: an admin allows a local receiver's origin (private targets allowed), makes a
// project webhook whose secret shows once, and "Send test" reaches the receiver, signed. Without
// private targets the same test is refused in words and nothing reaches the receiver.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
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
  await page.screenshot({ path: 'test-results/webhooks-page.png', fullPage: true });
});
