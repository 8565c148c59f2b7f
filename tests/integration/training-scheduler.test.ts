// The training scheduler against the real database (SQLite, or Postgres in its pass) and the real runner: cron, dataset and alert
// triggers start runs with their trigger kind; a second claim of the same fire (a restart, a
// second process ticking at the same moment) starts nothing; fires missed while down collapse into one.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { first } from '../../server/db/any-db';
import { closeDb, getDb } from '../../server/db/client';
import { resetEnvForTests } from '../../server/env';
import { seedSampleProject } from '../../server/pipelines/seed';
import { latestVersionNumber, saveVersion } from '../../server/pipelines/versions';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { createEndpoint, fraudModel, registerModel } from '../../server/serving/test-kit';
import { schedulerTick } from '../../server/training/scheduler';
import { createTrigger } from '../../server/training/triggers';
import { importCsv } from './helpers/import-dataset';
import { datasetClassifier } from './helpers/registry-pipeline';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const T0 = Date.parse('2026-03-02T10:07:00Z');
const sampleCsv = new URL('../../nodes/ingest/samples/breast-cancer.csv', import.meta.url).pathname;

beforeAll(async () => {
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  resetEnvForTests();
  await seedSampleProject(getDb().anyDb);
  await importCsv(getDb().anyDb, dataDir, sampleCsv, 'cancer');
  const doc = datasetClassifier({ id: 'retrain', dataset: 'cancer' });
  await saveVersion(getDb().anyDb, 'sample', doc, null, { baseVersion: await latestVersionNumber(getDb().anyDb, doc.id) });
});

afterAll(async () => {
  await closeRunManager();
  closeDb();
});

const db = () => getDb().anyDb;
const t = () => db().t;
const firesOf = (triggerId: string) => db().select().from(t().triggerFires).where(eq(t().triggerFires.triggerId, triggerId)).orderBy(asc(t().triggerFires.firedAt));
const firedAudits = () => db().select().from(t().auditEvents).where(eq(t().auditEvents.action, 'trigger.fire')).orderBy(asc(t().auditEvents.id));
const setTrigger = (id: string, values: { nextFireAt?: number | null; enabled?: boolean }) => db().update(t().trainingTriggers).set(values).where(eq(t().trainingTriggers.id, id));

async function ended(runId: string) {
  await getRunManager().whenDone(runId);
  const { runs } = t();
  return first(await db().select({ status: runs.status, trigger: runs.trigger }).from(runs).where(eq(runs.id, runId)).limit(1));
}

describe('cron triggers', () => {
  it('fires at the scheduled minute, once, even when a second tick read the same due row', async () => {
    const trigger = await createTrigger(getDb().anyDb, { kind: 'cron', pipelineId: 'retrain', cron: '*/15 * * * *' }, null, T0);
    expect(new Date(trigger.nextFireAt!).toISOString()).toBe('2026-03-02T10:15:00.000Z');
    expect((await schedulerTick(getDb().anyDb, { dataDir, now: () => T0 + 60_000 })).fired).toEqual([]);
    const at = Date.parse('2026-03-02T10:15:20Z');
    const a = await schedulerTick(getDb().anyDb, { dataDir, now: () => at });
    // A second process (or a restart) that read the row while it was still due: the row is put
    // back as it read it, and its claim of the same fire meets the unique dedupe key.
    await setTrigger(trigger.id, { nextFireAt: trigger.nextFireAt });
    const b = await schedulerTick(getDb().anyDb, { dataDir, now: () => at });
    const states = [...a.fired, ...b.fired].map((f) => f.state);
    expect(states).toEqual(['started', 'claimed_elsewhere']);
    const fires = await firesOf(trigger.id);
    expect(fires).toHaveLength(1);
    const [fire] = fires;
    expect(fire.dedupeKey).toBe('2026-03-02T10:15:00.000Z');
    expect(await ended(fire.runId!)).toEqual({ status: 'succeeded', trigger: 'schedule' });
    const { trainingTriggers } = t();
    const [row] = await db().select({ nextFireAt: trainingTriggers.nextFireAt }).from(trainingTriggers).where(eq(trainingTriggers.id, trigger.id));
    expect(new Date(row.nextFireAt!).toISOString()).toBe('2026-03-02T10:30:00.000Z');
    expect((await firedAudits()).map((e) => e.targetId)).toEqual([fire.runId]);
    await setTrigger(trigger.id, { enabled: false });
  });

  it('fires once for the latest missed time after being down, not a burst', async () => {
    const trigger = await createTrigger(getDb().anyDb, { kind: 'cron', pipelineId: 'retrain', cron: '0 * * * *' }, null, T0);
    // Down from 10:07 to 15:30: 11:00 … 15:00 were missed; one run, for 15:00.
    const result = await schedulerTick(getDb().anyDb, { dataDir, now: () => Date.parse('2026-03-02T15:30:00Z') });
    expect(result.fired.map((f) => [f.state, f.dedupeKey])).toEqual([['started', '2026-03-02T15:00:00.000Z']]);
    const again = await schedulerTick(getDb().anyDb, { dataDir, now: () => Date.parse('2026-03-02T15:45:00Z') });
    expect(again.fired).toEqual([]);
    const detail = (await firedAudits()).at(-1)!.detail as Record<string, unknown>;
    expect(detail).toMatchObject({ scheduledFor: '2026-03-02T15:00:00.000Z', missedTimes: 4 });
    await ended((await firesOf(trigger.id))[0].runId!);
    await setTrigger(trigger.id, { enabled: false });
  });
});

describe('dataset and alert triggers', () => {
  it('fires for a dataset version created after the trigger, once', async () => {
    const datasetId = (await importCsv(getDb().anyDb, dataDir, sampleCsv, 'cancer')).version.datasetId;
    await createTrigger(getDb().anyDb, { kind: 'dataset', pipelineId: 'retrain', datasetId }, null);
    expect((await schedulerTick(getDb().anyDb, { dataDir })).fired).toEqual([]);
    const smaller = path.join(dataDir, 'cancer-next.csv');
    writeFileSync(smaller, readFileSync(sampleCsv, 'utf8').split('\n').slice(0, 400).join('\n'));
    const next = await importCsv(getDb().anyDb, dataDir, smaller, 'cancer');
    const fired = (await schedulerTick(getDb().anyDb, { dataDir })).fired;
    expect(fired.map((f) => [f.state, f.dedupeKey])).toEqual([['started', next.version.id]]);
    expect((await schedulerTick(getDb().anyDb, { dataDir })).fired).toEqual([]);
    expect(await ended((fired[0] as { runId: string }).runId)).toEqual({ status: 'succeeded', trigger: 'dataset' });
  });

  it('fires for each alert its rule opens, and records why a run could not start', async () => {
    const model = await registerModel(db(), dataDir, fraudModel(0), 'fraud', 'sample');
    const endpointId = await createEndpoint(db(), 'fraud-live', model.modelId, { projectId: 'sample' });
    const { alertRules, alerts } = t();
    await db().insert(alertRules).values({ id: 'rule', endpointId, name: 'amount drift', metric: 'psi', feature: 'amount', operator: '>', threshold: 0.2, createdAt: 1, updatedAt: 1 });
    const trigger = await createTrigger(getDb().anyDb, { kind: 'alert', pipelineId: 'retrain', alertRuleId: 'rule' }, null);
    expect(trigger.endpointId).toBe(endpointId);
    await db().insert(alerts).values({ id: 'a1', ruleId: 'rule', endpointId, state: 'open', severity: 'warning', message: 'psi(amount) = 0.4 > 0.2', value: 0.4, openedAt: Date.now() });
    const [fire] = (await schedulerTick(getDb().anyDb, { dataDir })).fired;
    expect(fire).toMatchObject({ state: 'started', dedupeKey: 'a1' });
    expect(await ended((fire as { runId: string }).runId)).toEqual({ status: 'succeeded', trigger: 'alert' });
    // The pipeline breaks (its dataset is gone from the document): the fire says why, nothing crashes.
    const broken = datasetClassifier({ id: 'retrain', dataset: 'no-such-data' });
    await saveVersion(getDb().anyDb, 'sample', broken, null, { baseVersion: await latestVersionNumber(getDb().anyDb, 'retrain') });
    await db().update(alerts).set({ state: 'resolved', resolvedAt: Date.now() }).where(eq(alerts.id, 'a1'));
    await db().insert(alerts).values({ id: 'a2', ruleId: 'rule', endpointId, state: 'open', severity: 'warning', message: 'psi(amount) = 0.5 > 0.2', value: 0.5, openedAt: Date.now() });
    const [failed] = (await schedulerTick(getDb().anyDb, { dataDir })).fired;
    expect(failed).toMatchObject({ state: 'failed', dedupeKey: 'a2' });
    expect((await firesOf(trigger.id)).find((f) => f.dedupeKey === 'a2')).toMatchObject({ runId: null, error: expect.stringContaining('no-such-data') });
  });
});
