// Storage lifecycle against a real SQLite file and the real runner: deleting runs, a pipeline
// version and a model version marks what they owned; GC frees what only they needed, past the
// grace period, keeps every artifact a kept run, a dataset or a model version needs, and a later
// re-run still works.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineDoc } from '../../engine/document';
import { auditPage } from '../../server/auth/audit';
import { createUser, type PublicUser } from '../../server/auth/users';
import { closeDb, getDb } from '../../server/db/client';
import { resetEnvForTests } from '../../server/env';
import { seedSampleProject } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { saveVersion } from '../../server/pipelines/versions';
import { changeAlias } from '../../server/registry/aliases';
import { registerModelVersion } from '../../server/registry/register';
import { draftFromRunStep } from '../../server/registry/run-version-draft';
import { readRun } from '../../server/runners/read-run';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { deleteModelVersion } from '../../server/storage/delete-model-version';
import { deletePipelineVersion } from '../../server/storage/delete-pipeline-version';
import { deleteRun } from '../../server/storage/delete-run';
import { collectGc, planGc } from '../../server/storage/gc';
import { artifactPath } from '../../server/store/artifact-files';
import { importCsv } from './helpers/import-dataset';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const HOUR = 3_600_000;
let admin: PublicUser;

beforeAll(async () => {
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  resetEnvForTests();
  await seedSampleProject(getDb().anyDb);
  admin = await createUser(getDb().anyDb, { email: 'ada@example.com', name: 'Ada', role: 'admin', password: 'correct horse battery' });
  await importCsv(getDb().anyDb, dataDir, path.join(process.cwd(), 'nodes/ingest/samples/breast-cancer.csv'), 'cancer');
});

afterAll(async () => {
  await closeRunManager();
  closeDb();
});

/** dataset → de-duplicate → split (seeded) → logistic regression → evaluate. */
function doc(seed: number): PipelineDoc {
  return {
    schemaVersion: 1,
    id: 'gc-screen',
    name: 'GC screen',
    nodes: [
      { id: 'ingest', type: 'ingest/dataset', version: 1, params: { name: 'cancer' }, position: { x: 0, y: 0 } },
      { id: 'clean', type: 'clean/deduplicate', version: 1, params: {}, position: { x: 200, y: 0 } },
      { id: 'split', type: 'split/random', version: 1, params: { train: 0.75, validation: 0, test: 0.25, seed, stratifyBy: 'diagnosis' }, position: { x: 400, y: 0 } },
      { id: 'train', type: 'train/logistic-regression', version: 1, params: { target: 'diagnosis' }, position: { x: 600, y: 0 } },
      { id: 'evaluate', type: 'evaluate/model', version: 1, params: {}, position: { x: 800, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'clean', targetHandle: 'table' },
      { id: 'e2', source: 'clean', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
      { id: 'e3', source: 'split', sourceHandle: 'train', target: 'train', targetHandle: 'train' },
      { id: 'e4', source: 'train', sourceHandle: 'model', target: 'evaluate', targetHandle: 'model' },
      { id: 'e5', source: 'split', sourceHandle: 'test', target: 'evaluate', targetHandle: 'table' },
    ],
    settings: { placement: 'server' },
  };
}

async function run(version: number): Promise<string> {
  const { runId } = await startRun(getDb().anyDb, { pipelineId: 'gc-screen', version, trigger: 'api', userId: null });
  await getRunManager().whenDone(runId);
  expect((await readRun(getDb().anyDb, runId))!.status).toBe('succeeded');
  return runId;
}

/** step id → its output artifact ids. */
async function outputs(runId: string): Promise<Map<string, string[]>> {
  return new Map((await readRun(getDb().anyDb, runId))!.steps.map((s) => [s.stepId, Object.values(s.outputs ?? {}).map((o) => o.id)]));
}

const onDisk = (id: string) => existsSync(artifactPath(dataDir, id));

describe('storage lifecycle', () => {
  let a: string; // v1
  let b: string; // v2: shares ingest and clean with v1
  let c: string; // v1 again: every step a cache hit on a
  let aOut: Map<string, string[]>;
  let bOut: Map<string, string[]>;
  let modelId: string;

  it('runs two versions that share their first steps, and registers the model of the first', async () => {
    expect((await saveVersion(getDb().anyDb, 'sample', doc(0), null, { baseVersion: 0 })).version).toBe(1);
    a = await run(1);
    expect((await saveVersion(getDb().anyDb, 'sample', doc(1), null, { baseVersion: 1 })).version).toBe(2);
    b = await run(2);
    c = await run(1);
    aOut = await outputs(a);
    bOut = await outputs(b);
    expect(bOut.get('clean')).toEqual(aOut.get('clean'));
    expect(bOut.get('split')).not.toEqual(aOut.get('split'));
    expect((await readRun(getDb().anyDb, c))!.steps.every((s) => s.status === 'cached')).toBe(true);
    const { projectId, draft } = await draftFromRunStep(getDb().anyDb, dataDir, { runId: a, stepId: 'train' });
    modelId = (await registerModelVersion(getDb().anyDb, { projectId, modelName: 'gc-model', draft, userId: null, via: 'manual' })).modelId;
  });

  it('frees nothing while a kept run still holds the deleted run\'s outputs as its cache', async () => {
    const { anyDb } = getDb();
    const deleted = await deleteRun(anyDb, { runId: a, userId: null });
    expect(deleted.runs).toBe(1);
    expect(deleted.released).toBeGreaterThan(0);
    // c's cached steps point at exactly a's artifacts.
    expect((await planGc(anyDb, { graceMs: 0 })).free.count).toBe(0);
  });

  it('after the last run goes, frees the unique artifacts only past the grace period, keeping every shared one', async () => {
    const { anyDb } = getDb();
    await deleteRun(anyDb, { runId: c, userId: null });
    // Equal bytes are one artifact: the empty validation split is the same for both seeds.
    const inB = new Set([...bOut.values()].flat());
    const unique = [...new Set([...aOut.get('split')!, ...aOut.get('evaluate')!])].filter((id) => !inB.has(id));
    const shared = [...aOut.get('ingest')!, ...aOut.get('clean')!, ...aOut.get('split')!.filter((id) => inB.has(id))];
    const model = aOut.get('train')!;
    expect(unique.length).toBeGreaterThanOrEqual(3);

    const waiting = await planGc(anyDb, { graceMs: 24 * HOUR });
    expect(waiting.free.count).toBe(0);
    expect(waiting.waiting.count).toBe(unique.length);

    const plan = await planGc(anyDb, { graceMs: 0 });
    expect(new Set(plan.candidates.map((x) => x.id))).toEqual(new Set(unique));
    expect(plan.free.bytes).toBe(plan.candidates.reduce((sum, x) => sum + x.size, 0));
    expect(plan.candidates.every((x) => x.releasedBy === `run ${c.slice(0, 8)} deleted` || x.releasedBy === `run ${a.slice(0, 8)} deleted`)).toBe(true);
    // `pipeworks gc --dry-run` lists the same, from another process on the same database, and removes nothing.
    const cli = spawnSync(process.execPath, ['bin/pipeworks.mjs', 'gc', '--dry-run', '--json', '--grace-hours', '0'], {
      cwd: process.cwd(),
      env: { ...process.env, PIPEWORKS_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(cli.status).toBe(0);
    const dry = JSON.parse(cli.stdout) as { dryRun: boolean; candidates: { id: string }[]; free: { count: number } };
    expect(dry.dryRun).toBe(true);
    expect(new Set(dry.candidates.map((x) => x.id))).toEqual(new Set(unique));
    expect(unique.every(onDisk)).toBe(true);

    const result = await collectGc(anyDb, dataDir, { graceMs: 0, userId: null, via: 'cli' });
    expect(result.removed.count).toBe(unique.length);
    expect(result.missingFiles).toBe(0);
    expect(unique.some(onDisk)).toBe(false);
    // Shared with run b, the dataset's own table, and the registered model all stay.
    expect([...shared, ...model, ...bOut.get('split')!].every(onDisk)).toBe(true);
    expect((await planGc(anyDb, { graceMs: 0 })).free.count).toBe(0);
  });

  it('re-runs v1 afterwards: the freed steps execute again and give the same bytes', async () => {
    const { anyDb } = getDb();
    const d = await run(1);
    const steps = new Map((await readRun(anyDb, d))!.steps.map((s) => [s.stepId, s]));
    // The cache offers only steps that executed in a kept run; b's were hits on a, so these run again.
    expect(steps.get('split')!.status).toBe('succeeded');
    expect(steps.get('evaluate')!.status).toBe('succeeded');
    // Deterministic steps give the very bytes that were kept or freed, so the outputs are whole again.
    const dOut = await outputs(d);
    for (const step of ['ingest', 'clean', 'split', 'train']) expect(dOut.get(step)).toEqual(aOut.get(step));
    expect([...dOut.values()].flat().every(onDisk)).toBe(true);
  });

  it('deletes a model version only once no alias holds it, and keeps its bytes while a run needs them', async () => {
    const { anyDb } = getDb();
    await changeAlias(anyDb, { modelId, alias: 'champion', version: 1, actor: admin });
    await expect(deleteModelVersion(anyDb, { modelId, version: 1, userId: null })).rejects.toThrow(/holds champion; move that alias first/);
    await changeAlias(anyDb, { modelId, alias: 'champion', version: null, actor: admin });
    await deleteModelVersion(anyDb, { modelId, version: 1, userId: null });
    await expect(deleteModelVersion(anyDb, { modelId, version: 1, userId: null })).rejects.toThrow(/deleted already/);
    // The re-run's train step made the same model bytes: a kept run needs them, so they stay.
    expect((await planGc(anyDb, { graceMs: 0 })).free.count).toBe(0);
  });

  it('deletes an old pipeline version with its runs, never the current one, and GC then frees what only it had', async () => {
    const { anyDb } = getDb();
    await expect(deletePipelineVersion(anyDb, { pipelineId: 'gc-screen', version: 2, userId: null })).rejects.toThrow(/v2 is the current version/);
    const deleted = await deletePipelineVersion(anyDb, { pipelineId: 'gc-screen', version: 1, userId: null });
    expect(deleted.runs).toBe(1);
    const freed = await collectGc(anyDb, dataDir, { graceMs: 0, userId: null, via: 'ui' });
    // The re-run's split and evaluation, and now the deleted model version's bytes; never what b holds.
    const inB = new Set([...bOut.values()].flat());
    const onlyV1 = new Set([...aOut.get('split')!, ...aOut.get('evaluate')!, ...aOut.get('train')!].filter((id) => !inB.has(id)));
    expect(freed.removed.count).toBe(onlyV1.size);
    expect(aOut.get('train')!.some(onDisk)).toBe(false);
    expect([...bOut.values()].flat().every(onDisk)).toBe(true);
    await run(2); // the kept version still runs, entirely from its cache
  });

  it('refuses to delete a run that is still going, and audits every deletion and collection', async () => {
    const { anyDb } = getDb();
    const { runId } = await startRun(getDb().anyDb, { pipelineId: 'gc-screen', version: 2, trigger: 'api', userId: null });
    await expect(deleteRun(anyDb, { runId, userId: null })).rejects.toThrow(/is still (queued|running); cancel it before deleting it/);
    await getRunManager().whenDone(runId);
    const actions = (await auditPage(getDb().anyDb, { limit: 50 })).map((e) => e.action);
    for (const action of ['run.delete', 'model.version.delete', 'pipeline.version.delete', 'storage.gc']) expect(actions).toContain(action);
  });
});
