// A cached result is never older than the code that made it: the server runner against a real
// SQLite file and real worker threads, restarted as a build whose split node has other code.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PIPEWORKS_VERSION } from '../../nodes/implementation-hashes.generated.ts';
import { createRegistry } from '../../nodes/registry';
import { closeDb, getDb } from '../../server/db/client';
import { resetEnvForTests } from '../../server/env';
import { previewRun } from '../../server/pipelines/plan-preview';
import { seedSampleProject } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { readRun } from '../../server/runners/read-run';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const PIPELINE = 'breast-cancer-explore';

beforeAll(() => {
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  delete process.env.PIPEWORKS_TEST_IMPLEMENTATION_HASHES;
  resetEnvForTests();
  seedSampleProject(getDb().db);
});

afterAll(async () => {
  delete process.env.PIPEWORKS_TEST_IMPLEMENTATION_HASHES;
  resetEnvForTests();
  await closeRunManager();
  closeDb();
});

async function runToEnd() {
  const { db } = getDb();
  const { runId } = startRun(db, { pipelineId: PIPELINE, trigger: 'api', userId: null });
  await getRunManager().whenDone(runId);
  return readRun(db, runId)!;
}

const byStep = <T,>(run: NonNullable<ReturnType<typeof readRun>>, pick: (s: (typeof run.steps)[number]) => T) =>
  Object.fromEntries(run.steps.map((s) => [s.stepId, pick(s)]));

it('re-runs the step whose code changed and what reads it, and reuses every other step', async () => {
  const first = await runToEnd();
  expect(byStep(first, (s) => s.status)).toEqual({ ingest: 'succeeded', split: 'succeeded', 'test-stats': 'succeeded', 'train-stats': 'succeeded' });
  const built = createRegistry().get('split/random', 1)!.implementationHash!;
  expect(first.steps.find((s) => s.stepId === 'split')).toMatchObject({ codeHash: built, implementationHash: built, pipeworksVersion: PIPEWORKS_VERSION });

  // The server comes back as a build whose split/random code differs.
  process.env.PIPEWORKS_TEST_IMPLEMENTATION_HASHES = JSON.stringify({ 'split/random@1': 'b'.repeat(64) });
  resetEnvForTests();

  const preview = await previewRun(getDb().db, dataDir, { pipelineId: PIPELINE });
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
