// The drift read path on both databases: the same predictions, logged through serving's own writer
// (columnar blocks on both: SQLite's rowids, Postgres's seqs), with rows outside any block, ties
// on created_at, a block made stale by a delete, another version's rows and rows after the window,
// give the same windows, drift statistics, decay with feedback labels, and scheduled check with
// its figures and alert on SQLite and Postgres. Each database's results are also checked against
// reading the window row by row. Seeded and read through the handle alone.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Predictions } from '../../nodes/models/predict';
import { columnsFromRows } from '../../nodes/monitor/drift/current-window';
import { driftCheck } from '../../nodes/monitor/drift/drift-check';
import { driftSettingsSchema } from '../../nodes/monitor/drift/drift-thresholds';
import { referenceProfile } from '../../nodes/monitor/drift/reference-profile';
import { createRule } from '../../server/alerts/alert-rules';
import type { AnyDb, Dialect } from '../../server/db/any-db';
import { testDatabaseKind } from '../../server/db/test-db';
import { runDueChecks } from '../../server/monitoring/check-scheduler';
import { decayFigures, labelledRows } from '../../server/monitoring/decay';
import { decisionSettings } from '../../server/monitoring/decision-settings';
import { endpointDrift, type DriftWindow } from '../../server/monitoring/endpoint-drift';
import { windowRows, type LogRow } from '../../server/monitoring/log-window';
import { saveMonitorSettings } from '../../server/monitoring/monitor-settings';
import { noServing } from '../../server/monitoring/test-kit';
import { PredictionLog } from '../../server/serving/prediction-log';
import { describeEachDatabase } from './helpers/each-database';
import { postgresForTests } from './helpers/postgres-available';

const T0 = 1_800_000_000_000; // past 2^31 ms, as every stored time is
const HOUR = 3_600_000;
const NOW = T0 + HOUR;
const settings = { ...driftSettingsSchema.parse({}), predictionKey: 'prediction' };

const profile = referenceProfile(
  [
    { name: 'x', type: 'numeric', values: Array.from({ length: 400 }, (_, i) => (i % 50) / 10) },
    { name: 'c', type: 'categorical', values: Array.from({ length: 400 }, (_, i) => ['a', 'b', 'c'][i % 3]) },
  ],
  { name: 'y', type: 'categorical', values: Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 'yes' : 'no')) },
  400,
);

async function seed(db: AnyDb): Promise<void> {
  const t = db.t;
  await db.insert(t.projects).values({ id: 'p1', name: 'Project one', createdAt: 1 });
  await db.insert(t.registeredModels).values({ id: 'm', projectId: 'p1', name: 'fraud', createdAt: 1, updatedAt: 1 });
  const lineage = { run: null, pipeline: null, stepId: null, output: null, steps: [], sources: [], metricsFrom: null };
  const signature = { inputs: [{ name: 'x', type: 'numeric' as const, role: 'feature' as const }, { name: 'c', type: 'categorical' as const, role: 'feature' as const }], target: 'y', task: 'binary' as const, labels: ['no', 'yes'] };
  const version = { modelId: 'm', source: 'run' as const, format: 'pipeworks/logistic', artifactId: 'a'.repeat(64), signature, metrics: {}, lineage };
  await db.insert(t.modelVersions).values([
    { id: 'v1', version: 1, createdAt: 1, ...version },
    { id: 'v2', version: 2, createdAt: 2, ...version },
  ]);
  await db.insert(t.modelVersionReferences).values({ versionId: 'v1', dataArtifactId: 'b'.repeat(64), profile, createdAt: 1 });
  await db.insert(t.endpoints).values({ id: 'ep', projectId: 'p1', name: 'm-live', modelId: 'm', createdAt: 1, updatedAt: 1 });
  await db.insert(t.deployments).values({ id: 'd', endpointId: 'ep', versionId: 'v1', role: 'primary', trafficPercent: 100, reason: 'deploy', createdAt: 1 });
}

/** A cell of row k: numbers mostly, and other kinds a logged input can have. */
const xCell = (k: number): unknown => (k % 37 === 0 ? null : k % 41 === 0 ? '3.5' : ((k * 7) % 60) / 10 + (k > 400 ? 1.5 : 0));
const cCell = (k: number): unknown => (k % 43 === 0 ? 4 : ['a', 'b', 'c', 'd'][(k * 5) % 4]);
const score = (k: number) => ((k * 13) % 100) / 100;
const binary = (p: number): Predictions => ({ task: 'binary', labels: ['no', 'yes'], scores: new Float64Array([1 - p, p]) });

let logged = 0;
/** Serving's prediction ids are UUIDs: its batches pack them as one string of 36-character ids. */
const idOf = (k: number) => `p${k}`.padStart(36, '0');

/** One serving batch of `n` rows at `times(i)` (every 9th row another version's), as serving logs it. */
async function logBatch(log: PredictionLog, n: number, times: (i: number) => number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const k = logged++;
    const names = k % 11 === 0 ? ['x'] : k % 2 === 0 ? ['x', 'c'] : ['c', 'x'];
    const cells: Record<string, unknown> = { x: xCell(k), c: cCell(k) };
    const meta = { id: idOf(k), endpointId: 'ep', versionId: k % 9 === 0 ? 'v2' : 'v1', role: 'primary' as const, shadowOf: null, keyId: null, createdAt: times(i), latencyMs: 1 + (k % 13) };
    log.add(meta, names, names.map((name) => [cells[name]]), 0, binary(score(k)));
  }
  await log.flush();
}

/** Rows written outside the serving writer (no block), as tests and older versions did. */
async function logLoose(db: AnyDb, times: number[]): Promise<void> {
  await db.insert(db.t.predictionLog).values(
    times.map((createdAt) => {
      const k = logged++;
      const p = score(k);
      return { id: idOf(k), endpointId: 'ep', versionId: 'v1', role: 'primary' as const, createdAt, latencyMs: 2, inputs: { x: xCell(k), c: cCell(k) }, outputs: { prediction: p >= 0.5 ? 'yes' : 'no', probabilities: { no: 1 - p, yes: p } } };
    }),
  );
}

const WINDOWS: DriftWindow[] = [{ lastN: 1_000_000 }, { lastN: 137 }, { lastN: 3 }, { lastHours: 0.1 }, { lastN: 200, lastHours: 0.2 }];

async function rowByRow(db: AnyDb, window: DriftWindow) {
  const rows: LogRow[] = [];
  const since = window.lastHours === undefined ? null : NOW - window.lastHours * HOUR;
  for await (const row of windowRows(db, { endpointId: 'ep', versionId: 'v1', since, now: NOW, limit: window.lastN ?? 1_000_000 }, 7)) rows.push(row);
  const answered = rows.filter((r) => 'prediction' in r.outputs).length;
  const report = driftCheck(profile, { rows: rows.length, columns: columnsFromRows(profile.features, rows.map((r) => r.inputs)), predictions: rows.length > 0 && answered === rows.length ? rows.map((r) => r.outputs.prediction) : null }, settings);
  return { report, ids: rows.map((r) => r.id), visits: rows.map((r) => [r.createdAt, r.latencyMs, r.rowid]) };
}

const postgres = await postgresForTests();

/** What each database gave, to be compared once both ran. */
const results = new Map<Dialect, Record<string, unknown>>();

describeEachDatabase('drift, decay and scheduled checks', (under) => {
  const { dialect } = under;
  const got: Record<string, unknown> = {};
  results.set(dialect, got);
  let log: PredictionLog;

  beforeAll(async () => {
    logged = 0;
    await seed(under.db);
    log = new PredictionLog(dialect === 'sqlite' ? under.location : under.db, (message) => {
      throw new Error(message);
    });
    // Blocks cut by the windows, blocks overlapping in time with ties on created_at, loose rows
    // between and among them, and rows logged after the window's end.
    for (let b = 0; b < 4; b++) await logBatch(log, 60, (i) => T0 + b * 600_000 + i * 1000);
    await logLoose(under.db, Array.from({ length: 30 }, (_, i) => T0 + 2_000_000 + i * 7000));
    await logBatch(log, 50, (i) => T0 + 3_000_000 + (i % 10) * 1000);
    await logBatch(log, 50, () => T0 + 3_005_000);
    await logLoose(under.db, [T0 + 3_005_000, T0 + 3_005_000, T0 + 3_300_000]);
    await logBatch(log, 20, (i) => NOW + 1000 + i);
    // A delete turns its block stale: its rows are then read one by one.
    await under.db.delete(under.db.t.predictionLog).where(eq(under.db.t.predictionLog.id, idOf(61)));
    // Labels for every third prediction of v1, as the feedback route stores them.
    const labels = Array.from({ length: logged }, (_, k) => k)
      .filter((k) => k % 3 === 0 && k % 9 !== 0 && k !== 61)
      .map((k, row) => ({ row, predictionId: idOf(k), label: (k * 7) % 10 < 3 ? 'yes' : 'no' }));
    expect(await log.feedback('ep', null, labels)).toEqual({ stored: labels.length, unknown: [] });
  }, 60_000);
  afterAll(async () => {
    await log?.close();
  });

  it('reads each window as reading it row by row does', async () => {
    const { db } = under;
    // Serving's writer made a block per batch and version on both databases; the delete made one stale.
    const blocks = await db.select({ versionId: db.t.predictionLogBlocks.versionId, stale: db.t.predictionLogBlocks.stale }).from(db.t.predictionLogBlocks);
    expect(blocks.filter((b) => b.versionId === 'v1')).toHaveLength(7);
    expect(blocks.filter((b) => b.stale)).toHaveLength(1);
    for (const window of WINDOWS) {
      const visits: number[][] = [];
      const report = await endpointDrift(db, 'ep', window, settings, { dataDir: '/unused', now: NOW, visit: (createdAt, latencyMs, rowid) => visits.push([createdAt, latencyMs, rowid]) });
      const expected = await rowByRow(db, window);
      expect(visits).toEqual(expected.visits);
      const figures = { rows: report.rows, features: report.features, prediction: report.prediction, driftedFeatures: report.driftedFeatures };
      expect(figures).toEqual({ rows: expected.report.rows, features: expected.report.features, prediction: expected.report.prediction, driftedFeatures: expected.report.driftedFeatures });
      got[`window ${JSON.stringify(window)}`] = { ...figures, window: report.window, predictionNote: report.predictionNote, ids: expected.ids, visits: visits.map(([createdAt, latencyMs]) => [createdAt, latencyMs]) };
    }
    const all = got[`window ${JSON.stringify(WINDOWS[0])}`] as { rows: number; driftedFeatures: string[] };
    // 340 served rows up to NOW of which 39 are v2's, less the deleted one, and 33 loose rows.
    expect(all.rows).toBe(340 - 39 - 1 + 33);
    expect(all.driftedFeatures).toContain('c');
  });

  it('scores the window with its feedback labels', async () => {
    const { db } = under;
    let oldest = { createdAt: 0, rowid: 0 };
    const report = await endpointDrift(db, 'ep', { lastN: 137 }, settings, { dataDir: '/unused', now: NOW, visit: (createdAt, _latency, rowid) => (oldest = { createdAt, rowid }) });
    const rows = await labelledRows(db, { endpointId: 'ep', versionId: 'v1', to: report.window.to!, from: oldest.createdAt, oldestRowid: oldest.rowid });
    const decay = decayFigures(rows, (await db.select({ signature: db.t.modelVersions.signature }).from(db.t.modelVersions).where(eq(db.t.modelVersions.id, 'v1')))[0].signature, await decisionSettings(db, 'm', { run: null, pipeline: null, stepId: null, output: null, steps: [], sources: [], metricsFrom: null }));
    expect(decay.labelled).toBeGreaterThan(30);
    expect(decay.labelled).toBeLessThan(137);
    expect(decay.figures.map((f) => f.metric)).toEqual(expect.arrayContaining(['accuracy', 'roc_auc']));
    got.decay = { rows, decay };
  });

  it('runs a scheduled check end to end: figures, decay and an alert', async () => {
    const { db } = under;
    await saveMonitorSettings(db, { endpointId: 'ep', windowKind: 'predictions', windowSize: 150, checkIntervalMinutes: 60, thresholds: driftSettingsSchema.parse({}) }, null, T0);
    await createRule(db, '/unused', 'ep', { metric: 'psi', feature: 'c', operator: '>', threshold: 0.1, forWindows: 1, name: 'categories moved', severity: 'warning', webhookId: null, enabled: true }, null, T0);
    const [done, ...others] = await runDueChecks(db, { dataDir: '/unused', now: () => NOW, fetchStats: noServing });
    expect(others).toEqual([]);
    expect(done.check).toMatchObject({ endpointId: 'ep', versionId: 'v1', trigger: 'schedule', status: 'drift', rows: 150, error: null });
    expect(done.check.labelledRows).toBeGreaterThan(30);
    expect(done.alerts.opened).toHaveLength(1);
    const stored = await db.select().from(db.t.monitorFigures).where(eq(db.t.monitorFigures.checkId, done.check.id));
    const figures = stored.map(({ feature, metric, value, flagged }) => ({ feature, metric, value, flagged })).sort((a, b) => `${a.feature}\u0000${a.metric}`.localeCompare(`${b.feature}\u0000${b.metric}`));
    expect(figures.map((f) => f.metric)).toEqual(expect.arrayContaining(['psi', 'ks', 'accuracy', 'latency_p99', 'throughput_rps']));
    const { id: _id, finishedAt: _finished, ...check } = done.check;
    got.check = { check, figures, alert: { value: done.alerts.opened[0].value, message: done.alerts.opened[0].message } };
  });
});

// Both halves gave the same numbers. Skipped only where one half does not run: the whole suite's
// Postgres pass runs no SQLite half (each-database.ts), and where Postgres is unreachable
// postgresForTests() prints why (PIPEWORKS_REQUIRE_POSTGRES=1, set by .ci/run, fails instead).
it.skipIf(testDatabaseKind() === 'postgres' || !postgres)('gives the same numbers on SQLite and on Postgres', () => {
  expect(results.get('sqlite')).toBeDefined();
  expect(results.get('pg')).toEqual(results.get('sqlite'));
});
