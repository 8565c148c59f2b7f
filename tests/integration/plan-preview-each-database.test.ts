// The plan preview on SQLite and on Postgres: a saved version compiled on the AnyDb (its dataset
// read by the prefetch), each step's cache decision from the runs stored there, and why a step
// will run: never run, its params changed, its cached outputs removed.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PipelineDoc } from '../../engine/document';
import type { Plan } from '../../engine/plan';
import type { AnyDb } from '../../server/db/any-db';
import { makeTempDir } from '../../server/db/test-db';
import { recordDatasetVersion } from '../../server/datasets/dataset-store';
import { compileStoredVersion } from '../../server/pipelines/compile-doc';
import { previewRun } from '../../server/pipelines/plan-preview';
import { saveVersion } from '../../server/pipelines/versions';
import { artifactPath, writeArtifactBytes } from '../../server/store/artifact-files';
import { describeEachDatabase } from './helpers/each-database';

const AT = 1_765_000_000_000;
const dataDir = makeTempDir('pipeworks-preview-');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const doc = (seed: number): PipelineDoc => ({
  schemaVersion: 1,
  id: 'preview',
  name: 'Preview',
  nodes: [
    { id: 'data', type: 'ingest/dataset', version: 1, params: { name: 'sales' }, position: { x: 0, y: 0 } },
    { id: 'split', type: 'split/random', version: 1, params: { seed }, position: { x: 300, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'data', sourceHandle: 'table', target: 'split', targetHandle: 'table' }],
});

/** Stores a succeeded run of `plan` whose every output is a real artifact file. */
async function storeRun(db: AnyDb, plan: Plan): Promise<{ runId: string; files: string[] }> {
  const runId = randomUUID();
  await db.insert(db.t.runs).values({ id: runId, pipelineId: 'preview', status: 'succeeded', plan, trigger: 'api', createdAt: AT, finishedAt: AT });
  const files: string[] = [];
  for (const step of plan.steps) {
    const outputs: Record<string, { id: string; kind: 'table'; size: number }> = {};
    for (const name of Object.keys(step.outputs)) {
      const { id, size } = await writeArtifactBytes(dataDir, new TextEncoder().encode(`${runId}/${step.id}/${name}`));
      outputs[name] = { id, kind: 'table', size };
      files.push(artifactPath(dataDir, id));
    }
    await db.insert(db.t.stepRuns).values({
      id: randomUUID(), runId, stepId: step.id, nodeType: step.type, nodeVersion: step.version, status: 'succeeded', cacheKey: step.cacheKey, outputs, runner: 'server', trust: 'server',
    });
  }
  return { runId, files };
}

const decisions = (steps: { stepId: string; decision: string; reasons: string[] }[]) => Object.fromEntries(steps.map((s) => [s.stepId, [s.decision, ...s.reasons]]));

describeEachDatabase('plan preview', (under) => {
  beforeAll(async () => {
    const { db } = under;
    await db.insert(db.t.projects).values({ id: 'pr', name: 'Project', createdAt: AT });
    const columns = [{ name: 'x', type: 'numeric' as const, role: 'feature' as const }, { name: 'y', type: 'categorical' as const, role: 'target' as const }];
    await recordDatasetVersion(db, { name: 'sales', filename: 's.csv', userId: null, table: { artifactId: 'a'.repeat(64), artifactSize: 10, rows: 5, columns, format: 'csv', sourceSize: 1, options: {} } });
    await saveVersion(db, 'pr', doc(1), null, { baseVersion: 0 });
  });

  it('says every step runs before any run, then reuses what a run stored, and says why a step runs again', async () => {
    const { db } = under;
    const preview = () => previewRun(db, dataDir, { pipelineId: 'preview' });
    const first = await preview();
    expect(first).toMatchObject({ pipelineId: 'preview', version: 1, upTo: null });
    expect(decisions(first.steps)).toEqual({ data: ['run', 'never run'], split: ['run', 'never run'] });

    const { plan } = await compileStoredVersion(db, 'preview');
    const { runId, files } = await storeRun(db, plan);
    const cached = await preview();
    expect(decisions(cached.steps)).toEqual({ data: ['cached'], split: ['cached'] });
    expect(cached.steps.every((s) => s.cachedFromRunId === runId)).toBe(true);

    await saveVersion(db, 'pr', doc(2), null, { baseVersion: 1 });
    const changed = await preview();
    expect(changed.version).toBe(2);
    expect(decisions(changed.steps).data).toEqual(['cached']);
    expect(decisions(changed.steps).split[0]).toBe('run');
    expect(decisions(changed.steps).split.join(' ')).toMatch(/param/);

    for (const f of files) rmSync(f);
    expect(decisions((await previewRun(db, dataDir, { pipelineId: 'preview', version: 1 })).steps)).toEqual({
      data: ['run', 'cached outputs were removed'],
      split: ['run', 'cached outputs were removed'],
    });
  });
});
