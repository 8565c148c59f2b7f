// Training's stores on SQLite and on Postgres: triggers added (each kind checked), listed with
// their fires, disabled and re-enabled, deleted, each audited; due fires claimed once when two
// schedulers (two connections) tick at the same moment; an endpoint's labelled traffic read;
// challenges judged on the holdout, promoted or asked for, and listed. Seeded through the handle
// alone, so nothing here can quietly run on SQLite while the suite says Postgres.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import type { Plan, PlanStep } from '../../engine/plan';
import { decodeValue, encodeValue } from '../../nodes/codec';
import type { AnyDb } from '../../server/db/any-db';
import { openDatabase } from '../../server/db/client';
import { openPgDatabase } from '../../server/db/pg-client';
import { makeTempDir } from '../../server/db/test-db';
import { readArtifactBytes, writeArtifactBytes } from '../../server/store/artifact-files';
import { runChallenge } from '../../server/training/challenge';
import { fireTrigger } from '../../server/training/fire-trigger';
import { labelledTraffic, saveLabelledTraffic } from '../../server/training/labelled-traffic';
import { livePrimaryVersion } from '../../server/training/live-primary';
import { schedulerTick } from '../../server/training/scheduler';
import type { ComputeStep } from '../../server/training/score-on-holdout';
import { createTrigger, deleteTrigger, listChallenges, listTriggers, setTriggerEnabled } from '../../server/training/triggers';
import { describeEachDatabase, type DatabaseUnderTest } from './helpers/each-database';

const T0 = Date.parse('2027-03-02T10:07:00Z'); // past 2^31 ms, as every stored time is

/** A second process's connection to the same database. */
async function secondConnection(under: DatabaseUnderTest): Promise<{ db: AnyDb; close: () => Promise<void> }> {
  if (under.dialect === 'pg') {
    const opened = await openPgDatabase(under.location);
    return { db: opened.db, close: opened.close };
  }
  const opened = openDatabase(under.location);
  return {
    db: opened.anyDb,
    close: async () => {
      opened.sqlite.close();
    },
  };
}

async function seed(db: AnyDb): Promise<void> {
  const t = db.t;
  await db.insert(t.projects).values([
    { id: 'p1', name: 'Project one', createdAt: 1 },
    { id: 'p2', name: 'Project two', createdAt: 1 },
  ]);
  await db.insert(t.users).values({ id: 'u1', email: 'a@example.com', name: 'Ada', role: 'admin', passwordHash: 'x', createdAt: 1 });
  await db.insert(t.pipelines).values([
    { id: 'pl', projectId: 'p1', name: 'Retrain', createdAt: 1, updatedAt: 1 },
    { id: 'pl2', projectId: 'p2', name: 'Elsewhere', createdAt: 1, updatedAt: 1 },
  ]);
  await db.insert(t.datasets).values({ id: 'ds', name: 'cancer', createdAt: 1 });
  await db.insert(t.registeredModels).values({ id: 'm', projectId: 'p1', name: 'fraud', createdAt: 1, updatedAt: 1 });
  await db.insert(t.endpoints).values([
    { id: 'ep', projectId: 'p1', name: 'fraud-live', modelId: 'm', createdAt: 1, updatedAt: 1 },
    { id: 'ep2', projectId: 'p1', name: 'fraud-b', modelId: 'm', createdAt: 1, updatedAt: 1 },
  ]);
  const rule = (id: string, endpointId: string) => ({ id, endpointId, name: `rule ${id}`, metric: 'psi', feature: 'amount', operator: '>' as const, threshold: 0.2, forWindows: 2, createdAt: 1, updatedAt: 1 });
  await db.insert(t.alertRules).values([rule('r1', 'ep'), rule('r2', 'ep2')]);
}

describeEachDatabase('training stores', (under) => {
  const actions = async () => (await under.db.select({ action: under.db.t.auditEvents.action }).from(under.db.t.auditEvents).orderBy(under.db.t.auditEvents.id)).map((e) => e.action);

  it('seeds a project with a pipeline, a dataset, two endpoints and their rules', async () => {
    await seed(under.db);
  });

  it('adds a cron trigger at its next UTC time, disables it, re-enables it from now, deletes it, auditing each', async () => {
    const { db } = under;
    const created = await createTrigger(db, { kind: 'cron', pipelineId: 'pl', cron: ' */15  * * * * ' }, 'u1', T0);
    expect(created).toMatchObject({ kind: 'cron', cron: '*/15 * * * *', enabled: true, projectId: 'p1', createdBy: 'u1', nextFireAt: Date.parse('2027-03-02T10:15:00Z') });
    expect(await listTriggers(db, { pipelineId: 'pl' })).toMatchObject([{ id: created.id, pipelineName: 'Retrain', alertRule: null, fires: [] }]);
    const off = await setTriggerEnabled(db, created.id, false, 'u1', T0 + 3_600_000);
    expect(off).toMatchObject({ enabled: false, nextFireAt: Date.parse('2027-03-02T10:15:00Z') });
    // The hours it was off are not "missed": the schedule starts again from the moment it is enabled.
    const on = await setTriggerEnabled(db, created.id, true, 'u1', Date.parse('2027-03-02T13:01:00Z'));
    expect(on.nextFireAt).toBe(Date.parse('2027-03-02T13:15:00Z'));
    const [stored] = await db.select().from(db.t.trainingTriggers).where(eq(db.t.trainingTriggers.id, created.id));
    expect(stored).toMatchObject({ enabled: true, nextFireAt: Date.parse('2027-03-02T13:15:00Z'), updatedAt: Date.parse('2027-03-02T13:01:00Z') });
    await deleteTrigger(db, created.id, 'u1');
    expect(await listTriggers(db, { pipelineId: 'pl' })).toEqual([]);
    await expect(setTriggerEnabled(db, created.id, true, 'u1')).rejects.toThrow(/was not found/);
    expect(await actions()).toEqual(['trigger.create', 'trigger.disable', 'trigger.enable', 'trigger.delete']);
    const [last] = await db.select().from(db.t.auditEvents).orderBy(desc(db.t.auditEvents.id)).limit(1);
    expect(last).toMatchObject({ userId: 'u1', targetType: 'training_trigger', targetId: created.id, detail: { kind: 'cron', cron: '*/15 * * * *', pipelineId: 'pl' } });
  });

  it('checks every id a trigger names, in words naming the field', async () => {
    const { db } = under;
    const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: UserError) => `${e.details.field}: ${e.message}`);
    expect(await refusal(createTrigger(db, { kind: 'dataset', pipelineId: 'nope', datasetId: 'ds' }, null))).toBe('pipelineId: Pipeline "nope" was not found');
    expect(await refusal(createTrigger(db, { kind: 'dataset', pipelineId: 'pl', datasetId: 'gone' }, null))).toBe('datasetId: Dataset "gone" was not found');
    expect(await refusal(createTrigger(db, { kind: 'cron', pipelineId: 'pl', endpointId: 'nope', cron: '* * * * *' }, null))).toBe('endpointId: Endpoint "nope" was not found');
    expect(await refusal(createTrigger(db, { kind: 'cron', pipelineId: 'pl2', endpointId: 'ep', cron: '* * * * *' }, null))).toBe('endpointId: The endpoint belongs to another project than the pipeline');
    expect(await refusal(createTrigger(db, { kind: 'alert', pipelineId: 'pl' }, null))).toBe('alertRuleId: An alert trigger needs an alert rule, or an endpoint whose rules it follows');
    expect(await refusal(createTrigger(db, { kind: 'alert', pipelineId: 'pl', alertRuleId: 'gone' }, null))).toBe('alertRuleId: Alert rule "gone" was not found');
    expect(await refusal(createTrigger(db, { kind: 'alert', pipelineId: 'pl', endpointId: 'ep', alertRuleId: 'r2' }, null))).toBe('alertRuleId: The alert rule watches another endpoint than the one this trigger retrains');
    expect(await refusal(createTrigger(db, { kind: 'cron', pipelineId: 'pl', cron: '* * * * *', trafficDataset: 'traffic' }, null))).toBe('trafficDataset: Saving labelled traffic needs the endpoint whose traffic it is');
    expect(await db.select().from(db.t.trainingTriggers)).toEqual([]);
  });

  it('lists an endpoint\'s triggers newest first with the rule each follows and its last fires with their runs', async () => {
    const { db } = under;
    const dataset = await createTrigger(db, { kind: 'dataset', pipelineId: 'pl', endpointId: 'ep', datasetId: 'ds', trafficDataset: 'fraud-traffic' }, null, T0);
    // A rule alone says which endpoint the trigger retrains.
    const alert = await createTrigger(db, { kind: 'alert', pipelineId: 'pl', alertRuleId: 'r1' }, null, T0 + 1);
    expect(alert).toMatchObject({ endpointId: 'ep', alertRuleId: 'r1', trafficDataset: null });
    await db.insert(db.t.runs).values({ id: 'run-1', pipelineId: 'pl', status: 'succeeded', plan: { steps: [] } as never, trigger: 'alert', createdAt: T0 });
    await db.insert(db.t.triggerFires).values([
      { id: 'f1', triggerId: alert.id, dedupeKey: 'a1', firedAt: T0 + 10, runId: 'run-1' },
      { id: 'f2', triggerId: alert.id, dedupeKey: 'a2', firedAt: T0 + 20, error: 'The pipeline has 1 problem' },
    ]);
    const listed = await listTriggers(db, { endpointId: 'ep' });
    expect(listed.map((t) => t.id)).toEqual([alert.id, dataset.id]);
    expect(listed[0]).toMatchObject({
      pipelineName: 'Retrain',
      alertRule: { name: 'rule r1', text: 'psi(amount) > 0.2 for 2 windows', enabled: true },
      fires: [
        { id: 'f2', dedupeKey: 'a2', runId: null, runStatus: null, error: 'The pipeline has 1 problem', firedAt: T0 + 20 },
        { id: 'f1', dedupeKey: 'a1', runId: 'run-1', runStatus: 'succeeded', error: null, firedAt: T0 + 10 },
      ],
    });
    expect(listed[1]).toMatchObject({ kind: 'dataset', datasetId: 'ds', trafficDataset: 'fraud-traffic', alertRule: null, fires: [] });
  });

  it('lists an endpoint\'s challenges newest first, with their runs\' states', async () => {
    const { db } = under;
    expect(await listChallenges(db, 'ep')).toEqual([]);
    const row = (id: string, createdAt: number, decision: 'promoted' | 'failed') => ({ id, endpointId: 'ep', runId: 'run-1', triggerFireId: 'f1', figures: { primaryMetric: 'roc_auc' }, gates: [], decision, createdAt, decidedAt: createdAt });
    await db.insert(db.t.challenges).values([row('c1', T0 + 1, 'failed'), row('c2', T0 + 2, 'promoted')]);
    expect(await listChallenges(db, 'ep')).toMatchObject([
      { id: 'c2', runId: 'run-1', runStatus: 'succeeded', decision: 'promoted', figures: { primaryMetric: 'roc_auc' }, decidedAt: T0 + 2 },
      { id: 'c1', decision: 'failed' },
    ]);
    expect(await listChallenges(db, 'ep', 1)).toHaveLength(1);
    expect(await listChallenges(db, 'ep2')).toEqual([]);
  });

  it('claims each due fire once when two schedulers on two connections tick at the same moment', async () => {
    const { db } = under;
    for (const t of await db.select({ id: db.t.trainingTriggers.id }).from(db.t.trainingTriggers)) await setTriggerEnabled(db, t.id, false, null);
    const cron = await createTrigger(db, { kind: 'cron', pipelineId: 'pl', cron: '*/15 * * * *' }, 'u1', T0);
    const dataset = await createTrigger(db, { kind: 'dataset', pipelineId: 'pl', datasetId: 'ds' }, 'u1', T0);
    const alert = await createTrigger(db, { kind: 'alert', pipelineId: 'pl', alertRuleId: 'r2' }, 'u1', T0);
    await db.insert(db.t.artifacts).values({ id: 'a'.repeat(64), kind: 'table', mediaType: 'application/vnd.apache.arrow.file', size: 10, meta: {}, createdAt: T0 });
    const version = (v: number, createdAt: number) => ({ id: `ds-v${v}`, datasetId: 'ds', version: v, artifactId: 'a'.repeat(64), rows: 1, columns: [], format: 'csv' as const, sourceFilename: 'x.csv', sourceSize: 1, options: {}, createdAt });
    // v1 is older than the trigger (not new data); v2 and v3 arrived since: one fire, for the newest.
    await db.insert(db.t.datasetVersions).values([version(1, T0 - 1), version(2, T0 + 10), version(3, T0 + 20)]);
    await db.insert(db.t.alerts).values([
      { id: 'a-old', ruleId: 'r2', endpointId: 'ep2', state: 'resolved', severity: 'warning', message: 'before the trigger', value: 0.3, openedAt: T0 - 1, resolvedAt: T0 },
      { id: 'a1', ruleId: 'r2', endpointId: 'ep2', state: 'open', severity: 'warning', message: 'psi(amount) = 0.4 > 0.2', value: 0.4, openedAt: T0 + 30 },
    ]);
    const at = Date.parse('2027-03-02T10:15:20Z');
    const second = await secondConnection(under);
    try {
      const ticks = await Promise.all([schedulerTick(db, { dataDir: under.location, now: () => at }), schedulerTick(second.db, { dataDir: under.location, now: () => at })]);
      const claimed = ticks.flatMap((t) => t.fired).filter((f) => f.state !== 'claimed_elsewhere');
      // The run cannot start here (the pipeline has no saved version): each claimed fire says why.
      expect(claimed.map((f) => [f.triggerId, f.dedupeKey, f.state]).sort()).toEqual(
        [
          [cron.id, '2027-03-02T10:15:00.000Z', 'failed'],
          [dataset.id, 'ds-v3', 'failed'],
          [alert.id, 'a1', 'failed'],
        ].sort(),
      );
      const fires = await db.select().from(db.t.triggerFires).where(eq(db.t.triggerFires.firedAt, at));
      expect(fires).toHaveLength(3);
      expect(fires.every((f) => f.runId === null && f.error !== null)).toBe(true);
      const [stored] = await db.select().from(db.t.trainingTriggers).where(eq(db.t.trainingTriggers.id, cron.id));
      expect(stored).toMatchObject({ lastFiredAt: at, nextFireAt: Date.parse('2027-03-02T10:30:00Z') });
      // Nothing is due twice: the next tick finds every key fired.
      expect((await schedulerTick(second.db, { dataDir: under.location, now: () => at + 60_000 })).fired).toEqual([]);
      // The same key claimed by both connections at once: exactly one gets it.
      const both = await Promise.all([fireTrigger(db, under.location, cron, 'same-key', at), fireTrigger(second.db, under.location, cron, 'same-key', at)]);
      expect(both.map((o) => o.state).sort()).toEqual(['claimed_elsewhere', 'failed']);
      expect(await db.select().from(db.t.triggerFires).where(and(eq(db.t.triggerFires.triggerId, cron.id), eq(db.t.triggerFires.dedupeKey, 'same-key')))).toHaveLength(1);
      expect(await db.select().from(db.t.auditEvents).where(eq(db.t.auditEvents.action, 'trigger.fire_failed'))).toHaveLength(4);
    } finally {
      await second.close();
    }
  });

  const signature = { inputs: [{ name: 'amount', type: 'numeric' as const, role: 'feature' as const }, { name: 'country', type: 'categorical' as const, role: 'feature' as const }], target: 'fraud', task: 'binary' as const, labels: ['no', 'yes'] };
  const lineage = { run: null, pipeline: null, stepId: null, output: null, steps: [], sources: [], metricsFrom: null };
  const modelVersion = (v: number, runId: string | null) => ({ id: `v${v}`, modelId: 'm', version: v, source: 'run' as const, format: 'pipeworks/logistic', artifactId: `model-v${v}`.padEnd(64, '0'), signature, metrics: {}, lineage, runId, stepId: runId && 'train', createdAt: T0 + v });

  it('reads an endpoint\'s labelled traffic: answered rows with feedback, newest kept, oldest first', async () => {
    const { db } = under;
    await db.insert(db.t.modelVersions).values(modelVersion(1, null));
    await expect(labelledTraffic(db, 'ep')).rejects.toThrow('Endpoint "fraud-live" has no live version that names its target, so its traffic cannot be labelled');
    await db.insert(db.t.deployments).values({ id: 'd1', endpointId: 'ep', versionId: 'v1', role: 'primary', trafficPercent: 100, reason: 'deploy', createdAt: T0 });
    expect((await livePrimaryVersion(db, 'ep'))?.id).toBe('v1');
    await expect(labelledTraffic(db, 'ep')).rejects.toThrow('Endpoint "fraud-live" has no logged predictions with feedback yet; post labels to /endpoints/fraud-live/feedback');
    const logged = (id: string, createdAt: number, amount: number, shadowOf: string | null = null) => ({ id, endpointId: 'ep', versionId: 'v1', role: shadowOf ? ('shadow' as const) : ('primary' as const), shadowOf, createdAt, latencyMs: 1, inputs: { amount, country: 'NL' }, outputs: { prediction: 'no' } });
    // p3 and p4 share a millisecond: they keep the order they were logged in.
    await db.insert(db.t.predictionLog).values([logged('p1', T0 + 1, 10), logged('p2', T0 + 2, 20), logged('p4', T0 + 3, 30), logged('p3', T0 + 3, 40), logged('p5', T0 + 4, 50), logged('p2-shadow', T0 + 2, 20, 'p2')]);
    const feedback = (predictionId: string, label: string) => ({ predictionId, endpointId: 'ep', label, receivedAt: T0 + 100 });
    // p5 has no label yet; the shadow's copy of p2 is not counted a second time.
    await db.insert(db.t.predictionFeedback).values([feedback('p1', 'no'), feedback('p2', 'yes'), feedback('p4', 'no'), feedback('p3', '123'), feedback('p2-shadow', 'yes')]);
    const all = await labelledTraffic(db, 'ep');
    expect(all).toMatchObject({ endpoint: { id: 'ep', name: 'fraud-live' }, version: { id: 'v1' }, target: 'fraud' });
    expect(all.rows).toEqual([
      { inputs: { amount: 10, country: 'NL' }, label: 'no' },
      { inputs: { amount: 20, country: 'NL' }, label: 'yes' },
      { inputs: { amount: 30, country: 'NL' }, label: 'no' },
      { inputs: { amount: 40, country: 'NL' }, label: '123' },
    ]);
    expect((await labelledTraffic(db, 'ep', 2)).rows.map((r) => r.inputs.amount)).toEqual([30, 40]);
    await expect(labelledTraffic(db, 'nope')).rejects.toThrow('Endpoint nope was not found');
  });

  it('saves the labelled traffic as the next version of a dataset, and nothing new when it has not changed', async () => {
    const { db } = under;
    const dataDir = makeTempDir('pw-training-traffic-');
    const saved = await saveLabelledTraffic(db, dataDir, 'ep', ' fraud-traffic ', 'u1');
    expect(saved).toMatchObject({ created: true, dataset: { name: 'fraud-traffic', createdBy: 'u1' }, version: { version: 1, rows: 4, format: 'run', sourceFilename: 'labelled traffic of fraud-live', options: { endpointId: 'ep', labelledRows: 4 } } });
    expect(saved.version.columns).toEqual([
      { name: 'amount', type: 'numeric', role: 'feature' },
      { name: 'country', type: 'categorical', role: 'feature' },
      { name: 'fraud', type: 'categorical', role: 'target' },
    ]);
    const stored = decodeValue('table', await readArtifactBytes(dataDir, saved.version.artifactId));
    if (stored.kind !== 'table') throw new Error('expected a table');
    expect(stored.table.getChild('fraud')?.toArray()).toEqual(['no', 'yes', 'no', '123']);
    expect((await saveLabelledTraffic(db, dataDir, 'ep', 'fraud-traffic', 'u1')).created).toBe(false);
    await expect(saveLabelledTraffic(db, dataDir, 'ep', '   ', null)).rejects.toThrow('Dataset name "   ": Give the dataset a name');
  });

  describeChallenges(under);
});

/** Champion v1 (live on ep) against challengers scored on the same holdout by a stand-in evaluate step. */
function describeChallenges(under: DatabaseUnderTest): void {
  let dataDir = '';
  const scores = new Map<string, number>();
  const evaluate: PlanStep = { id: 'eval', type: 'evaluate/model', version: 1, params: { gates: [] }, inputs: { model: { fromStep: 'train', output: 'model' }, table: { fromStep: 'split', output: 'test' } }, outputs: { metrics: 'metrics' }, placement: 'server', deterministic: true, cacheKey: null } as PlanStep;
  const plan = { steps: [evaluate] } as unknown as Plan;
  const scored: string[] = [];
  /** The evaluate step as the run manager would compute it: metrics of the model it is handed. */
  const compute: ComputeStep = async (step, inputs) => {
    scored.push(`${step.id}:${inputs.table.id}`);
    const roc = scores.get(inputs.model.id);
    if (roc === undefined) throw new Error(`no score for ${inputs.model.id}`);
    const { id, size } = await writeArtifactBytes(dataDir, encodeValue({ kind: 'metrics', metrics: { metrics: { roc_auc: roc, accuracy: 0.9 } } }).bytes);
    return { metrics: { id, kind: 'metrics', size } };
  };
  const endpoint = async () => (await under.db.select().from(under.db.t.endpoints).where(eq(under.db.t.endpoints.id, 'ep')))[0];
  const signature = { inputs: [{ name: 'amount', type: 'numeric' as const, role: 'feature' as const }], target: 'fraud', task: 'binary' as const, labels: ['no', 'yes'] };
  const lineage = { run: null, pipeline: null, stepId: null, output: null, steps: [], sources: [], metricsFrom: null };

  /** A succeeded retrain run that registered v`version` and recorded its holdout. */
  async function retrainRun(runId: string, version: number, roc: number): Promise<void> {
    const { db } = under;
    await db.insert(db.t.runs).values({ id: runId, pipelineId: 'pl', status: 'succeeded', plan, trigger: 'alert', createdAt: T0 + version });
    const artifactId = `model-v${version}`.padEnd(64, '0');
    await db.insert(db.t.modelVersions).values({ id: `v${version}`, modelId: 'm', version, source: 'run', format: 'pipeworks/logistic', artifactId, signature, metrics: {}, lineage, runId, stepId: 'train', createdAt: T0 + version });
    await db.insert(db.t.stepRuns).values({ id: `${runId}-split`, runId, stepId: 'split', nodeType: 'split/train-test', nodeVersion: 1, status: 'succeeded', outputs: { test: { id: `holdout-${runId}`, kind: 'table', size: 10 } } });
    scores.set(artifactId, roc);
  }

  beforeAll(() => {
    dataDir = makeTempDir('pw-training-challenge-');
  });
  afterAll(() => scores.clear());

  it('records a failed retrain and a run that registered nothing as failed, each once', async () => {
    const { db } = under;
    scores.set('model-v1'.padEnd(64, '0'), 0.8);
    await db.insert(db.t.runs).values([
      { id: 'run-failed', pipelineId: 'pl', status: 'failed', plan, trigger: 'alert', errorMessage: 'out of memory', createdAt: T0 },
      { id: 'run-empty', pipelineId: 'pl', status: 'succeeded', plan, trigger: 'alert', createdAt: T0 },
    ]);
    const input = async (runId: string, status: string, errorMessage: string | null = null) => ({ endpoint: await endpoint(), run: { id: runId, status, plan, errorMessage }, fireId: null, userId: 'u1' });
    expect(await runChallenge(under.db, dataDir, compute, await input('run-failed', 'failed', 'out of memory'))).toMatchObject({ decision: 'failed' });
    expect(await runChallenge(under.db, dataDir, compute, await input('run-failed', 'failed', 'out of memory'))).toBeNull();
    expect(await runChallenge(under.db, dataDir, compute, await input('run-empty', 'succeeded'))).toMatchObject({ decision: 'failed' });
    const rows = await db.select().from(db.t.challenges).where(eq(db.t.challenges.endpointId, 'ep'));
    expect(rows.find((r) => r.runId === 'run-failed')?.figures).toEqual({ reason: 'The retrain run failed: out of memory' });
    expect(rows.find((r) => r.runId === 'run-empty')?.figures).toEqual({ reason: expect.stringContaining('The run registered no new version of "fraud"') });
  });

  it('scores challenger and champion on the same holdout and keeps the champion when it is not beaten, once', async () => {
    const { db } = under;
    await retrainRun('run-2', 2, 0.7);
    const input = { endpoint: await endpoint(), run: { id: 'run-2', status: 'succeeded', plan, errorMessage: null }, fireId: null, userId: 'u1' };
    const [decided, again] = await Promise.all([runChallenge(db, dataDir, compute, input), runChallenge(db, dataDir, compute, input)]);
    expect([decided?.decision, again?.decision].sort()).toEqual(['kept_champion', undefined]);
    const [row] = await db.select().from(db.t.challenges).where(eq(db.t.challenges.runId, 'run-2'));
    expect(row).toMatchObject({
      challengerVersionId: 'v2',
      championVersionId: 'v1',
      holdoutArtifactId: 'holdout-run-2',
      decision: 'kept_champion',
      deployRequestId: null,
      figures: { primaryMetric: 'roc_auc', promotionMode: 'approval', challenger: { version: 2, metrics: { roc_auc: 0.7 } }, champion: { version: 1, metrics: { roc_auc: 0.8 } } },
      gates: [{ gate: 'beats champion v1 on roc_auc by >= 0', passed: false }],
    });
    // Both settlers scored both sides on the run's own holdout; one wrote the challenge.
    expect(scored.filter((s) => s.endsWith(':holdout-run-2')).sort()).toEqual(['challenge-v1:holdout-run-2', 'challenge-v1:holdout-run-2', 'challenge-v2:holdout-run-2', 'challenge-v2:holdout-run-2']);
    const [event] = await db.select().from(db.t.auditEvents).where(and(eq(db.t.auditEvents.action, 'challenge.decide'), eq(db.t.auditEvents.targetId, row.id)));
    expect(event).toMatchObject({ userId: 'u1', targetType: 'challenge', detail: { runId: 'run-2', decision: 'kept_champion', challengerVersionId: 'v2', championVersionId: 'v1' } });
  });

  it('promotes a challenger that beats the champion once, when two settlers on two connections judge its run', async () => {
    const { db } = under;
    await db.insert(db.t.monitorSettings).values({ endpointId: 'ep', thresholds: {}, promotionMode: 'auto', updatedAt: T0 });
    await retrainRun('run-3', 3, 0.9);
    const input = { endpoint: await endpoint(), run: { id: 'run-3', status: 'succeeded', plan, errorMessage: null }, fireId: null, userId: 'u1' };
    const second = await secondConnection(under);
    try {
      const decided = await Promise.all([runChallenge(db, dataDir, compute, input), runChallenge(second.db, dataDir, compute, input)]);
      expect(decided.map((d) => d?.decision ?? 'none').sort()).toEqual(['none', 'promoted']);
    } finally {
      await second.close();
    }
    expect((await livePrimaryVersion(db, 'ep'))?.id).toBe('v3');
    const [row] = await db.select().from(db.t.challenges).where(eq(db.t.challenges.runId, 'run-3'));
    expect(row).toMatchObject({ challengerVersionId: 'v3', championVersionId: 'v1', decision: 'promoted', deployRequestId: null, figures: { promotionMode: 'auto', challenger: { metrics: { roc_auc: 0.9 } }, champion: { metrics: { roc_auc: 0.8 } } }, gates: [{ gate: 'beats champion v1 on roc_auc by >= 0', passed: true }] });
    expect(row.decidedAt).not.toBeNull();
    expect(await db.select({ action: db.t.auditEvents.action }).from(db.t.auditEvents).where(eq(db.t.auditEvents.action, 'deployment.deploy'))).toHaveLength(1);
    expect((await listChallenges(db, 'ep')).map((c) => [c.runId, c.decision])).toContainEqual(['run-3', 'promoted']);
  });

  it('asks a manager with a deploy request when the endpoint promotes on approval', async () => {
    const { db } = under;
    await db.update(db.t.monitorSettings).set({ promotionMode: 'approval' }).where(eq(db.t.monitorSettings.endpointId, 'ep'));
    await retrainRun('run-4', 4, 0.95);
    const decided = await runChallenge(db, dataDir, compute, { endpoint: await endpoint(), run: { id: 'run-4', status: 'succeeded', plan, errorMessage: null }, fireId: null, userId: 'u1' });
    expect(decided?.decision).toBe('awaiting_approval');
    const [row] = await db.select().from(db.t.challenges).where(eq(db.t.challenges.runId, 'run-4'));
    expect(row).toMatchObject({ challengerVersionId: 'v4', championVersionId: 'v3', decision: 'awaiting_approval', decidedAt: null });
    const [request] = await db.select().from(db.t.deployRequests).where(eq(db.t.deployRequests.id, row.deployRequestId ?? ''));
    expect(request).toMatchObject({ endpointId: 'ep', versionId: 'v4', mode: 'replace', state: 'pending', requestedBy: 'u1' });
    // Nothing serves differently until a manager decides.
    expect((await livePrimaryVersion(db, 'ep'))?.id).toBe('v3');
  });
}
