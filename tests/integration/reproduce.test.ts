// Reproducibility: pipeline v1 run twice on the same data gives the same cache keys and, for its
// deterministic steps, the same artifact hashes, even when every step really executes again; and
// "reproduce this run" reads the dataset version the run read, not the one uploaded since.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineDoc } from '../../engine/document';
import { first } from '../../server/db/any-db';
import { closeDb, getDb } from '../../server/db/client';
import { resetEnvForTests } from '../../server/env';
import { seedSampleProject } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { latestVersionNumber, saveVersion } from '../../server/pipelines/versions';
import { readRun } from '../../server/runners/read-run';
import { reproduceRun } from '../../server/runs/reproduce-run';
import { reproductionCheck } from '../../server/runs/run-record';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { artifactPath } from '../../server/store/artifact-files';
import { importCsv } from './helpers/import-dataset';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const churn = path.join(process.cwd(), 'nodes/ingest/samples/customer-churn.csv');

beforeAll(async () => {
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  resetEnvForTests();
  await seedSampleProject(getDb().anyDb);
});

afterAll(async () => {
  await closeRunManager();
  closeDb();
});

const doc: PipelineDoc = {
  schemaVersion: 1,
  id: 'reproducible',
  name: 'Reproducible',
  nodes: [
    { id: 'ingest', type: 'ingest/dataset', version: 1, params: { name: 'churn' }, position: { x: 0, y: 0 } },
    { id: 'clean', type: 'clean/deduplicate', version: 1, params: {}, position: { x: 200, y: 0 } },
    { id: 'split', type: 'split/random', version: 1, params: { train: 0.7, validation: 0.1, test: 0.2, seed: 11, stratifyBy: 'churned' }, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'clean', targetHandle: 'table' },
    { id: 'e2', source: 'clean', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
  ],
};

const stepsOf = async (runId: string) => new Map((await readRun(getDb().anyDb, runId))!.steps.map((s) => [s.stepId, s]));

describe('reproducing a run', () => {
  let original: string;

  it('re-executes pipeline v1 on the same dataset version with the same keys and artifact hashes', async () => {
    const db = getDb().anyDb;
    await importCsv(getDb().anyDb, dataDir, churn, 'churn');
    const saved = await saveVersion(getDb().anyDb, 'sample', doc, null, { baseVersion: await latestVersionNumber(getDb().anyDb, doc.id) });
    expect(saved.version).toBe(1);
    original = (await startRun(getDb().anyDb, { pipelineId: 'reproducible', version: 1, trigger: 'api', userId: null })).runId;
    await getRunManager().whenDone(original);
    const again = await reproduceRun(getDb().anyDb, dataDir, { runId: original, userId: null, rerunAll: true });
    await getRunManager().whenDone(again.runId);

    const a = await stepsOf(original);
    const b = await stepsOf(again.runId);
    for (const id of ['ingest', 'clean', 'split']) {
      expect(b.get(id)!.status).toBe('succeeded'); // executed again, not a cache hit
      expect(b.get(id)!.cacheKey).toBe(a.get(id)!.cacheKey);
      expect(b.get(id)!.cacheKey).toMatch(/^[0-9a-f]{64}$/);
      expect(b.get(id)!.outputs).toEqual(a.get(id)!.outputs);
    }
    expect(await reproductionCheck(getDb().anyDb, again.runId)).toEqual(
      ['ingest', 'clean', 'split'].map((stepId) => expect.objectContaining({ stepId, deterministic: true, sameKey: true, sameOutputs: true })),
    );
    expect(first(await db.select({ r: db.t.runs.reproducesRunId }).from(db.t.runs).where(eq(db.t.runs.id, again.runId)).limit(1))?.r).toBe(original);
  });

  it('reads the dataset version the run read, after a newer one was uploaded', async () => {
    const changed = path.join(dataDir, 'churn-v2.csv');
    const lines = readFileSync(churn, 'utf8').trimEnd().split('\n');
    writeFileSync(changed, lines.slice(0, -5).join('\n') + '\n');
    const v2 = await importCsv(getDb().anyDb, dataDir, changed, 'churn');
    expect(v2.version.version).toBe(2);

    const latest = (await startRun(getDb().anyDb, { pipelineId: 'reproducible', version: 1, trigger: 'api', userId: null })).runId;
    await getRunManager().whenDone(latest);
    expect((await stepsOf(latest)).get('ingest')!.cacheKey).not.toBe((await stepsOf(original)).get('ingest')!.cacheKey);

    const again = await reproduceRun(getDb().anyDb, dataDir, { runId: original, userId: null, rerunAll: false });
    await getRunManager().whenDone(again.runId);
    const a = await stepsOf(original);
    const b = await stepsOf(again.runId);
    for (const id of ['ingest', 'clean', 'split']) {
      expect(b.get(id)!.status).toBe('cached');
      expect(b.get(id)!.cacheKey).toBe(a.get(id)!.cacheKey);
    }
  });

  it('refuses to reproduce a run whose dataset version is gone, naming it', async () => {
    const db = getDb().anyDb;
    const source = first(await db.select().from(db.t.runDatasets).where(eq(db.t.runDatasets.runId, original)).limit(1))!;
    rmSync(artifactPath(dataDir, source.sourceKey));
    await expect(reproduceRun(getDb().anyDb, dataDir, { runId: original, userId: null, rerunAll: true })).rejects.toThrow(/Dataset "churn" version [0-9a-f]{12}… that step "ingest" read has been deleted/);
  });
});
