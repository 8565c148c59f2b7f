// Reference statistics are computed once at registration from the train step's table and stored
// with the version; an endpoint's drift check reads them and the prediction log, never the
// training data. The serving process is issue 13's: here the log rows are written directly.
import { readFileSync } from 'node:fs';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeValue } from '../../nodes/codec';
import type { CategoricalReference, NumericReference } from '../../nodes/monitor/drift/reference-types';
import { driftSettingsSchema } from '../../nodes/monitor/drift/drift-thresholds';
import { first } from '../../server/db/any-db';
import { closeDb, getDb } from '../../server/db/client';
import { resetEnvForTests } from '../../server/env';
import { endpointDrift } from '../../server/monitoring/endpoint-drift';
import { windowRows, type LogRow } from '../../server/monitoring/log-window';
import { seedSampleProject } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { latestVersionNumber, saveVersion } from '../../server/pipelines/versions';
import { readRun } from '../../server/runners/read-run';
import { listVersions } from '../../server/registry/registry-list';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { readArtifactBytesSync } from '../../server/store/artifact-files';
import { readColumn } from '../../nodes/table/read-column';
import { datasetClassifier } from './helpers/registry-pipeline';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const csv = readFileSync(new URL('../../nodes/ingest/samples/breast-cancer.csv', import.meta.url), 'utf8').trim().split('\n');
const header = csv[0].split(',');
const sampleRows = csv.slice(1).map((line) => Object.fromEntries(line.split(',').map((cell, i) => [header[i], i < header.length - 1 ? Number(cell) : cell])));

beforeAll(async () => {
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  process.env.PIPEWORKS_TEST_NODES = '1';
  resetEnvForTests();
  await seedSampleProject(getDb().anyDb);
});

afterAll(async () => {
  await closeRunManager();
  closeDb();
});

/** The version's stored reference row, or null. */
async function storedReference(versionId: string) {
  const { anyDb } = getDb();
  const { modelVersionReferences } = anyDb.t;
  return first(await anyDb.select().from(modelVersionReferences).where(eq(modelVersionReferences.versionId, versionId)).limit(1));
}

async function rowsOf(rows: AsyncIterable<LogRow>): Promise<LogRow[]> {
  const out: LogRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const settings = { ...driftSettingsSchema.parse({}), predictionKey: 'prediction' };
let versionId: string;

describe('reference statistics at registration', () => {
  it('stores the training split profile with the version, exact for this size', async () => {
    const doc = datasetClassifier({ register: 'cancer-drift' });
    await saveVersion(getDb().anyDb, 'sample', doc, null, { baseVersion: await latestVersionNumber(getDb().anyDb, doc.id) });
    const { runId } = await startRun(getDb().anyDb, { pipelineId: doc.id, trigger: 'api', userId: null });
    await getRunManager().whenDone(runId);
    const run = (await readRun(getDb().anyDb, runId))!;
    expect(run.status).toBe('succeeded');
    versionId = (await listVersions(getDb().anyDb, { offset: 0, limit: 5, sort: 'created', direction: 'desc' })).rows[0].id;

    const stored = (await storedReference(versionId))!;
    const trainTable = run.steps.find((s) => s.stepId === 'split')!.outputs!.train.id;
    expect(stored.dataArtifactId).toBe(trainTable);
    const { profile } = stored;
    expect(profile.features).toHaveLength(30);
    const radius = profile.features.find((f) => f.name === 'mean_radius') as NumericReference;
    expect(radius.exact).toBe(true);
    const decoded = decodeValue('table', readArtifactBytesSync(dataDir, trainTable));
    if (decoded.kind !== 'table') throw new Error('not a table');
    const values = readColumn(decoded.table, 'mean_radius') as number[];
    expect(radius.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
    expect(radius.values[0]).toBe(Math.min(...values));
    const target = profile.target as CategoricalReference;
    expect(target.categories.map((c) => c.value).sort()).toEqual(['benign', 'malignant']);
    expect(profile.rows).toBe(values.length);
  });
});

describe('endpoint drift check', () => {
  const now = Date.UTC(2026, 11, 6, 12);

  beforeAll(async () => {
    const { anyDb } = getDb();
    const { deployments, endpoints, predictionLog } = anyDb.t;
    const version = (await listVersions(anyDb, { offset: 0, limit: 5, sort: 'created', direction: 'desc' })).rows[0];
    await anyDb.insert(endpoints).values({ id: 'ep1', projectId: 'sample', name: 'cancer', modelId: version.modelId, createdAt: now, updatedAt: now });
    await anyDb.insert(deployments).values({ id: 'd1', endpointId: 'ep1', versionId, role: 'primary', trafficPercent: 100, reason: 'deploy', createdAt: now });
    // Three hours ago: the sample as it came. The last hour: mean_radius shifted by +6.
    const log = (id: string, at: number, inputs: Record<string, unknown>, prediction: string) => ({ id, endpointId: 'ep1', versionId, role: 'primary' as const, createdAt: at, latencyMs: 1, inputs, outputs: { prediction } });
    await anyDb.insert(predictionLog).values(sampleRows.map(({ diagnosis, ...inputs }, i) => log(`old-${i}`, now - 3 * 3_600_000 + i, inputs, String(diagnosis))));
    await anyDb.insert(predictionLog).values(sampleRows.map(({ diagnosis, ...inputs }, i) => log(`new-${i}`, now - 1_800_000 + i, { ...inputs, mean_radius: (inputs.mean_radius as number) + 6 }, String(diagnosis))));
  });

  it('finds no drift when traffic looks like training', async () => {
    const report = await endpointDrift(getDb().anyDb, 'ep1', { lastN: 400, lastHours: 5 }, settings, { dataDir, now: now - 2 * 3_600_000 });
    expect(report.rows).toBe(400);
    expect(report.driftedFeatures).toEqual([]);
    expect(report.prediction?.drifted).toBe(false);
    expect(report.predictionNote).toBeNull();
  });

  it('flags the shifted feature over the last hour, and only it', async () => {
    const report = await endpointDrift(getDb().anyDb, 'ep1', { lastHours: 1 }, settings, { dataDir, now });
    expect(report.rows).toBe(sampleRows.length);
    expect(report.driftedFeatures).toEqual(['mean_radius']);
    const radius = report.features.find((f) => f.name === 'mean_radius')!;
    expect(radius.kind === 'numeric' && radius.ks!.pValue).toBeLessThan(1e-10);
    expect(radius.reasons[0]).toMatch(/^PSI /);
  });

  it('pages through the log newest first without losing or repeating a row, ties included', async () => {
    const { anyDb } = getDb();
    const { predictionLog } = anyDb.t;
    for (let i = 0; i < 5; i++) {
      await anyDb.insert(predictionLog).values({ id: `tie-${i}`, endpointId: 'ep1', versionId, role: 'primary', createdAt: now - 1_800_000 - 1, latencyMs: 1, inputs: {}, outputs: {} });
    }
    const ids = async (batch: number) => (await rowsOf(windowRows(anyDb, { endpointId: 'ep1', versionId, since: now - 2 * 3_600_000, now, limit: 600 }, batch))).map((r) => r.id);
    const all = await ids(1000);
    expect(all).toHaveLength(sampleRows.length + 5);
    expect(all[0]).toBe(`new-${sampleRows.length - 1}`);
    expect(all.slice(-5)).toEqual(['tie-4', 'tie-3', 'tie-2', 'tie-1', 'tie-0']);
    // Batches of 3 and 7 end inside the tied group; neither loses nor repeats a row.
    expect(await ids(3)).toEqual(all);
    expect(await ids(7)).toEqual(all);
    expect(await rowsOf(windowRows(anyDb, { endpointId: 'ep1', versionId, since: null, now, limit: 10 }, 3))).toHaveLength(10);
    await anyDb.delete(predictionLog).where(like(predictionLog.id, 'tie-%'));
  });

  it('computes a missing reference once from the run, for versions registered before there were any', async () => {
    const { anyDb } = getDb();
    const before = (await storedReference(versionId))!;
    await anyDb.delete(anyDb.t.modelVersionReferences);
    expect(await storedReference(versionId)).toBeNull();
    const report = await endpointDrift(anyDb, 'ep1', { lastHours: 1 }, settings, { dataDir, now });
    expect(report.driftedFeatures).toEqual(['mean_radius']);
    const after = (await storedReference(versionId))!;
    expect(after.profile).toEqual(before.profile);
    expect(after.dataArtifactId).toBe(before.dataArtifactId);
  });

  it('names what is missing instead of guessing', async () => {
    const { anyDb } = getDb();
    await expect(endpointDrift(anyDb, 'nope', { lastN: 10 }, settings, { dataDir })).rejects.toThrow('Endpoint nope was not found');
    await expect(endpointDrift(anyDb, 'ep1', {}, settings, { dataDir })).rejects.toThrow(/lastN predictions or lastHours/);
    const report = await endpointDrift(anyDb, 'ep1', { lastN: 5 }, { ...settings, predictionKey: 'score' }, { dataDir, now });
    expect(report.prediction).toBeNull();
    expect(report.predictionNote).toBe('5 of 5 logged outputs have no "score" (keys: prediction)');
  });
});
