// The closed loop of issue 16, with no manual step: the fraud model serves from the real serving
// process; the drift simulator sends drifted card traffic and its labels later; a recorded check
// opens the alert of rule `psi(amount) > 0.2`; the training scheduler's alert trigger saves the
// labelled traffic as a dataset version and retrains on it; the challenger beats the champion on
// that run's holdout and is promoted (auto); serving answers with the new version while a client
// keeps calling, with no failed request; the audit log and the lineage show the chain.
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PipelineDoc } from '../../engine/document';
import { driftSettingsSchema } from '../../nodes/monitor/drift/drift-thresholds';
import { createRule } from '../../server/alerts/alert-rules';
import { parseRuleText } from '../../server/alerts/rule-text';
import { first } from '../../server/db/any-db';
import { closeDb, getDb } from '../../server/db/client';
import { deployVersion } from '../../server/deployments/deploy';
import { createEndpointKey } from '../../server/deployments/endpoint-keys';
import { insertEndpoint } from '../../server/deployments/endpoints';
import { resetEnvForTests } from '../../server/env';
import { saveMonitorSettings } from '../../server/monitoring/monitor-settings';
import { runMonitorCheck } from '../../server/monitoring/run-check';
import { seedSampleProject } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { latestVersionNumber, saveVersion } from '../../server/pipelines/versions';
import { retrainLineageGraph } from '../../server/registry/lineage-retrain';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { driftRows } from '../../server/simulator/drift-rows';
import { driftScenarioSchema } from '../../server/simulator/drift-scenario';
import { simulate } from '../../server/simulator/simulate';
import { startScheduler } from '../../server/training/scheduler';
import { settleRetrainRuns } from '../../server/training/settle-retrains';
import { createTrigger } from '../../server/training/triggers';
import { newDataDir } from './helpers/server-process';
import { startServing, stopServing, type ServingHandle } from './helpers/serving-process';

const dataDir = newDataDir();
let serving: ServingHandle | undefined;
let stopScheduler: (() => void) | undefined;
let endpointId: string;
let clientKey: string;
let simulatorKey: string;
let ruleId: string;

const db = () => getDb().anyDb;
const t = () => getDb().anyDb.t;
const TRAIN = { target: 'is_fraud', classWeight: 'balanced', hiddenLayers: [32, 16], epochs: 20, batchSize: 256, learningRate: 0.01, seed: 0, register: 'fraud' };
const EVALUATE = { positiveLabel: '1', falsePositiveCost: 1, falseNegativeCost: 20, importance: false };

/** source → stratified split → neural network (registers "fraud") → evaluate with fraud costs. */
function fraudPipeline(id: string, source: PipelineDoc['nodes'][number]): PipelineDoc {
  const at = (x: number) => ({ x, y: 0 });
  return {
    schemaVersion: 1,
    id,
    name: id,
    nodes: [
      { ...source, id: 'ingest', position: at(0) },
      { id: 'split', type: 'split/random', version: 1, params: { train: 0.75, validation: 0, test: 0.25, seed: 0, stratifyBy: 'is_fraud' }, position: at(200) },
      { id: 'train', type: 'train/mlp', version: 1, params: TRAIN, position: at(400) },
      { id: 'evaluate', type: 'evaluate/model', version: 1, params: EVALUATE, position: at(600) },
    ],
    edges: [
      { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
      { id: 'e2', source: 'split', sourceHandle: 'train', target: 'train', targetHandle: 'train' },
      { id: 'e3', source: 'train', sourceHandle: 'model', target: 'evaluate', targetHandle: 'model' },
      { id: 'e4', source: 'split', sourceHandle: 'test', target: 'evaluate', targetHandle: 'table' },
    ],
    settings: { placement: 'server' },
  };
}

async function save(doc: PipelineDoc) {
  await saveVersion(getDb().anyDb, 'sample', doc, null, { baseVersion: await latestVersionNumber(getDb().anyDb, doc.id) });
}

async function until<T>(what: string, read: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 150_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  resetEnvForTests();
  await seedSampleProject(getDb().anyDb);
  await db().insert(t().users).values({ id: 'u-ops', email: 'ops@example.com', name: 'Ops', role: 'admin', passwordHash: 'x', createdAt: 1 });
  // The champion: the fraud network trained on the generator's reference world (drift 0).
  await save(fraudPipeline('fraud', { id: 'ingest', type: 'ingest/synthetic-fraud', version: 1, params: { rows: 12_000, seed: 0, fraudRate: 0.05, drift: 0, startDate: '2026-01-01', days: 30 }, position: { x: 0, y: 0 } }));
  // The retrain: the same network on the dataset the trigger fills with labelled traffic.
  await save(fraudPipeline('fraud-retrain', { id: 'ingest', type: 'ingest/dataset', version: 1, params: { name: 'fraud-traffic', version: 'latest' }, position: { x: 0, y: 0 } }));
  const { runId } = await startRun(getDb().anyDb, { pipelineId: 'fraud', trigger: 'api', userId: null });
  await getRunManager().whenDone(runId);
  const v1 = first(await db().select().from(t().modelVersions).where(eq(t().modelVersions.runId, runId)).limit(1));
  expect(v1, 'the champion run registered fraud v1').not.toBeNull();
  const endpoint = await insertEndpoint(getDb().anyDb, { name: 'fraud', modelId: v1!.modelId, userId: null });
  endpointId = endpoint.id;
  await deployVersion(getDb().anyDb, { endpointId, versionId: v1!.id, mode: 'replace', source: { userId: null } });
  clientKey = (await createEndpointKey(getDb().anyDb, { endpointId, name: 'steady client', scopes: ['infer'], userId: 'u-ops' })).key;
  simulatorKey = (await createEndpointKey(getDb().anyDb, { endpointId, name: 'simulator', scopes: ['infer', 'feedback'], userId: 'u-ops' })).key;
  await saveMonitorSettings(getDb().anyDb, { endpointId, windowKind: 'predictions', windowSize: 3000, checkIntervalMinutes: null, thresholds: driftSettingsSchema.parse({}), retrainPipelineId: 'fraud-retrain', promotionMode: 'auto' }, null);
  ruleId = (await createRule(getDb().anyDb, dataDir, endpointId, { ...parseRuleText('psi(amount) > 0.2'), name: 'amounts drifted', severity: 'warning', webhookId: null, enabled: true }, null)).id;
  await createTrigger(getDb().anyDb, { kind: 'alert', pipelineId: 'fraud-retrain', alertRuleId: ruleId, trafficDataset: 'fraud-traffic' }, null);
  serving = await startServing({ dataDir });
  stopScheduler = startScheduler(getDb().anyDb, { dataDir, intervalMs: 300, afterFires: (tx) => settleRetrainRuns(tx, dataDir, (step, inputs) => getRunManager().computeDetached(step, inputs)).then(() => undefined) });
}, 300_000);

afterAll(async () => {
  stopScheduler?.();
  if (serving) await stopServing(serving);
  await closeRunManager();
  closeDb();
});

it('drift → alert → retrain on the labelled traffic → challenger promoted → served without a dropped request', async () => {
  // A client that keeps calling throughout, with rows of the reference world.
  const steady = driftRows(driftScenarioSchema.parse({ seed: 3 }), 50).map((r) => r.values);
  const answers: { status: number; version: string | null; text?: string }[] = [];
  let calling = true;
  const client = (async () => {
    for (let i = 0; calling; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const res = await fetch(`${serving!.url}/endpoints/fraud/invocations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${clientKey}` },
        body: JSON.stringify({ dataframe_records: [steady[i % steady.length]] }),
      }).catch(() => null);
      if (!res) {
        answers.push({ status: 0, version: null });
        continue;
      }
      const text = await res.text();
      answers.push({ status: res.status, version: res.headers.get('x-model-version'), ...(res.status !== 200 && { text }) });
    }
  })();
  try {
    await closeTheLoop();
  } finally {
    calling = false;
    await client;
  }
  expect(answers.length).toBeGreaterThan(50);
  // Every request the client sent, before, during and after the switch, was answered.
  expect(answers.filter((a) => a.status !== 200)).toEqual([]);
  expect(answers.some((a) => a.version === '1')).toBe(true);
  expect(answers.at(-1)?.version).toBe('2');

  async function closeTheLoop() {

  // 1. Drifted traffic (the generator's shifted world), labels posted after each answer.
  const sent = await simulate(
    { url: serving!.url, endpoint: 'fraud', key: simulatorKey },
    { requests: 100, rowsPerRequest: 100, rate: 100, labelDelayMs: 0, scenario: driftScenarioSchema.parse({ seed: 7, drift: 1, fraudRate: 0.05 }) },
  );
  expect(sent).toMatchObject({ answered: 10_000, refused: 0 });
  const { alerts, auditEvents, challenges, predictionFeedback, runs, triggerFires } = t();
  await until('the labels in the log', async () => (await db().select({ n: count() }).from(predictionFeedback))[0].n >= 10_000);

  // 2. A check: amounts drifted, so the rule opens its alert.
  const check = await runMonitorCheck(getDb().anyDb, endpointId, { trigger: 'manual', userId: null, dataDir, fetchStats: async () => null });
  const psi = check.figures.find((f) => f.feature === 'amount' && f.metric === 'psi');
  expect(psi!.value).toBeGreaterThan(0.2);
  expect(check.alerts.opened).toHaveLength(1);
  const alertId = check.alerts.opened[0].id;

  // 3. The scheduler's alert trigger fires a retrain run (trigger 'alert') on the saved traffic.
  // The fire is claimed first, then the traffic is saved and the run started: wait for its outcome.
  const fire = await until('the alert trigger to fire', async () => (await db().select().from(triggerFires).where(eq(triggerFires.dedupeKey, alertId))).find((f) => f.runId || f.error));
  expect(fire.error).toBeNull();
  const run = first(await db().select({ trigger: runs.trigger }).from(runs).where(eq(runs.id, fire.runId!)).limit(1));
  expect(run?.trigger).toBe('alert');

  // 4. The challenger beats the champion on that run's holdout and is promoted.
  const challenge = await until('the challenge', async () => first(await db().select().from(challenges).where(eq(challenges.runId, fire.runId!)).limit(1)), 240_000);
  const figures = challenge.figures as { reason?: string; challenger: { version: number; metrics: Record<string, number>; costPer1000: number }; champion: { version: number; metrics: Record<string, number>; costPer1000: number } };
  expect(figures.reason).toBeUndefined();
  expect(challenge.decision).toBe('promoted');
  expect(figures.champion.version).toBe(1);
  expect(figures.challenger.version).toBe(2);
  expect(figures.challenger.metrics.roc_auc).toBeGreaterThan(figures.champion.metrics.roc_auc);
  expect(figures.challenger.costPer1000).toEqual(expect.any(Number));

  // 5. Serving follows: the client meets v2, and no request failed during the switch.
  await until('serving to answer with v2', () => answers.some((a) => a.version === '2'), 60_000).catch((error: Error) => {
    const seen = [...new Set(answers.slice(-20).map((a) => `${a.status}:${a.version}:${a.text ?? ''}`))].join(', ');
    throw new Error(`${error.message}; the client's last answers: ${seen}; serving said: ${serving!.output().slice(-1500)}`);
  });
  await new Promise((r) => setTimeout(r, 300));

  // 6. The audit log and the lineage show the chain.
  const events = await db().select().from(auditEvents).orderBy(asc(auditEvents.id));
  const fired = events.find((e) => e.action === 'trigger.fire')!;
  expect(fired).toMatchObject({ targetType: 'run', targetId: fire.runId });
  expect(fired.detail).toMatchObject({ alertId, alertRuleId: ruleId, trafficDataset: 'fraud-traffic' });
  const decided = events.find((e) => e.action === 'challenge.decide')!;
  expect(decided).toMatchObject({ targetId: challenge.id, detail: expect.objectContaining({ decision: 'promoted', runId: fire.runId }) });
  const deployed = events.find((e) => e.action === 'deployment.deploy' && e.id > fired.id)!;
  expect(deployed.detail).toMatchObject({ endpoint: 'fraud', version: 2, runId: fire.runId });
  expect(first(await db().select().from(alerts).where(and(eq(alerts.id, alertId))).limit(1))?.state).toBe('open');

  const lineage = (await retrainLineageGraph(getDb().anyDb, challenge.challengerVersionId!))!;
  const kinds = lineage.nodes.map((n) => n.kind);
  expect(kinds).toEqual(expect.arrayContaining(['alert', 'fire', 'dataset', 'run', 'model', 'challenge', 'deployment']));
  const path = (from: string, to: string) => lineage.edges.some((e) => e.source === from && e.target === to);
  expect(path(`alert:${alertId}`, `fire:${fire.id}`)).toBe(true);
  expect(path(`fire:${fire.id}`, `run:${fire.runId}`)).toBe(true);
  expect(path(`run:${fire.runId}`, `model:${challenge.challengerVersionId}`)).toBe(true);
  expect(path(`model:${challenge.challengerVersionId}`, `challenge:${challenge.id}`)).toBe(true);
  expect(lineage.edges.some((e) => e.source === `challenge:${challenge.id}` && e.target.startsWith('deployment:'))).toBe(true);
  }
}, 600_000);
