// What the webhook tests share: a local HTTP receiver that records every request, a fresh studio
// database per test on either database (the monitored endpoint 'ep' of the monitoring test kit, an
// admin and a scientist), and a rule on 'ep' that posts to a webhook.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { driftSettingsSchema } from '../../../nodes/monitor/drift/drift-thresholds';
import { alertsRouter } from '../../../server/api/routers/alerts';
import { webhooksRouter } from '../../../server/api/routers/webhooks';
import { testContext } from '../../../server/api/test-context';
import { createCallerFactory, createTRPCRouter } from '../../../server/api/trpc';
import { createUser, type PublicUser } from '../../../server/auth/users';
import { first } from '../../../server/db/any-db';
import { saveMonitorSettings } from '../../../server/monitoring/monitor-settings';
import { seedMonitoredEndpoint } from '../../../server/monitoring/test-kit';
import { openFreshTestDb, type FreshTestDb } from './fresh-test-db';

export const callerFor = createCallerFactory(createTRPCRouter({ webhooks: webhooksRouter, alerts: alertsRouter }));

export interface Received {
  url: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  port: number;
  /** Every request since the test began, in order. */
  received: Received[];
  origin: () => string;
}

/** Starts the receiver for the file's tests; `answer` replies to each request once its body is in. */
export function useReceiver(answer: (req: IncomingMessage, res: ServerResponse) => void): Receiver {
  const receiver: Receiver = { port: 0, received: [], origin: () => `http://127.0.0.1:${receiver.port}` };
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        receiver.received.push({ url: req.url ?? '', method: req.method ?? '', headers: req.headers, body });
        answer(req, res);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    receiver.port = (server.address() as AddressInfo).port;
  });
  beforeEach(() => {
    receiver.received.length = 0;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  return receiver;
}

export interface Studio {
  t: FreshTestDb;
  admin: PublicUser;
  scientist: PublicUser;
  /** The webhooks and alerts routers as that person calls them. */
  caller: (who: 'admin' | 'scientist') => ReturnType<typeof callerFor>;
}

/** A fresh database for each test, filled in before the test's own beforeEach runs. */
export function useStudio(): Studio {
  const studio = { caller: (who) => callerFor(testContext(studio.t, studio[who])) } as Studio;
  beforeEach(async () => {
    studio.t = await openFreshTestDb();
    process.env.PIPEWORKS_DATA_DIR = studio.t.dir;
    await seedMonitoredEndpoint(studio.t.anyDb);
    studio.admin = await createUser(studio.t.anyDb, { email: 'a@example.com', name: 'Ada', role: 'admin', password: 'long enough password' });
    studio.scientist = await createUser(studio.t.anyDb, { email: 's@example.com', name: 'Sam', role: 'scientist', password: 'long enough password' });
  });
  afterEach(() => studio.t.cleanup());
  return studio;
}

/** The scientist's rule `psi(x) > 0.2` on 'ep', posting to the webhook, judged on windows of 50 predictions; the deployed version's id, to log predictions for. */
export async function ruleToWebhook({ t, caller }: Studio, webhookId: string): Promise<string> {
  await caller('scientist').alerts.rules.create({ endpointId: 'ep', name: 'x moved', webhookId, rule: { text: 'psi(x) > 0.2' } });
  await saveMonitorSettings(t.anyDb, { endpointId: 'ep', windowKind: 'predictions', windowSize: 50, checkIntervalMinutes: null, thresholds: driftSettingsSchema.parse({}) }, null);
  return first(await t.anyDb.select({ versionId: t.anyDb.t.deployments.versionId }).from(t.anyDb.t.deployments).limit(1))!.versionId;
}

/** The post carries the HMAC of its exact body under the webhook's secret. */
export function expectSigned(post: Received, secret: string): void {
  expect(post.headers['x-pipeworks-signature']).toBe(`sha256=${createHmac('sha256', secret).update(post.body).digest('hex')}`);
}
