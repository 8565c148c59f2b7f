// A cached result is never older than the code that made it: the server runner against a real
// database (SQLite or Postgres) and real worker threads, restarted as a build whose split node
// has other code.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PIPEWORKS_VERSION } from '../../nodes/implementation-hashes.generated.ts';
import { createRegistry } from '../../nodes/registry';
import { createUser } from '../../server/auth/users';
import { first as firstRow } from '../../server/db/any-db';
import { closeDb, getDb } from '../../server/db/client';
import { resetEnvForTests } from '../../server/env';
import { previewRun } from '../../server/pipelines/plan-preview';
import { seedSampleProject } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { lineageOfRunStep } from '../../server/registry/lineage-snapshot';
import { readRun } from '../../server/runners/read-run';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { writeInstanceSettings } from '../../server/settings/instance-settings';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const PIPELINE = 'breast-cancer-explore';

beforeAll(async () => {
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  delete process.env.PIPEWORKS_TEST_IMPLEMENTATION_HASHES;
  resetEnvForTests();
  await seedSampleProject(getDb().anyDb);
});

afterAll(async () => {
  delete process.env.PIPEWORKS_TEST_IMPLEMENTATION_HASHES;
  resetEnvForTests();
  await closeRunManager();
  closeDb();
});

async function runToEnd() {
  const { runId } = await startRun(getDb().anyDb, { pipelineId: PIPELINE, trigger: 'api', userId: null });
  await getRunManager().whenDone(runId);
  return (await readRun(getDb().anyDb, runId))!;
}

const byStep = <T,>(run: NonNullable<Awaited<ReturnType<typeof readRun>>>, pick: (s: (typeof run.steps)[number]) => T) =>
  Object.fromEntries(run.steps.map((s) => [s.stepId, pick(s)]));

it('re-runs the step whose code changed and what reads it, and reuses every other step', async () => {
  const first = await runToEnd();
  expect(byStep(first, (s) => s.status)).toEqual({ ingest: 'succeeded', split: 'succeeded', 'test-stats': 'succeeded', 'train-stats': 'succeeded' });
  const built = createRegistry().get('split/random', 1)!.implementationHash!;
  expect(first.steps.find((s) => s.stepId === 'split')).toMatchObject({ codeHash: built, implementationHash: built, pipeworksVersion: PIPEWORKS_VERSION });

  // The server comes back as a build whose split/random code differs.
  process.env.PIPEWORKS_TEST_IMPLEMENTATION_HASHES = JSON.stringify({ 'split/random@1': 'b'.repeat(64) });
  resetEnvForTests();

  const preview = await previewRun(getDb().anyDb, dataDir, { pipelineId: PIPELINE });
  expect(Object.fromEntries(preview.steps.map((s) => [s.stepId, [s.decision, ...s.reasons]]))).toEqual({
    ingest: ['cached'],
    split: ['run', 'code changed (Pipeworks upgraded)'],
    'test-stats': ['run', 'upstream data changed'],
    'train-stats': ['run', 'upstream data changed'],
  });

  const second = await runToEnd();
  expect(second.status).toBe('succeeded');
  expect(byStep(second, (s) => s.status)).toEqual({ ingest: 'cached', split: 'succeeded', 'test-stats': 'succeeded', 'train-stats': 'succeeded' });
  expect(second.steps.find((s) => s.stepId === 'ingest')!.cachedFromRunId).toBe(first.id);
  expect(byStep(second, (s) => s.keyChanges)).toEqual({
    ingest: [],
    split: ['code changed (Pipeworks upgraded)'],
    'test-stats': ['upstream data changed'],
    'train-stats': ['upstream data changed'],
  });
  const split = second.steps.find((s) => s.stepId === 'split')!;
  expect(split).toMatchObject({ codeHash: 'b'.repeat(64), implementationHash: 'b'.repeat(64), pipeworksVersion: PIPEWORKS_VERSION });
  // The cached ingest step is credited to the build that produced it.
  const ingest = second.steps.find((s) => s.stepId === 'ingest')!;
  expect(ingest.implementationHash).toBe(first.steps.find((s) => s.stepId === 'ingest')!.implementationHash);

  // The same upgraded build again: everything is reused.
  const third = await runToEnd();
  expect(byStep(third, (s) => s.status)).toEqual({ ingest: 'cached', split: 'cached', 'test-stats': 'cached', 'train-stats': 'cached' });
});

it('with upgrades treated as cache-compatible, reuses what an earlier build computed, and lineage says so', async () => {
  const db = getDb().anyDb;
  process.env.PIPEWORKS_TEST_IMPLEMENTATION_HASHES = JSON.stringify({ 'split/random@1': 'd'.repeat(64) });
  resetEnvForTests();
  const admin = await createUser(getDb().anyDb, { email: 'admin-cache@example.com', name: 'Ada', role: 'admin', password: 'long enough password' });
  await writeInstanceSettings(getDb().anyDb, { upgradesCacheCompatible: true }, admin.id);
  try {
    const first = await runToEnd();
    // The first run with the setting on keys by type@version: nothing cached under those keys yet.
    expect(first.steps.find((s) => s.stepId === 'split')!.codeHash).toBe('builtin:split/random@1');
    process.env.PIPEWORKS_TEST_IMPLEMENTATION_HASHES = JSON.stringify({ 'split/random@1': 'e'.repeat(64) });
    resetEnvForTests();
    const again = await runToEnd();
    expect(byStep(again, (s) => s.status)).toEqual({ ingest: 'cached', split: 'cached', 'test-stats': 'cached', 'train-stats': 'cached' });
    // Credited to the build that computed it, not the one that reused it.
    expect(again.steps.find((s) => s.stepId === 'split')!.implementationHash).toBe('d'.repeat(64));
    const run = firstRow(await db.select().from(db.t.runs).where(eq(db.t.runs.id, again.id)).limit(1))!;
    const lineage = await lineageOfRunStep(getDb().anyDb, run, 'split', 'train', null);
    expect(lineage.steps.find((s) => s.id === 'split')).toMatchObject({ upgradesCacheCompatible: true, codeHash: 'builtin:split/random@1', implementationHash: 'd'.repeat(64), pipeworksVersion: PIPEWORKS_VERSION });
  } finally {
    await writeInstanceSettings(getDb().anyDb, { upgradesCacheCompatible: false }, admin.id);
  }
  // Off again (the default): the changed code is noticed.
  const off = await runToEnd();
  // Split's own code and its input's key (ingest keyed by its code again, its earlier result reused) both changed.
  expect(off.steps.find((s) => s.stepId === 'ingest')).toMatchObject({ status: 'cached', keyChanges: ['code changed (Pipeworks upgraded)'] });
  expect(off.steps.find((s) => s.stepId === 'split')).toMatchObject({ status: 'succeeded', keyChanges: ['code changed (Pipeworks upgraded)', 'upstream data changed'] });
});
