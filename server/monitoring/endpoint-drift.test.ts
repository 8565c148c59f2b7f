// endpointDrift reading the serving writer's columnar blocks must give exactly what reading the
// window's rows one by one gives (windowRows + columnsFromRows + driftCheck): the same rows, in the
// same order, the same statistics, for windows cut inside a block, blocks that overlap in time,
// rows with no block, and blocks made stale by deletes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Predictions } from '../../nodes/models/predict';
import { columnsFromRows } from '../../nodes/monitor/drift/current-window';
import { driftCheck } from '../../nodes/monitor/drift/drift-check';
import { driftSettingsSchema } from '../../nodes/monitor/drift/drift-thresholds';
import { referenceProfile } from '../../nodes/monitor/drift/reference-profile';
import type { ReferenceProfile } from '../../nodes/monitor/drift/reference-types';
import { deployments, endpoints, predictionLog } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { registerModelVersion } from '../registry/register';
import { draft, seedRegistryFixtures } from '../registry/test-kit';
import { LogBatch } from '../serving/prediction-log-batch';
import { createLogWriter } from '../serving/prediction-log-writer.mjs';
import { endpointDrift, type DriftWindow } from './endpoint-drift';
import { windowRows, type LogRow } from './log-window';

const NOW = 1_800_000_000_000;
const settings = { ...driftSettingsSchema.parse({}), predictionKey: 'prediction' };
const binary = (p: number): Predictions => ({ task: 'binary', labels: ['no', 'yes'], scores: new Float64Array([1 - p, p]) });

let t: TestDb;
let versionId: string;
let otherVersion: string;
let profile: ReferenceProfile;
let write: (batch: ReturnType<LogBatch['pack']>['batch']) => number;
let logged = 0;

beforeEach(async () => {
  t = openTestDb();
  await seedRegistryFixtures(t.anyDb);
  profile = referenceProfile(
    [
      { name: 'x', type: 'numeric', values: Array.from({ length: 300 }, (_, i) => (i % 50) / 10) },
      { name: 'c', type: 'categorical', values: Array.from({ length: 300 }, (_, i) => ['a', 'b', 'c'][i % 3]) },
      { name: 'gone', type: 'numeric', values: Array.from({ length: 300 }, (_, i) => i) },
    ],
    { name: 'y', type: 'categorical', values: Array.from({ length: 300 }, (_, i) => (i % 4 === 0 ? 'yes' : 'no')) },
    300,
  );
  const v = await registerModelVersion(t.anyDb, { projectId: 'p1', modelName: 'm', draft: draft({ reference: { dataArtifactId: 'b'.repeat(64), profile } }), userId: null, via: 'manual' });
  const w = await registerModelVersion(t.anyDb, { projectId: 'p1', modelName: 'm', draft: draft({ reference: { dataArtifactId: 'c'.repeat(64), profile } }), userId: null, via: 'manual' });
  versionId = v.versionId;
  otherVersion = w.versionId;
  t.db.insert(endpoints).values({ id: 'ep', projectId: 'p1', name: 'm-live', modelId: v.modelId, createdAt: NOW, updatedAt: NOW }).run();
  t.db.insert(deployments).values({ id: 'd', endpointId: 'ep', versionId, role: 'primary', trafficPercent: 100, reason: 'deploy', createdAt: NOW }).run();
  write = createLogWriter(t.sqlite);
});
afterEach(() => t.cleanup());

/** A cell of row i: numbers mostly, and every other kind a logged input can have. */
function xCell(i: number): unknown {
  const odd = [Number.NaN, null, '3.5', 'oops', undefined, -0, Number.POSITIVE_INFINITY];
  return i % 37 < odd.length ? odd[i % 37] : ((i * 7) % 60) / 10;
}
function cCell(i: number): unknown {
  const odd = [null, 4, { nested: true }, true, 'zz', undefined];
  return i % 41 < odd.length ? odd[i % 41] : ['a', 'b', 'c', 'd'][(i * 5) % 4];
}

/** One serving batch of `n` rows at `times(i)`, for the live version and (every 9th row) another. */
function logBatch(n: number, times: (i: number) => number): void {
  const batch = new LogBatch();
  for (let i = 0; i < n; i++) {
    const k = logged++;
    // Requests send their columns in either order, sometimes without c.
    const names = k % 11 === 0 ? ['x'] : k % 2 === 0 ? ['x', 'c'] : ['c', 'x'];
    const cells: Record<string, unknown> = { x: xCell(k), c: cCell(k) };
    const meta = { id: `${k}`.padStart(36, '0'), endpointId: 'ep', versionId: k % 9 === 0 ? otherVersion : versionId, role: 'primary' as const, shadowOf: null, keyId: null, createdAt: times(i), latencyMs: 1 + (k % 13) };
    batch.add(meta, names, names.map((name) => [cells[name]]), 0, binary(((k * 13) % 100) / 100));
  }
  write(structuredClone(batch.pack().batch));
}

/** A row written outside the serving writer (no block), as tests and older versions did. */
function logRow(createdAt: number): void {
  const k = logged++;
  const inputs = JSON.parse(JSON.stringify({ x: xCell(k), c: cCell(k) })) as Record<string, unknown>;
  t.db.insert(predictionLog).values({ id: `id-${k}`, endpointId: 'ep', versionId, role: 'primary', createdAt, latencyMs: 2, inputs, outputs: k % 5 === 0 ? {} : { prediction: k % 3 === 0 ? 'yes' : 'no' } }).run();
}

/** The check as reading every row of the window as an object gives it, and the rows' order. */
async function rowByRow(window: DriftWindow) {
  const rows: LogRow[] = [];
  for await (const row of windowRows(t.anyDb, { endpointId: 'ep', versionId, since: window.lastHours === undefined ? null : NOW - window.lastHours * 3_600_000, now: NOW, limit: window.lastN ?? 1_000_000 }, 7)) rows.push(row);
  const answered = rows.filter((r) => 'prediction' in r.outputs).length;
  const report = driftCheck(
    profile,
    { rows: rows.length, columns: columnsFromRows(profile.features, rows.map((r) => r.inputs)), predictions: rows.length > 0 && answered === rows.length ? rows.map((r) => r.outputs.prediction) : null },
    settings,
  );
  return { report, visits: rows.map((r) => [r.createdAt, r.latencyMs, r.rowid]) };
}

async function check(window: DriftWindow) {
  const visits: number[][] = [];
  const report = await endpointDrift(t.anyDb, 'ep', window, settings, { dataDir: t.dir, now: NOW, visit: (createdAt, latencyMs, rowid) => visits.push([createdAt, latencyMs, rowid]) });
  const expected = await rowByRow(window);
  expect(visits).toEqual(expected.visits);
  expect({ rows: report.rows, features: report.features, prediction: report.prediction, driftedFeatures: report.driftedFeatures }).toEqual({
    rows: expected.report.rows,
    features: expected.report.features,
    prediction: expected.report.prediction,
    driftedFeatures: expected.report.driftedFeatures,
  });
  return report;
}

const blocks = () => t.sqlite.prepare('SELECT count(*) AS n, sum(stale) AS stale FROM prediction_log_blocks').get() as { n: number; stale: number };

describe('endpointDrift over columnar log blocks', () => {
  it('gives the row-by-row result for windows cut inside blocks, in time and in count', async () => {
    for (let b = 0; b < 12; b++) logBatch(50, (i) => NOW - 3_600_000 * 3 + b * 1_000_000 + i * 1000);
    expect(blocks().n).toBe(24);
    for (const window of [{ lastN: 1_000_000 }, { lastN: 137 }, { lastN: 1 }, { lastHours: 1.3 }, { lastN: 200, lastHours: 2 }, { lastHours: 0.0001 }]) await check(window);
    expect((await check({ lastN: 137 })).rows).toBe(137);
    // Entries logged after `now` are outside the window.
    logBatch(20, (i) => NOW - 10_000 + i * 1000);
    await check({ lastN: 1_000_000 });
    await check({ lastN: 15 });
  });

  it('merges blocks that overlap in time, ties on created_at included', async () => {
    logBatch(60, (i) => NOW - 100_000 + (i % 20) * 1000);
    logBatch(60, (i) => NOW - 90_000 + (i % 7) * 3000);
    logBatch(60, () => NOW - 80_000);
    for (const window of [{ lastN: 1_000_000 }, { lastN: 70 }, { lastN: 3 }, { lastHours: 85 / 3600 }]) await check(window);
  });

  it('reads rows that have no block, between and around blocks', async () => {
    for (let i = 0; i < 40; i++) logRow(NOW - 500_000 + i * 10_000);
    logBatch(100, (i) => NOW - 300_000 + i * 1000);
    for (let i = 0; i < 30; i++) logRow(NOW - 250_000 + i * 7000);
    for (const window of [{ lastN: 1_000_000 }, { lastN: 90 }, { lastN: 135 }, { lastHours: 0.1 }]) await check(window);
    // Some outputs lack the prediction: no prediction drift, and the note says why.
    expect((await check({ lastN: 1_000_000 })).predictionNote).toMatch(/logged outputs have no "prediction"/);
  });

  it('reads a block row by row once a delete or a change makes it stale, and drops it with its last row', async () => {
    logBatch(50, (i) => NOW - 200_000 + i * 1000);
    logBatch(50, (i) => NOW - 100_000 + i * 1000);
    t.sqlite.prepare('DELETE FROM prediction_log WHERE rowid IN (SELECT rowid FROM prediction_log WHERE version_id = ? ORDER BY rowid LIMIT 5)').run(versionId);
    expect(blocks().stale).toBe(1);
    await check({ lastN: 1_000_000 });
    await check({ lastN: 60 });
    t.sqlite.prepare('UPDATE prediction_log SET inputs = ? WHERE rowid = (SELECT max(rowid) FROM prediction_log WHERE version_id = ?)').run('{"x":99}', versionId);
    expect(blocks().stale).toBe(2);
    await check({ lastN: 1_000_000 });
    t.sqlite.prepare('DELETE FROM prediction_log WHERE created_at < ?').run(NOW - 150_000);
    expect(blocks().n).toBe(2);
    await check({ lastN: 1_000_000 });
    // Deleting the endpoint deletes its blocks with its rows.
    t.db.delete(endpoints).run();
    expect(blocks().n).toBe(0);
  });
});
