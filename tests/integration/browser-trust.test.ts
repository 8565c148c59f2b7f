// Browser results the whole team can trust (issue 22), against the real production server with the
// browser runner's own code (components/runner/browser-execute.ts) driving runs from this process.
// A forged split reported by an analyst is never reused by someone else's server run, which runs
// split itself, finds the mismatch, quarantines the forgery and audits it naming the analyst; an
// honest browser run's deterministic steps are re-computed by the server and marked verified.
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryArtifactCache } from '../../components/runner/artifact-cache';
import { executeInBrowser } from '../../components/runner/browser-execute';
import type { BrowserRunTicket } from '../../components/runner/runner-protocol';
import { createServerLink } from '../../components/runner/server-link';
import type { NodeRegistry } from '../../engine/node-definition';
import { createRegistry } from '../../nodes/registry';
import { first } from '../../server/db/any-db';
import { openTestDbIn, testDatabaseKind } from '../../server/db/test-db';
import { createTestPgDatabase, type TestPgDatabase } from './helpers/postgres-available';
import { HttpClient } from './helpers/trpc-http';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';

const wasmPath = path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep;
const PASSWORD = 'correct horse battery';

/** The same node code as the server's, except that split hands back its whole input as train and test. */
function forgingRegistry(): NodeRegistry {
  const honest = createRegistry({ testNodes: true });
  return {
    ...honest,
    get: (type, version) => {
      const def = honest.get(type, version);
      if (type !== 'split/random' || !def) return def;
      return { ...def, run: async ({ inputs }) => ({ train: inputs.table, validation: inputs.table, test: inputs.table }) } as typeof def;
    },
  };
}

async function team(server: ServerHandle) {
  const admin = new HttpClient(server.url);
  const adminUser = HttpClient.data(await admin.mutate('auth.setup', { name: 'Tess', email: 'tess@example.com', password: PASSWORD }));
  const analystUser = HttpClient.data(await admin.mutate('user.add', { email: 'ann@example.com', name: 'Ann', role: 'analyst', password: PASSWORD }));
  const analyst = new HttpClient(server.url);
  HttpClient.data(await analyst.mutate('auth.login', { email: 'ann@example.com', password: PASSWORD }));
  return { admin, adminUser, analyst, analystUser };
}

async function browserPipeline(client: HttpClient, name: string): Promise<string> {
  const { pipelineId } = HttpClient.data(await client.mutate('pipeline.create', { projectId: 'sample', name, template: 'fraud-detection' }));
  const { doc } = HttpClient.data(await client.query('pipeline.get', { id: pipelineId }));
  HttpClient.data(await client.savePipeline({ projectId: 'sample', doc: { ...doc, settings: { placement: 'browser' } } }));
  return pipelineId;
}

async function runInBrowser(server: ServerHandle, client: HttpClient, pipelineId: string, registry: NodeRegistry) {
  const started = HttpClient.data(await client.mutate('run.start', { pipelineId, browser: { webgpu: 'none' } }));
  const ticket: BrowserRunTicket = { runId: started.runId, token: started.browser.token, plan: started.browser.plan, completed: [] };
  const controller = new AbortController();
  const status = await executeInBrowser(ticket, {
    link: createServerLink(server.url, ticket.runId, ticket.token, registry.build?.registryHash, { cookie: client.cookie, origin: server.url }),
    cache: memoryArtifactCache(256 * 2 ** 20),
    registry,
    backends: ['wasm', 'cpu'],
    wasmPath,
    signal: controller.signal,
    onStop: () => controller.abort(),
    heartbeatMs: 1000,
  });
  return { runId: started.runId as string, status };
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const getRun = (client: HttpClient, id: string) => client.query('run.get', { id }).then(HttpClient.data);
const settled = (client: HttpClient, id: string) => until(`run ${id}`, () => getRun(client, id), (run) => ['succeeded', 'failed', 'cancelled'].includes(run.status));
const byStep = (run: any) => Object.fromEntries(run.steps.map((s: any) => [s.stepId, s]));

describe('a forged browser result', () => {
  let server: ServerHandle;
  beforeAll(async () => {
    // No background re-computation here, so it is the later server run that finds the forgery.
    server = await startServer({ env: { PIPEWORKS_VERIFY_FULL_MB: '0', PIPEWORKS_VERIFY_SAMPLE: '0' } });
  });
  afterAll(async () => {
    if (server) await stopServer(server);
  });

  it('is not reused by another person’s server run, which runs split itself, quarantines the forgery and audits it naming the analyst', async () => {
    const { admin, adminUser, analyst, analystUser } = await team(server);
    const pipelineId = await browserPipeline(analyst, 'Fraud, forged split');
    const forged = await runInBrowser(server, analyst, pipelineId, forgingRegistry());
    expect(forged.status, JSON.stringify((await getRun(analyst, forged.runId)).steps.map((s: any) => [s.stepId, s.status, s.errorMessage]))).toBe('succeeded');
    const forgedSplit = byStep(await settled(analyst, forged.runId)).split;
    expect(forgedSplit).toMatchObject({ status: 'succeeded', runner: 'browser:web-worker', trust: 'unverified', ranBy: analystUser.id });
    expect(forgedSplit.outputs.train.id).toBe(forgedSplit.outputs.test.id);

    // The plan preview tells the admin why the analyst's split is not reused.
    const preview = HttpClient.data(await admin.query('run.preview', { pipelineId }));
    const previewSplit = preview.steps.find((s: any) => s.stepId === 'split');
    expect(previewSplit.decision).toBe('run');
    expect(previewSplit.reasons[0]).toMatch(/not reusing Ann’s unverified browser result: this project reuses only results the server ran or verified/);

    // The admin's server run: split runs on the server, with other outputs than the forgery.
    HttpClient.data(await admin.savePipeline({ projectId: 'sample', doc: { ...HttpClient.data(await admin.query('pipeline.get', { id: pipelineId })).doc, settings: { placement: 'server' } } }));
    const { runId } = HttpClient.data(await admin.mutate('run.start', { pipelineId }));
    const serverRun = byStep(await settled(admin, runId));
    expect(serverRun.split).toMatchObject({ status: 'succeeded', runner: 'server:worker-thread', trust: 'server', ranBy: adminUser.id, cachedFromRunId: null });
    expect(serverRun.split.outputs.train.id).not.toBe(forgedSplit.outputs.train.id);

    // It found the mismatch: the forged result is quarantined, its run flagged, downstream tainted.
    const after = await getRun(analyst, forged.runId);
    expect(byStep(after).split.trust).toBe('mismatch');
    expect(byStep(after).train.trust).toBe('tainted');
    expect(after.trustFlag).toMatch(/Step "Stratified split" ran in Ann \(ann@example.com\)'s browser and failed the server's verification/);
    const opened = openTestDbIn(server.dataDir);
    const { artifacts } = opened.anyDb.t;
    const quarantined = first(await opened.anyDb.select({ quarantinedAt: artifacts.quarantinedAt }).from(artifacts).where(eq(artifacts.id, forgedSplit.outputs.train.id)).limit(1));
    opened.close();
    expect(quarantined?.quarantinedAt).toBeGreaterThan(0);

    const audit = HttpClient.data(await admin.query('audit.list', { limit: 20, action: 'result.mismatch' }));
    expect(audit.events).toHaveLength(1);
    const event = audit.events[0];
    expect(event).toMatchObject({ userId: analystUser.id, targetType: 'run', targetId: forged.runId });
    expect(event.detail.ranBy).toMatchObject({ name: 'Ann', email: 'ann@example.com' });
    expect(event.detail.detectedBy).toEqual({ runId, userId: adminUser.id });
    expect(event.detail.outputs).toContainEqual({ output: 'train', browser: forgedSplit.outputs.train.id, server: serverRun.split.outputs.train.id });

    // The admins are alerted in the app; the analyst who forged it is not told.
    const adminNotes = HttpClient.data(await admin.query('notifications.list', {}));
    expect(adminNotes.filter((n: { kind: string }) => n.kind === 'result.mismatch')).toEqual([
      expect.objectContaining({ title: 'Browser result of "Stratified split" failed verification', link: `/runs/${forged.runId}` }),
    ]);
    expect(adminNotes.find((n: { kind: string }) => n.kind === 'result.mismatch').body).toContain('Ann (ann@example.com)');
    const analystNotes = HttpClient.data(await analyst.query('notifications.list', {}));
    expect(analystNotes.filter((n: { kind: string }) => n.kind === 'result.mismatch')).toHaveLength(0);

    // From now on split is a cache hit from the admin's server run, never from the forgery.
    const again = byStep(await settled(admin, HttpClient.data(await admin.mutate('run.start', { pipelineId })).runId));
    expect(again.split).toMatchObject({ status: 'cached', cachedFromRunId: runId, trust: 'server' });
  });
});

describe('an honest browser run', () => {
  let server: ServerHandle;
  // A team and caches of its own, as the new data directory gives it on SQLite: in the Postgres
  // pass the file's database already holds the forged run's team, results and audit events.
  let own: TestPgDatabase | undefined;
  beforeAll(async () => {
    if (testDatabaseKind() === 'postgres') own = await createTestPgDatabase();
    server = await startServer({ env: own ? { PIPEWORKS_DATABASE_URL: own.url } : {} });
  });
  afterAll(async () => {
    if (server) await stopServer(server);
    await own?.drop();
  });

  it('has its deterministic steps re-computed by the server with identical hashes and marked verified', async () => {
    const { admin, analyst, analystUser } = await team(server);
    const pipelineId = await browserPipeline(analyst, 'Fraud, honest');
    const honest = await runInBrowser(server, analyst, pipelineId, createRegistry({ testNodes: true }));
    expect(honest.status).toBe('succeeded');
    const run = await until('verification', () => getRun(analyst, honest.runId), (r) => ['ingest', 'validate', 'split'].every((id) => byStep(r)[id].trust === 'verified'));
    const steps = byStep(run);
    for (const id of ['ingest', 'validate', 'split']) expect(steps[id]).toMatchObject({ runner: 'browser:web-worker', ranBy: analystUser.id, trust: 'verified' });
    // Training is not deterministic: never re-computed, never a cache hit for anyone.
    expect(steps.train.trust).toBe('unverified');
    expect(run.trustFlag).toBeNull();

    // Verified results are shared: the admin's server run reuses them with the analyst's hashes.
    HttpClient.data(await admin.savePipeline({ projectId: 'sample', doc: { ...HttpClient.data(await admin.query('pipeline.get', { id: pipelineId })).doc, settings: { placement: 'server' } } }));
    const serverRun = byStep(await settled(admin, HttpClient.data(await admin.mutate('run.start', { pipelineId })).runId));
    for (const id of ['ingest', 'validate', 'split']) {
      expect(serverRun[id]).toMatchObject({ status: 'cached', cachedFromRunId: honest.runId, trust: 'verified', ranBy: analystUser.id, outputs: steps[id].outputs });
    }
    expect(serverRun.train).toMatchObject({ status: 'succeeded', runner: 'server:worker-thread' });
    const audit = HttpClient.data(await admin.query('audit.list', { limit: 20, action: 'result.mismatch' }));
    expect(audit.events).toHaveLength(0);
  });
});
