// Champion against challenger with the real runner: a scheduled retrain's new version and the
// version serving now are scored by the evaluate node on the retrain run's own test split; the
// endpoint's promotion mode decides: rolled out at once, a deploy request a manager decides, or
// the champion kept when the challenger does worse.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { first } from '../../server/db/any-db';
import { closeDb, getDb } from '../../server/db/client';
import { decideDeployRequest, rollbackEndpoint } from '../../server/deployments/changes';
import { deployVersion } from '../../server/deployments/deploy';
import { insertEndpoint } from '../../server/deployments/endpoints';
import { resetEnvForTests } from '../../server/env';
import { seedSampleProject } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { latestVersionNumber, saveVersion } from '../../server/pipelines/versions';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { schedulerTick } from '../../server/training/scheduler';
import { settleRetrainRuns } from '../../server/training/settle-retrains';
import { createTrigger, listChallenges } from '../../server/training/triggers';
import { retrainLineageGraph } from '../../server/registry/lineage-retrain';
import { importCsv } from './helpers/import-dataset';
import { datasetClassifier } from './helpers/registry-pipeline';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const sampleCsv = new URL('../../nodes/ingest/samples/breast-cancer.csv', import.meta.url).pathname;
let endpointId: string;
let clock = Date.parse('2026-03-02T10:00:30Z');

const db = () => getDb().anyDb;
const t = () => getDb().anyDb.t;
const compute = (step: Parameters<ReturnType<typeof getRunManager>['computeDetached']>[0], inputs: Parameters<ReturnType<typeof getRunManager>['computeDetached']>[1]) => getRunManager().computeDetached(step, inputs);

async function save(doc: ReturnType<typeof datasetClassifier>) {
  await saveVersion(getDb().anyDb, 'sample', doc, null, { baseVersion: await latestVersionNumber(getDb().anyDb, doc.id) });
}

/** One cron fire a minute later, the run to its end, then the tick that settles it. */
async function fireAndSettle(triggerId: string) {
  const { challenges, trainingTriggers } = t();
  await db().update(trainingTriggers).set({ enabled: true, nextFireAt: clock }).where(eq(trainingTriggers.id, triggerId));
  clock += 60_000;
  const [fire] = (await schedulerTick(getDb().anyDb, { dataDir, now: () => clock })).fired;
  expect(fire.state).toBe('started');
  await getRunManager().whenDone((fire as { runId: string }).runId);
  await db().update(trainingTriggers).set({ enabled: false }).where(eq(trainingTriggers.id, triggerId));
  const settled = await settleRetrainRuns(getDb().anyDb, dataDir, compute);
  expect(settled).toHaveLength(1);
  return first(await db().select().from(challenges).where(eq(challenges.runId, (fire as { runId: string }).runId)).limit(1))!;
}

/** The full table with every column but one ignored: a weak challenger, on a holdout the champion can read. */
function oneFeature(id: string, seed: number): ReturnType<typeof datasetClassifier> {
  const doc = datasetClassifier({ id, dataset: 'cancer', register: 'screen', seed });
  const header = readFileSync(sampleCsv, 'utf8').split('\n')[0].split(',');
  const roles = header.filter((c) => c !== 'mean_fractal_dimension' && c !== 'diagnosis').map((column) => ({ column, role: 'ignore' }));
  doc.nodes.push({ id: 'roles', type: 'clean/set-roles', version: 1, params: { roles }, position: { x: 100, y: 100 } });
  doc.edges = doc.edges.map((e) => (e.source === 'ingest' ? { ...e, source: 'roles' } : e));
  doc.edges.push({ id: 'e0', source: 'ingest', sourceHandle: 'table', target: 'roles', targetHandle: 'table' });
  return doc;
}

async function primaryVersion(): Promise<number> {
  const { deployments, modelVersions } = t();
  const live = first(await db().select({ version: modelVersions.version }).from(deployments).innerJoin(modelVersions, eq(modelVersions.id, deployments.versionId)).where(and(eq(deployments.endpointId, endpointId), eq(deployments.role, 'primary'), isNull(deployments.retiredAt))).limit(1));
  return live!.version;
}

beforeAll(async () => {
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  resetEnvForTests();
  await seedSampleProject(getDb().anyDb);
  await db().insert(t().users).values({ id: 'u-mgr', email: 'mgr@example.com', name: 'Manager', role: 'viewer', passwordHash: 'x', createdAt: 1 });
  await importCsv(getDb().anyDb, dataDir, sampleCsv, 'cancer');
  // One weak feature: a model trained on it alone is a champion a full retrain beats.
  const lines = readFileSync(sampleCsv, 'utf8').trim().split('\n').map((l) => l.split(','));
  const keep = ['mean_fractal_dimension', 'diagnosis'].map((name) => lines[0].indexOf(name));
  const weak = path.join(dataDir, 'cancer-weak.csv');
  writeFileSync(weak, lines.map((cells) => keep.map((i) => cells[i]).join(',')).join('\n'));
  await importCsv(getDb().anyDb, dataDir, weak, 'cancer-weak');
  await save(datasetClassifier({ id: 'weak', dataset: 'cancer-weak', register: 'screen', seed: 5 }));
  await save(datasetClassifier({ id: 'retrain', dataset: 'cancer', register: 'screen' }));
  const { runId } = await startRun(getDb().anyDb, { pipelineId: 'weak', trigger: 'api', userId: null });
  await getRunManager().whenDone(runId);
  const v1 = first(await db().select().from(t().modelVersions).where(eq(t().modelVersions.runId, runId)).limit(1))!;
  const endpoint = await insertEndpoint(getDb().anyDb, { name: 'screen-live', modelId: v1.modelId, userId: null });
  endpointId = endpoint.id;
  await deployVersion(getDb().anyDb, { endpointId, versionId: v1.id, mode: 'replace', source: { userId: null } });
  await db().insert(t().monitorSettings).values({ endpointId, thresholds: {}, retrainPipelineId: 'retrain', promotionMode: 'auto', updatedAt: 1 });
}, 180_000);

afterAll(async () => {
  await closeRunManager();
  closeDb();
});

describe('champion against challenger', () => {
  it("auto: a challenger that beats the champion on the run's holdout serves at once", async () => {
    // No endpoint on the trigger: the monitor settings name this pipeline as the endpoint's retrain.
    const trigger = await createTrigger(getDb().anyDb, { kind: 'cron', pipelineId: 'retrain', cron: '* * * * *' }, null);
    const challenge = await fireAndSettle(trigger.id);
    const figures = challenge.figures as { primaryMetric: string; holdoutRows: number; challenger: { version: number; metrics: Record<string, number>; costPer1000: number }; champion: { version: number; metrics: Record<string, number> } };
    expect(challenge.decision).toBe('promoted');
    expect(figures.primaryMetric).toBe('roc_auc');
    expect(figures.champion.version).toBe(1);
    expect(figures.challenger.version).toBe(2);
    expect(figures.challenger.metrics.roc_auc).toBeGreaterThan(figures.champion.metrics.roc_auc);
    // The run's holdout, not the versions' stored metrics: the champion's figure is new.
    const { auditEvents, modelVersions } = t();
    const v1Stored = first(await db().select({ metrics: modelVersions.metrics }).from(modelVersions).where(eq(modelVersions.id, challenge.championVersionId!)).limit(1))!.metrics;
    expect(figures.champion.metrics.roc_auc).not.toBe(v1Stored.roc_auc);
    expect(figures.challenger.costPer1000).toEqual(expect.any(Number));
    expect(challenge.gates).toEqual([expect.objectContaining({ gate: 'beats champion v1 on roc_auc by >= 0', passed: true })]);
    expect(await primaryVersion()).toBe(2);
    const actions = (await db().select({ action: auditEvents.action }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(3)).map((a) => a.action);
    expect(actions).toEqual(['challenge.decide', 'deployment.deploy', 'model.alias.move']);
  });

  it('approval: the challenger waits on a deploy request; the manager approves it and it serves', async () => {
    await rollbackEndpoint(getDb().anyDb, endpointId, { id: 'u-mgr', role: 'admin' });
    expect(await primaryVersion()).toBe(1);
    const { challenges, deployRequests, monitorSettings } = t();
    await db().update(monitorSettings).set({ promotionMode: 'approval' });
    await save(datasetClassifier({ id: 'retrain', dataset: 'cancer', register: 'screen', seed: 1 }));
    const trigger = await createTrigger(getDb().anyDb, { kind: 'cron', pipelineId: 'retrain', endpointId, cron: '* * * * *' }, null);
    const challenge = await fireAndSettle(trigger.id);
    expect(challenge.decision).toBe('awaiting_approval');
    expect(await primaryVersion()).toBe(1);
    const request = first(await db().select().from(deployRequests).where(eq(deployRequests.id, challenge.deployRequestId!)).limit(1))!;
    expect(request).toMatchObject({ state: 'pending', mode: 'replace', versionId: challenge.challengerVersionId });
    await decideDeployRequest(getDb().anyDb, request.id, true, { id: 'u-mgr', role: 'viewer' });
    expect(first(await db().select({ decision: challenges.decision }).from(challenges).where(eq(challenges.id, challenge.id)).limit(1))!.decision).toBe('approved');
    expect(await primaryVersion()).toBe(3);

    // The lineage draws the chain through the manager's approval, with what each card links to.
    const lineage = (await retrainLineageGraph(getDb().anyDb, challenge.challengerVersionId!))!;
    const node = <K extends string>(kind: K) => lineage.nodes.find((n) => n.kind === kind) as Extract<(typeof lineage.nodes)[number], { kind: K }>;
    expect(node('trigger')).toMatchObject({ triggerKind: 'cron', endpointId });
    expect(node('challenge')).toMatchObject({ decision: 'approved', endpointName: 'screen-live', primaryMetric: 'roc_auc', champion: { version: 1 }, challenger: { version: 3 } });
    expect(node('challenge').challenger?.value).toEqual(expect.any(Number));
    expect(node('approval')).toMatchObject({ requestId: request.id, state: 'approved', decidedBy: 'Manager' });
    const deployment = node('deployment');
    expect(deployment).toMatchObject({ endpointId, endpoint: 'screen-live', role: 'primary' });
    const edge = (from: string, to: string) => lineage.edges.find((e) => e.source === from && e.target === to)?.label;
    expect(edge(`challenge:${challenge.id}`, `approval:${request.id}`)).toBe('asked');
    expect(edge(`approval:${request.id}`, deployment.id)).toBe('approved');
    expect(lineage.nodes.filter((n) => n.kind === 'model').map((n) => (n as { modelId: string; version: number }).version).sort()).toEqual([1, 3]);
  });

  it('keeps the champion when the challenger scores worse, and never judges a run twice', async () => {
    const { challenges, monitorSettings, runs, triggerFires } = t();
    await db().update(monitorSettings).set({ promotionMode: 'auto' });
    await save(oneFeature('one-feature', 2));
    const trigger = await createTrigger(getDb().anyDb, { kind: 'cron', pipelineId: 'one-feature', endpointId, cron: '* * * * *' }, null);
    const challenge = await fireAndSettle(trigger.id);
    expect(challenge.figures).not.toHaveProperty('reason');
    expect(challenge.decision).toBe('kept_champion');
    expect(challenge.gates).toEqual([expect.objectContaining({ passed: false, detail: expect.stringMatching(/^roc_auc .* vs champion v3's .*: higher by -/) })]);
    expect(await primaryVersion()).toBe(3);
    expect(await settleRetrainRuns(getDb().anyDb, dataDir, compute)).toEqual([]);
    expect(await db().select().from(challenges)).toHaveLength(3);
    // The endpoint's retraining history, newest first, each linked to its run.
    const history = await listChallenges(getDb().anyDb, endpointId);
    expect(history.map((c) => c.decision)).toEqual(['kept_champion', 'approved', 'promoted']);
    expect(history.every((c) => c.runStatus === 'succeeded')).toBe(true);
    const fires = await db().select({ runId: triggerFires.runId }).from(triggerFires).orderBy(asc(triggerFires.firedAt));
    expect(first(await db().select({ trigger: runs.trigger }).from(runs).where(eq(runs.id, fires[0].runId!)).limit(1))!.trigger).toBe('schedule');
  });
});
