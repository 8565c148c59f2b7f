// The deploy node in a real pipeline on the real runner and SQLite, then the deployment API through
// tRPC: a run registers the trained model and serves it; a gate that fails fails the step and
// changes nothing; a canary, a promote and a one-step rollback follow through the router.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineDoc } from '../../engine/document';
import { appRouter } from '../../server/api/root';
import { testContext } from '../../server/api/test-context';
import { createCallerFactory } from '../../server/api/trpc';
import { createUser } from '../../server/auth/users';
import { closeDb, getDb } from '../../server/db/client';
import { resetEnvForTests } from '../../server/env';
import { writeRegistrySettings } from '../../server/registry/registry-settings';
import { seedSampleProject } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { latestVersionNumber, saveVersion } from '../../server/pipelines/versions';
import { readRun } from '../../server/runners/read-run';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { datasetClassifier } from './helpers/registry-pipeline';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const callerFor = createCallerFactory(appRouter);
let caller: ReturnType<typeof callerFor>;
let manager: ReturnType<typeof callerFor>;
let adminId: string;

beforeAll(async () => {
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  // Nothing serves in this test: the stats fall back to the prediction log at once.
  process.env.PIPEWORKS_SERVING_URL = 'http://127.0.0.1:9';
  resetEnvForTests();
  const opened = getDb();
  await seedSampleProject(opened.anyDb);
  const analyst = await createUser(opened.anyDb, { email: 'ana@example.com', name: 'Ana', role: 'analyst', password: 'long enough password' });
  caller = callerFor(testContext(opened, analyst));
  const boss = await createUser(opened.anyDb, { email: 'max@example.com', name: 'Max', role: 'viewer', password: 'long enough password' });
  manager = callerFor(testContext(opened, boss));
  adminId = (await createUser(opened.anyDb, { email: 'ada@example.com', name: 'Ada', role: 'admin', password: 'long enough password' })).id;
});

afterAll(async () => {
  await closeRunManager();
  closeDb();
});

function deployPipeline(seed: number, deploy: Record<string, unknown>): PipelineDoc {
  const doc = datasetClassifier({ id: 'cancer-deploy', seed });
  doc.nodes.push({ id: 'deploy', type: 'deploy/endpoint', version: 1, params: { endpoint: 'cancer-screen', model: 'cancer', ...deploy }, position: { x: 800, y: 0 } });
  doc.edges.push(
    { id: 'e5', source: 'train', sourceHandle: 'model', target: 'deploy', targetHandle: 'model' },
    { id: 'e6', source: 'evaluate', sourceHandle: 'metrics', target: 'deploy', targetHandle: 'evaluation' },
  );
  return doc;
}

async function run(doc: PipelineDoc) {
  await saveVersion(getDb().anyDb, 'sample', doc, null, { baseVersion: await latestVersionNumber(getDb().anyDb, doc.id) });
  const { runId } = await startRun(getDb().anyDb, { pipelineId: doc.id, trigger: 'api', userId: null });
  await getRunManager().whenDone(runId);
  return (await readRun(getDb().anyDb, runId))!;
}

async function logsOf(runId: string): Promise<string> {
  const { anyDb: db } = getDb();
  const { stepLogs } = db.t;
  const rows = await db.select({ message: stepLogs.message }).from(stepLogs).where(and(eq(stepLogs.runId, runId), eq(stepLogs.stepId, 'deploy'))).orderBy(asc(stepLogs.id));
  return rows.map((l) => l.message).join('\n');
}

describe('deploy node', () => {
  let endpointId: string;

  it('registers the trained model, creates the endpoint and serves the version as primary', async () => {
    const result = await run(deployPipeline(0, { gates: [{ metric: 'roc_auc', op: '>=', value: 0.9 }] }));
    expect(result.status).toBe('succeeded');
    expect(await logsOf(result.id)).toMatch(/Registered the model as cancer v1[\s\S]*Gate roc_auc >= 0.9: passed[\s\S]*Deployed cancer v1 to "cancer-screen" as primary/);
    const [endpoint] = await caller.deployments.list({});
    endpointId = endpoint.id;
    expect(endpoint).toMatchObject({ name: 'cancer-screen', modelName: 'cancer', live: [{ role: 'primary', version: 1, trafficPercent: 100 }] });
    const { anyDb: db } = getDb();
    const aliases = await db.select({ modelId: db.t.modelAliases.modelId }).from(db.t.modelAliases).where(eq(db.t.modelAliases.alias, 'production'));
    expect(aliases).toEqual([{ modelId: endpoint.modelId }]);
  });

  it('fails the step when the new version does not beat the champion by the margin, and changes nothing', async () => {
    const result = await run(deployPipeline(1, { championMetric: 'roc_auc', championMargin: 0.5 }));
    expect(result.status).toBe('failed');
    const step = result.steps.find((s) => s.stepId === 'deploy')!;
    expect(step.errorMessage).toMatch(/Deploy gate failed: roc_auc .* vs champion v1's .*needed 0.5/);
    expect((await caller.deployments.get({ id: endpointId })).live.map((d) => d.version)).toEqual([1]);
  });

  it('adds a canary from a run, then promotes it and rolls back in one call each', async () => {
    const result = await run(deployPipeline(1, { mode: 'canary', canaryPercent: 20 }));
    expect(result.status).toBe('succeeded');
    const split = (await caller.deployments.get({ id: endpointId })).live.map((d) => [d.role, d.version, d.trafficPercent]).sort();
    expect(split).toEqual([['canary', 2, 20], ['primary', 1, 80]]);
    await caller.deployments.promote({ endpointId, role: 'canary' });
    expect((await caller.deployments.get({ id: endpointId })).live.map((d) => [d.role, d.version])).toEqual([['primary', 2]]);
    expect(await caller.deployments.rollback({ endpointId })).toMatchObject({ state: 'deployed', version: 1, from: 2 });
    const detail = await caller.deployments.get({ id: endpointId });
    expect(detail.live.map((d) => [d.role, d.version, d.reason])).toEqual([['primary', 1, 'rollback']]);
    expect(detail.signature?.inputs.length).toBeGreaterThan(5);
    expect(detail.history.map((d) => [d.role, d.version, d.reason])).toEqual([['primary', 1, 'rollback'], ['primary', 2, 'promote'], ['canary', 2, 'canary'], ['primary', 1, 'deploy']]);
  });

  it('shows a key once, keeps only its prefix, and reports stats from the log as sampled', async () => {
    const made = await caller.deployments.createKey({ endpointId, name: 'ci', scopes: ['infer'] });
    expect(made.key.startsWith(made.prefix)).toBe(true);
    const detail = await caller.deployments.get({ id: endpointId });
    expect(JSON.stringify(detail)).not.toContain(made.key);
    expect(await caller.deployments.stats({ endpointId })).toMatchObject({ source: 'prediction-log', requests: 0, sampleRate: 1, logged: 0 });
    await expect(caller.deployments.tryIt({ endpointId, key: made.key, row: {} })).rejects.toThrow(/serving process at http:\/\/127.0.0.1:9 could not be reached/);
  });

  it('refuses unseen categories by default and saves the setting to accept them', async () => {
    expect((await caller.deployments.get({ id: endpointId })).unseenCategories).toBe('refuse');
    const saved = await caller.deployments.saveSettings({ endpointId, unseenCategories: 'accept' });
    expect(saved.unseenCategories).toBe('accept');
    // @ts-expect-error: only 'refuse' and 'accept' exist
    await expect(caller.deployments.saveSettings({ endpointId, unseenCategories: 'ignore' })).rejects.toThrow(/refuse|accept/);
    expect((await caller.deployments.saveSettings({ endpointId, unseenCategories: 'refuse' })).unseenCategories).toBe('refuse');
  });

  it('asks a manager first where the project guards production, and the approval deploys', async () => {
    await writeRegistrySettings(getDb().anyDb, 'sample', { productionApproval: true }, adminId);
    const asked = await caller.deployments.deploy({ endpointId, version: 2, mode: 'replace', gates: [{ metric: 'roc_auc', op: '>=', value: 0.5 }] });
    expect(asked).toMatchObject({ state: 'pending', version: 2 });
    const waiting = await caller.deployments.get({ id: endpointId });
    expect(waiting.pendingRequests.map((r) => [r.mode, r.version, r.requestedByName])).toEqual([['replace', 2, 'Ana']]);
    expect(waiting.live.map((d) => d.version)).toEqual([1]);
    await expect(manager.deployments.rollback({ endpointId })).rejects.toThrow(/FORBIDDEN|not allowed|may not/i);
    if (asked.state !== 'pending') throw new Error('expected a request');
    expect(await manager.deployments.decide({ requestId: asked.requestId, approve: true })).toEqual({ state: 'deployed', version: 2 });
    const after = await caller.deployments.get({ id: endpointId });
    expect(after.live.map((d) => [d.role, d.version])).toEqual([['primary', 2]]);
    expect(after.pendingRequests).toEqual([]);
  });
});
