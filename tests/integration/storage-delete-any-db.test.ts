// Deleting runs, pipeline versions and model versions, and GC, on SQLite and on Postgres: the same
// rows are released, kept, waiting or freed on both (the GC roots walk step outputs with json_each
// on SQLite and jsonb_each on Postgres), and every deletion and collection is audited.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import type { Plan } from '../../engine/plan';
import type { AnyDb } from '../../server/db/any-db';
import { makeTempDir } from '../../server/db/test-db';
import { deleteModelVersion } from '../../server/storage/delete-model-version';
import { deletePipelineVersion } from '../../server/storage/delete-pipeline-version';
import { deleteRun } from '../../server/storage/delete-run';
import { collectGc, planGc } from '../../server/storage/gc';
import { artifactPath } from '../../server/store/artifact-files';
import { describeEachDatabase } from './helpers/each-database';

const HOUR = 3_600_000;
const id = (c: string) => c.repeat(64);
const [A, B, C, D, E, F, G] = ['a', 'b', 'c', 'd', 'e', 'f', '0'].map(id);
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const plan = { pipelineId: 'pl', docHash: 'h', steps: [], warnings: [] } as unknown as Plan;

/** A pipeline at v2 with runs on both versions, a trial under one, a dataset, and a model version an alias holds. */
async function seed(db: AnyDb, now: number) {
  const t = db.t;
  const old = now - 48 * HOUR;
  await db.insert(t.projects).values({ id: 'p', name: 'P', createdAt: old });
  await db.insert(t.pipelines).values({ id: 'pl', projectId: 'p', name: 'Screen', currentVersion: 2, createdAt: old, updatedAt: old });
  await db.insert(t.pipelineVersions).values([1, 2].map((v) => ({ id: `pv${v}`, pipelineId: 'pl', version: v, doc: {}, contentHash: `h${v}`, createdAt: old })));
  await db.insert(t.artifacts).values([A, B, C, D, E, F, G].map((a) => ({ id: a, kind: 'table', mediaType: 'x', size: a.charCodeAt(0), meta: {}, createdAt: old })));
  const run = (rid: string, version: number, status: 'succeeded' | 'running', parentRunId: string | null = null) =>
    ({ id: rid, pipelineId: 'pl', pipelineVersionId: `pv${version}`, status, plan, trigger: 'api' as const, createdAt: old, parentRunId });
  await db.insert(t.runs).values([run('r1', 1, 'succeeded'), run('r2', 2, 'succeeded'), run('r3', 1, 'succeeded'), run('rq', 2, 'running')]);
  await db.insert(t.runs).values(run('r1t', 1, 'succeeded', 'r1'));
  const ref = (a: string) => ({ id: a, kind: 'table' as const, size: 1 });
  const step = (rid: string, outputs: Record<string, ReturnType<typeof ref>> | null) =>
    ({ id: `s-${rid}`, runId: rid, stepId: 'split', nodeType: 'split/random', nodeVersion: 1, status: 'succeeded' as const, outputs });
  await db.insert(t.stepRuns).values([step('r1', { train: ref(A), test: ref(B) }), step('r1t', { model: ref(C) }), step('r2', { train: ref(A) }), step('r3', { x: ref(G) }), step('rq', null)]);
  await db.insert(t.datasets).values({ id: 'ds', name: 'sales', createdAt: old });
  await db.insert(t.datasetVersions).values({ id: 'dv', datasetId: 'ds', version: 1, artifactId: D, rows: 1, columns: [], format: 'csv', sourceFilename: 's.csv', sourceSize: 1, options: {}, createdAt: old });
  await db.insert(t.registeredModels).values({ id: 'm', projectId: 'p', name: 'churn', lastVersion: 1, createdAt: old, updatedAt: old });
  await db.insert(t.modelVersions).values({ id: 'mv', modelId: 'm', version: 1, source: 'run', format: 'f', artifactId: E, signature: {} as never, metrics: {}, lineage: {} as never, createdAt: old });
  await db.insert(t.modelAliases).values({ modelId: 'm', alias: 'champion', versionId: 'mv', setAt: old });
}

describeEachDatabase('deleting and collecting storage', (under) => {
  const dataDir = makeTempDir('pipeworks-gc-');
  dirs.push(dataDir);

  it('keeps everything a run, a dataset version or a live model version holds, and frees only the orphan', async () => {
    await seed(under.db, Date.now());
    const plan = await planGc(under.db, { graceMs: 0 });
    expect(plan.kept.count).toBe(6);
    expect(plan.candidates.map((c) => c.id)).toEqual([F]);
    expect(plan.free).toEqual({ count: 1, bytes: F.charCodeAt(0) });
  });

  it('deletes a run with its trial and releases their outputs, refusing a run still going', async () => {
    const { db } = under;
    await expect(deleteRun(db, { runId: 'rq', userId: null })).rejects.toThrow(/Run rq is still running; cancel it before deleting it/);
    await expect(deleteRun(db, { runId: 'nope', userId: null })).rejects.toThrow(/does not exist/);
    expect(await deleteRun(db, { runId: 'r1', userId: null })).toEqual({ runs: 2, released: 3 });
    expect(await db.select({ id: db.t.runs.id }).from(db.t.runs).where(eq(db.t.runs.parentRunId, 'r1'))).toEqual([]);
    const released = await db.select({ id: db.t.artifacts.id, by: db.t.artifacts.releasedBy }).from(db.t.artifacts).where(eq(db.t.artifacts.releasedBy, 'run r1 deleted'));
    expect(released.map((r) => r.id).sort()).toEqual([A, B, C]);
    // A is still r2's output; B and C wait out the grace period from their release, F's ran from its writing.
    const waiting = await planGc(db, { graceMs: HOUR });
    expect(waiting.waiting.count).toBe(2);
    expect(waiting.candidates.map((c) => c.id)).toEqual([F]);
    const now = await planGc(db, { graceMs: 0 });
    expect(now.candidates.map((c) => c.id)).toEqual([B, C, F]);
    expect(now.candidates[0]).toMatchObject({ releasedBy: 'run r1 deleted', size: B.charCodeAt(0) });
  });

  it('deletes a model version only once no alias holds it, then releases its bytes', async () => {
    const { db } = under;
    await expect(deleteModelVersion(db, { modelId: 'm', version: 1, userId: null })).rejects.toThrow(/holds champion; move that alias first/);
    await db.delete(db.t.modelAliases).where(and(eq(db.t.modelAliases.modelId, 'm'), eq(db.t.modelAliases.alias, 'champion')));
    expect(await deleteModelVersion(db, { modelId: 'm', version: 1, userId: null })).toEqual({ modelId: 'm', version: 1 });
    await expect(deleteModelVersion(db, { modelId: 'm', version: 1, userId: null })).rejects.toThrow(/deleted already/);
    await expect(deleteModelVersion(db, { modelId: 'm', version: 7, userId: null })).rejects.toThrow(/"churn" has no version 7/);
    expect((await planGc(db, { graceMs: 0 })).candidates.map((c) => c.id)).toContain(E);
  });

  it('deletes an old pipeline version with its runs, never the current one', async () => {
    const { db } = under;
    await expect(deletePipelineVersion(db, { pipelineId: 'pl', version: 2, userId: null })).rejects.toThrow(/v2 is the current version of "Screen"/);
    expect(await deletePipelineVersion(db, { pipelineId: 'pl', version: 1, userId: null })).toEqual({ version: 1, runs: 1, released: 1 });
    expect(await db.select({ id: db.t.pipelineVersions.id }).from(db.t.pipelineVersions)).toEqual([{ id: 'pv2' }]);
  });

  it('collects the rows and files nothing holds, counting files already gone, and audits every step', async () => {
    const { db } = under;
    for (const a of [A, B, C, D, E, G]) {
      mkdirSync(path.dirname(artifactPath(dataDir, a)), { recursive: true });
      writeFileSync(artifactPath(dataDir, a), a);
    }
    const result = await collectGc(db, dataDir, { graceMs: 0, userId: null, via: 'cli' });
    const freed = [B, C, E, F, G];
    expect(result).toEqual({ removed: { count: 5, bytes: freed.reduce((n, a) => n + a.charCodeAt(0), 0) }, missingFiles: 1 });
    expect(freed.some((a) => existsSync(artifactPath(dataDir, a)))).toBe(false);
    expect([A, D].every((a) => existsSync(artifactPath(dataDir, a)))).toBe(true);
    expect((await db.select({ id: db.t.artifacts.id }).from(db.t.artifacts)).map((r) => r.id).sort()).toEqual([A, D]);
    const actions = (await db.select({ action: db.t.auditEvents.action }).from(db.t.auditEvents)).map((e) => e.action).sort();
    expect(actions).toEqual(['model.version.delete', 'pipeline.version.delete', 'run.delete', 'storage.gc']);
  });
});
