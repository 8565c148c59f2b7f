// Webhook posting against a real local HTTP server: signed alert posts reach it only through an
// allow-listed origin marked allowPrivate by an admin (it listens on loopback); without that, and
// after redirects to metadata or unlisted origins, posts are refused and recorded, and the
// connection goes to the address that was checked, whatever a second DNS answer would say.
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { recentAuditEvents } from '../../server/auth/audit';
import { runMonitorCheck } from '../../server/monitoring/run-check';
import { logPredictions, noServing } from '../../server/monitoring/test-kit';
import { postWebhook } from '../../server/webhooks/post-webhook';
import { expectSigned, ruleToWebhook, useReceiver, useStudio } from './helpers/webhook-fixtures';

const receiver = useReceiver((req, res) => {
  const to = (location: string) => res.writeHead(req.url === '/see-other' ? 303 : 307, { location }).end();
  if (req.url === '/hook') res.writeHead(200).end('ok');
  else if (req.url === '/see-other') to('/hook');
  else if (req.url === '/to-hook') to('/hook');
  else if (req.url === '/to-metadata') to('http://169.254.169.254/latest/meta-data/');
  else if (req.url === '/to-mapped') to(`http://[::ffff:7f00:1]:${receiver.port}/hook`);
  else if (req.url === '/loop') to('/loop');
  else res.writeHead(500).end();
});
const { received } = receiver;

const studio = useStudio();

const origin = receiver.origin;

async function hookTo(path: string, allowPrivate: boolean) {
  await studio.caller('admin').webhooks.allowlist.add({ origin: origin(), allowPrivate });
  return studio.caller('scientist').webhooks.create({ projectId: 'p1', name: 'ops', url: `${origin()}${path}` });
}

describe('webhooks', () => {
  it('posts alerts to an allow-listed private origin, signed with the secret shown once', async () => {
    const { webhook, secret } = await hookTo('/hook', true);
    expect(secret).toMatch(/^whsec_/);
    expect(await studio.caller('scientist').webhooks.list({ projectId: 'p1' })).toEqual([expect.not.objectContaining({ secret: expect.anything() })]);

    const versionId = await ruleToWebhook(studio, webhook.id);
    await logPredictions(studio.t.anyDb, versionId, 50, 2, Date.now());
    const result = await runMonitorCheck(studio.t.anyDb, 'ep', { trigger: 'manual', userId: null, dataDir: studio.t.dir, fetchStats: noServing });
    expect(result.alerts.opened).toHaveLength(1);
    expect(result.deliveries).toMatchObject([{ webhookId: webhook.id, alertId: result.alerts.opened[0].id, event: 'alert.opened', state: 'delivered', attempts: 1, status: 200, error: null }]);

    const [post] = received;
    expect(post).toMatchObject({ url: '/hook', method: 'POST' });
    expectSigned(post, secret);
    expect(post.headers['x-pipeworks-event']).toBe('alert.opened');
    const body = JSON.parse(post.body);
    expect(body).toMatchObject({ event: 'alert.opened', rule: { name: 'x moved', text: 'psi(x) > 0.2' }, endpoint: { id: 'ep', name: 'm-live' }, alert: { state: 'open' }, link: '/monitoring/m-live#alerts' });
  });

  it('refuses a loopback target unless an admin allowed private targets, and records why', async () => {
    const { webhook } = await hookTo('/hook', false);
    const delivery = await studio.caller('scientist').webhooks.test({ id: webhook.id });
    expect(delivery).toMatchObject({ status: null, error: `Refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address; an admin must allow private targets for ${origin()}`, state: 'failed', attempts: 1 });
    expect(received).toEqual([]);
    expect(await studio.t.anyDb.select().from(studio.t.anyDb.t.webhookDeliveries)).toHaveLength(1);
    expect((await recentAuditEvents(studio.t.anyDb)).map((e) => e.action)).toEqual(expect.arrayContaining(['webhook.allowlist.add', 'webhook.create', 'webhook.test']));
  });

  it('checks every redirect: same origin is followed, metadata and loops are refused', async () => {
    const allowlist = [{ origin: origin(), allowPrivate: true }];
    const post = (path: string) => postWebhook(`${origin()}${path}`, '{}', {}, { allowlist, resolve: async () => [] });
    expect(await post('/to-hook')).toEqual({ status: 200, error: null });
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /to-hook', 'POST /hook']);
    received.length = 0;
    expect(await post('/see-other')).toEqual({ status: 200, error: null });
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /see-other', 'GET /hook']);
    expect(await post('/to-metadata')).toEqual({
      status: null,
      error: 'Refused after a redirect to http://169.254.169.254/latest/meta-data/: http://169.254.169.254 is not on the webhook allow-list; an admin can add it',
      retryable: false,
    });
    // Even allow-listed with allowPrivate, a metadata address is never reached.
    const withMetadata = [...allowlist, { origin: 'http://169.254.169.254', allowPrivate: true }];
    expect((await postWebhook(`${origin()}/to-metadata`, '{}', {}, { allowlist: withMetadata, resolve: async () => [] })).error).toBe(
      'Refused after a redirect to http://169.254.169.254/latest/meta-data/: 169.254.169.254 resolves to 169.254.169.254, a cloud metadata address, which is never posted to',
    );
    expect((await post('/to-mapped')).error).toBe(`Refused after a redirect to http://[::ffff:7f00:1]:${receiver.port}/hook: http://[::ffff:7f00:1]:${receiver.port} is not on the webhook allow-list; an admin can add it`);
    expect(await post('/loop')).toEqual({ status: 307, error: 'More than 3 redirects; the last pointed to /loop', retryable: false });
  });

  it('connects to the address it checked, not to a second DNS answer', async () => {
    let lookups = 0;
    // The first answer is public; any later one would point at the loopback receiver.
    const rebinding = async () => (lookups++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
    const result = await postWebhook(`http://hooks.example.test:${receiver.port}/hook`, '{}', {}, { allowlist: [{ origin: `http://hooks.example.test:${receiver.port}`, allowPrivate: false }], resolve: rebinding, timeoutMs: 300 });
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/^http:\/\/hooks\.example\.test:\d+ did not answer/);
    expect(lookups).toBe(1);
    expect(received).toEqual([]);
    // And the checked address is the one connected to: a name only our resolver knows reaches the receiver.
    lookups = 0;
    const pinnedOnly = async () => (lookups++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.255.255.1', family: 4 }]);
    const reached = await postWebhook(`http://hooks.example.test:${receiver.port}/hook`, '{}', {}, { allowlist: [{ origin: `http://hooks.example.test:${receiver.port}`, allowPrivate: true }], resolve: pinnedOnly });
    expect(reached).toEqual({ status: 200, error: null });
    expect(lookups).toBe(1);
    expect(received.map((r) => r.headers.host)).toEqual([`hooks.example.test:${receiver.port}`]);
    received.length = 0;
    // A name that resolves to a private address among public ones is refused outright.
    const mixed = async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.7', family: 4 }];
    expect((await postWebhook('https://hooks.example.test/x', '{}', {}, { allowlist: [{ origin: 'https://hooks.example.test', allowPrivate: false }], resolve: mixed })).error).toBe(
      'Refused: hooks.example.test resolves to 10.0.0.7, a private address; an admin must allow private targets for https://hooks.example.test',
    );
  });

  it('refuses what cannot be a webhook, in words', async () => {
    const adminCaller = studio.caller('admin');
    const refusal = (p: Promise<unknown>) => p.catch((e: TRPCError) => `${e.code}: ${e.message}`);
    expect(await refusal(adminCaller.webhooks.allowlist.add({ origin: 'http://metadata.google.internal', allowPrivate: true }))).toBe(
      'BAD_REQUEST: metadata.google.internal is a cloud metadata service and can never be a webhook target',
    );
    expect(await refusal(adminCaller.webhooks.allowlist.add({ origin: 'https://hooks.slack.com/services', allowPrivate: false }))).toBe(
      'BAD_REQUEST: An allow-list entry is an origin only (https://hooks.slack.com), without a path, query or fragment',
    );
    expect(await refusal(studio.caller('scientist').webhooks.allowlist.add({ origin: 'https://x.example', allowPrivate: false }))).toMatch(/^FORBIDDEN/);
    expect(await refusal(studio.caller('scientist').webhooks.create({ projectId: 'p1', name: 'x', url: 'https://x.example/hook' }))).toBe(
      'BAD_REQUEST: https://x.example is not on the webhook allow-list; an admin can add it under Admin → Webhooks',
    );
    // A decimal host is the loopback address it spells.
    await adminCaller.webhooks.allowlist.add({ origin: origin(), allowPrivate: false });
    const spelled = await postWebhook(`http://2130706433:${receiver.port}/hook`, '{}', {}, { allowlist: [{ origin: origin(), allowPrivate: false }], resolve: async () => [] });
    expect(spelled.error).toBe(`Refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address; an admin must allow private targets for ${origin()}`);
  });
});
