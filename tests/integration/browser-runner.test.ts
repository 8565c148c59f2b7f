// The browser runner's contract with the server, on the real production server: the same code the
// Web Worker runs (components/runner/browser-execute.ts) drives runs from this process, with the
// session cookie instead of a browser's cookie jar. Checks shared versioning (the browser's outputs
// are the server's cache hits and the other way round), mixed plans, refusals, and that a tab that
// goes away leaves a resumable 'interrupted' run, never one "running" forever.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunStatus } from '../../engine/plan';
import { memoryArtifactCache } from '../../components/runner/artifact-cache';
import { executeInBrowser } from '../../components/runner/browser-execute';
import type { BrowserRunTicket } from '../../components/runner/runner-protocol';
import { createServerLink } from '../../components/runner/server-link';
import { createRegistry } from '../../nodes/registry';
import { HttpClient } from './helpers/trpc-http';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';

let server: ServerHandle;
let admin: HttpClient;
const wasmPath = path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep;
const cache = memoryArtifactCache(512 * 2 ** 20);

beforeAll(async () => {
  // A short heartbeat timeout, so the "tab went quiet" case is seen within the test.
  server = await startServer({ env: { PIPEWORKS_BROWSER_TIMEOUT_S: '3' } });
  admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Tess', email: 'tess@example.com', password: 'correct horse battery' }));
});

afterAll(async () => {
  if (server) await stopServer(server);
});

async function fraudPipeline(name: string, placement: 'auto' | 'browser' | 'server') {
  const { pipelineId } = HttpClient.data(await admin.mutate('pipeline.create', { projectId: 'sample', name, template: 'fraud-detection' }));
  const { doc } = HttpClient.data(await admin.query('pipeline.get', { id: pipelineId }));
  HttpClient.data(await admin.savePipeline({ projectId: 'sample', doc: { ...doc, settings: { placement } } }));
  return pipelineId as string;
}

/** The build this process has: the same sources the server was built from. */
const BUILD = createRegistry().build!.registryHash;

function driveInThisProcess(ticket: BrowserRunTicket, registry = createRegistry({ testNodes: true })): Promise<RunStatus> {
  const controller = new AbortController();
  return executeInBrowser(ticket, {
    link: createServerLink(server.url, ticket.runId, ticket.token, registry.build?.registryHash, { cookie: admin.cookie, origin: server.url }),
    cache,
    registry,
    backends: ['wasm', 'cpu'],
    wasmPath,
    signal: controller.signal,
    onStop: () => controller.abort(),
    heartbeatMs: 1000,
  });
}

async function settled(runId: string, states = ['succeeded', 'failed', 'cancelled', 'interrupted']) {
  for (let i = 0; i < 600; i++) {
    const run = HttpClient.data(await admin.query('run.get', { id: runId }));
    if (states.includes(run.status)) return run;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Run ${runId} did not settle in 2 minutes`);
}

const byStep = (run: any) => Object.fromEntries(run.steps.map((s: any) => [s.stepId, s]));

/** Browser results are shared once the server has re-computed them (issue 22): wait for that. */
async function verified(runId: string, stepIds: string[]) {
  for (let i = 0; i < 600; i++) {
    const run = HttpClient.data(await admin.query('run.get', { id: runId }));
    if (stepIds.every((id) => byStep(run)[id].trust === 'verified')) return run;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Steps ${stepIds.join(', ')} of run ${runId} were not verified in 2 minutes`);
}

describe('the browser runner against the server', () => {
  let browserRun: any;

  it('runs the fraud template with placement browser: every step recorded as the browser runner, outputs verified', async () => {
    const pipelineId = await fraudPipeline('Fraud in the browser', 'browser');
    const started = HttpClient.data(await admin.mutate('run.start', { pipelineId, browser: { webgpu: 'none' } }));
    expect(started.browser.plan.steps.map((s: any) => s.placement)).toEqual(['browser', 'browser', 'browser', 'browser', 'browser']);
    expect(await driveInThisProcess({ runId: started.runId, token: started.browser.token, plan: started.browser.plan, completed: [] })).toBe('succeeded');
    browserRun = await settled(started.runId);
    expect(browserRun.status).toBe('succeeded');
    for (const step of browserRun.steps) {
      expect(step).toMatchObject({ status: 'succeeded', runner: 'browser:web-worker' });
    }
    expect(byStep(browserRun).train.backend).toBe('wasm');
    // The browser's reported steps are indexed like the server's: metrics and params as rows.
    const record = HttpClient.data(await admin.query('run.record', { id: started.runId }));
    const metric = (key: string) => record.metrics.find((m: any) => m.key === key)?.value;
    expect(metric('evaluate.roc_auc')).toBeGreaterThan(0.8);
    expect(metric('train.loss')).toBeGreaterThan(0);
    expect(record.params).toContainEqual({ stepId: 'split', key: 'split.stratifyBy', value: 'is_fraud' });
  });

  it('gives the same hashes on the server, which reuses the browser outputs as cache hits', async () => {
    const pipelineId = browserRun.pipelineId;
    await verified(browserRun.id, ['ingest', 'validate', 'split']);
    const { runId } = HttpClient.data(await admin.mutate('run.start', { pipelineId }));
    const serverRun = await settled(runId);
    expect(serverRun.status).toBe('succeeded');
    const b = byStep(browserRun);
    const s = byStep(serverRun);
    for (const id of ['ingest', 'validate', 'split']) {
      expect(s[id].status).toBe('cached');
      expect(s[id].cachedFromRunId).toBe(browserRun.id);
      expect(s[id].outputs).toEqual(b[id].outputs);
    }
    // The MLP is not deterministic across backends, so it trains again; its AUC must agree.
    expect(s.train.runner).toBe('server:worker-thread');
    const auc = async (run: any) => {
      const res = await fetch(`${server.url}/api/artifacts/${byStep(run).evaluate.outputs.metrics.id}`, { headers: { cookie: admin.cookie } });
      return (await res.json()).metrics.roc_auc as number;
    };
    expect(Math.abs((await auc(browserRun)) - (await auc(serverRun)))).toBeLessThan(0.01);
  });

  it('and the other way round: a server run first makes the browser run a cache hit', async () => {
    const pipelineId = await fraudPipeline('Fraud server first', 'server');
    // A different seed from the other pipelines, so nothing is cached yet.
    const { doc } = HttpClient.data(await admin.query('pipeline.get', { id: pipelineId }));
    doc.nodes.find((n: any) => n.id === 'ingest').params.seed = 7;
    HttpClient.data(await admin.savePipeline({ projectId: 'sample', doc }));
    const first = await settled(HttpClient.data(await admin.mutate('run.start', { pipelineId })).runId);
    expect(first.status).toBe('succeeded');
    doc.settings = { placement: 'browser' };
    HttpClient.data(await admin.savePipeline({ projectId: 'sample', doc }));
    const started = HttpClient.data(await admin.mutate('run.start', { pipelineId, browser: { webgpu: 'none' } }));
    await driveInThisProcess({ runId: started.runId, token: started.browser.token, plan: started.browser.plan, completed: [] });
    const second = byStep(await settled(started.runId));
    for (const id of ['ingest', 'validate', 'split']) expect(second[id]).toMatchObject({ status: 'cached', cachedFromRunId: first.id });
  });

  it('reads bundled sample data in the browser too, with the same hashes as the server', async () => {
    const { pipelineId } = HttpClient.data(await admin.mutate('pipeline.create', { projectId: 'sample', name: 'Churn both ways', template: 'customer-churn' }));
    const { doc } = HttpClient.data(await admin.query('pipeline.get', { id: pipelineId }));
    HttpClient.data(await admin.savePipeline({ projectId: 'sample', doc: { ...doc, settings: { placement: 'browser' } } }));
    const started = HttpClient.data(await admin.mutate('run.start', { pipelineId, browser: { webgpu: 'none' } }));
    expect(await driveInThisProcess({ runId: started.runId, token: started.browser.token, plan: started.browser.plan, completed: [] })).toBe('succeeded');
    await settled(started.runId);
    const inBrowser = await verified(started.runId, ['ingest']);
    HttpClient.data(await admin.savePipeline({ projectId: 'sample', doc: { ...doc, settings: { placement: 'server' } } }));
    const onServer = await settled(HttpClient.data(await admin.mutate('run.start', { pipelineId })).runId);
    const ingest = inBrowser.steps[0];
    expect(ingest).toMatchObject({ nodeType: 'ingest/sample-dataset', status: 'succeeded', runner: 'browser:web-worker' });
    expect(onServer.steps[0]).toMatchObject({ status: 'cached', cachedFromRunId: inBrowser.id, outputs: ingest.outputs });
  });

  it('runs a mixed plan: auto places only the training in a browser measured faster, the server runs the rest on request', async () => {
    const pipelineId = await fraudPipeline('Fraud mixed', 'auto');
    // Speeds as a browser's probe reports them: one far faster than any server, one far slower.
    const fast = { webgpu: 'hardware', speeds: [{ backend: 'webgpu', stepMs: 0.001, macNs: 0, setupMs: 0 }] };
    const slow = { webgpu: 'software', speeds: [{ backend: 'webgpu', stepMs: 500, macNs: 0, setupMs: 5000 }] };
    const preview = HttpClient.data(await admin.query('run.preview', { pipelineId, browser: fast }));
    expect(preview.steps.map((s: any) => s.placement)).toEqual(['server', 'server', 'server', 'browser', 'server']);
    expect(preview.steps[3].placementReason).toMatch(/^Runs in the browser: about .* in this browser \(webgpu\) against about .* on the server \(wasm\)$/);
    // The server measured itself for real: its estimate is a positive time on its wasm backend.
    expect(preview.steps[3].estimate.server).toMatchObject({ backend: 'wasm', seconds: expect.any(Number) });
    expect(preview.steps[3].estimate.server.seconds).toBeGreaterThan(0);
    const software = HttpClient.data(await admin.query('run.preview', { pipelineId, browser: slow }));
    expect(software.steps[3]).toMatchObject({ placement: 'server', placementReason: expect.stringMatching(/on the server \(wasm\) against about .* in this browser/) });
    const unmeasured = HttpClient.data(await admin.query('run.preview', { pipelineId, browser: { webgpu: 'hardware' } }));
    expect(unmeasured.steps[3]).toMatchObject({ placement: 'server', placementReason: expect.stringMatching(/training speed has not been measured/) });
    const bogus = await admin.query('run.preview', { pipelineId, browser: { webgpu: 'hardware', speeds: [{ backend: 'metal', stepMs: 1, macNs: 0, setupMs: 0 }] } });
    expect(bogus.status).toBe(400);

    const started = HttpClient.data(await admin.mutate('run.start', { pipelineId, browser: fast }));
    const status = await driveInThisProcess({ runId: started.runId, token: started.browser.token, plan: started.browser.plan, completed: [] });
    const run = byStep(await settled(started.runId));
    expect(Object.values(run).filter((s: any) => s.errorMessage).map((s: any) => `${s.stepId}: ${s.errorMessage}`)).toEqual([]);
    expect(status).toBe('succeeded');
    expect(run.train.runner).toBe('browser:web-worker');
    expect(run.evaluate).toMatchObject({ status: 'succeeded', runner: 'server:worker-thread' });
  });

  it('refuses a wrong token, an unknown step and an output the server does not hold, naming each', async () => {
    const pipelineId = await fraudPipeline('Fraud refusals', 'browser');
    const { runId, browser } = HttpClient.data(await admin.mutate('run.start', { pipelineId, browser: { webgpu: 'none' } }));
    const wrong = await admin.mutate('runner.report', { runId, token: 'x'.repeat(32), events: [] });
    expect(wrong.status).toBe(400);
    expect(HttpClient.error(wrong).message).toMatch(/no longer driven by this tab/);
    const unknown = await admin.mutate('runner.report', { runId, token: browser.token, build: BUILD, events: [{ type: 'step_started', stepId: 'nope', at: 1 }] });
    expect(HttpClient.error(unknown).message).toMatch(/Step "nope" is not in this run's plan/);
    const fake = { table: { id: 'f'.repeat(64), kind: 'table', size: 10 } };
    const missing = await admin.mutate('runner.report', {
      runId,
      token: browser.token,
      build: BUILD,
      events: [{ type: 'step_finished', stepId: 'ingest', status: 'succeeded', startedAt: 1, finishedAt: 2, outputs: fake }],
    });
    expect(missing.status).toBe(400);
    expect(HttpClient.error(missing).message).toMatch(/Step "ingest" output "table": artifact ffffffffffff… is not on the server/);
    HttpClient.data(await admin.mutate('run.cancel', { id: runId }));
    expect(HttpClient.data(await admin.mutate('runner.report', { runId, token: browser.token, build: BUILD, events: [] }))).toEqual({ stop: true });
  });

  it('tells a tab with another build to reload before it runs a step, and the run record says why', async () => {
    const pipelineId = await fraudPipeline('Fraud in a stale tab', 'browser');
    const started = HttpClient.data(await admin.mutate('run.start', { pipelineId, browser: { webgpu: 'none' } }));
    expect(started.browser.plan.build.registryHash).toBe(BUILD);
    // A tab loaded before the server was upgraded: its split code is not the server's.
    const stale = createRegistry({ testNodes: true, implementationHashes: { 'split/random@1': 'c'.repeat(64) } });
    const ticket = { runId: started.runId, token: started.browser.token, plan: started.browser.plan, completed: [] };
    await expect(driveInThisProcess(ticket, stale)).rejects.toThrow(/Reload this page, then run again/);
    const run = await settled(started.runId);
    expect(run).toMatchObject({ status: 'failed', errorCode: 'stale_build' });
    expect(run.errorMessage).toMatch(/Reload this page.*different build of Pipeworks.*No step ran in this tab/s);
    for (const step of run.steps) expect(step).toMatchObject({ status: 'cancelled', errorCode: 'stale_build', runner: null, outputs: null });

    // The server refuses such a tab's reports however it gets there, outputs included.
    const second = HttpClient.data(await admin.mutate('run.start', { pipelineId, browser: { webgpu: 'none' } }));
    const claim = await admin.mutate('runner.report', {
      runId: second.runId,
      token: second.browser.token,
      build: stale.build!.registryHash,
      events: [{ type: 'step_started', stepId: 'ingest', at: 1 }],
    });
    expect(claim.status).toBe(400);
    expect(HttpClient.error(claim).message).toMatch(/Reload this page/);
    const refused = await settled(second.runId);
    expect(refused).toMatchObject({ status: 'failed', errorCode: 'stale_build' });
    expect(byStep(refused).ingest).toMatchObject({ status: 'cancelled', startedAt: null });
    // A tab from before build checks names no build: refused the same way.
    const third = HttpClient.data(await admin.mutate('run.start', { pipelineId, browser: { webgpu: 'none' } }));
    const legacy = await admin.mutate('runner.lookupCache', { runId: third.runId, token: third.browser.token, stepId: 'ingest' });
    expect(HttpClient.error(legacy).message).toMatch(/Reload this page/);
  });

  it('marks a run interrupted when its tab leaves, or goes quiet, and resumes it on the server from the last finished step', async () => {
    const pipelineId = await fraudPipeline('Fraud interrupted', 'browser');
    const { runId, browser } = HttpClient.data(await admin.mutate('run.start', { pipelineId, browser: { webgpu: 'none' } }));
    // The tab finishes nothing and leaves (pagehide sends runner.leave).
    HttpClient.data(await admin.mutate('runner.leave', { runId, token: browser.token }));
    const left = await settled(runId);
    expect(left).toMatchObject({ status: 'interrupted', errorCode: 'interrupted' });
    expect(left.errorMessage).toMatch(/closed or reloaded/);

    // Resume in a browser: a new token; the old one is refused from now on.
    const again = HttpClient.data(await admin.mutate('runner.resume', { runId, where: 'browser' }));
    expect(again.where).toBe('browser');
    expect((await admin.mutate('runner.report', { runId, token: browser.token, events: [] })).status).toBe(400);
    // This "tab" goes quiet without a word: the heartbeat timeout (3 s here) marks it interrupted.
    const quiet = await settled(runId, ['interrupted']);
    expect(quiet.errorMessage).toMatch(/went quiet/);

    const resumed = HttpClient.data(await admin.mutate('runner.resume', { runId, where: 'server' }));
    expect(resumed).toEqual({ runId, where: 'server' });
    const done = await settled(runId, ['succeeded', 'failed', 'cancelled']);
    expect(done.status).toBe('succeeded');
    expect(done.steps.every((s: any) => s.runner === 'server:worker-thread')).toBe(true);
    const refused = await admin.mutate('runner.resume', { runId, where: 'server' });
    expect(HttpClient.error(refused).message).toMatch(/only an interrupted run can be resumed/);
  });
});
