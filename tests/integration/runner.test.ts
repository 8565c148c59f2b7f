// The server runner against a real SQLite file and real worker threads, without the web server.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../engine/document';
import { closeDb, getDb } from '../../server/db/client';
import { resetEnvForTests } from '../../server/env';
import { seedSampleProject, samplePipelinePath } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { latestVersionNumber, saveVersion } from '../../server/pipelines/versions';
import { readRun } from '../../server/runners/read-run';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { readArtifactBytes } from '../../server/store/artifact-files';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();

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

async function runToEnd(pipelineId: string, version?: number) {
  const { runId } = await startRun(getDb().anyDb, { pipelineId, version, trigger: 'api', userId: null });
  await getRunManager().whenDone(runId);
  return (await readRun(getDb().anyDb, runId))!;
}

describe('server runner', () => {
  it('runs the sample pipeline, then serves the whole re-run from cache', async () => {
    const first = await runToEnd('breast-cancer-explore');
    expect(first.status).toBe('succeeded');
    expect(first.steps.map((s) => s.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    for (const step of first.steps) {
      expect(step.runner).toBe('server:worker-thread');
      expect(step.peakMemoryBytes).toBeGreaterThan(0);
    }
    const split = first.steps.find((s) => s.stepId === 'split')!;
    expect(split.outputs!.train.meta).toMatchObject({ rows: 426 });
    expect(split.outputs!.test.meta).toMatchObject({ rows: 143 });
    const report = JSON.parse(Buffer.from(await readArtifactBytes(dataDir, first.steps.find((s) => s.stepId === 'train-stats')!.outputs!.report.id)).toString('utf8'));
    expect(report.type).toBe('column-stats');
    expect(report.rows).toBe(426);

    const second = await runToEnd('breast-cancer-explore');
    expect(second.status).toBe('succeeded');
    expect(second.steps.map((s) => s.status)).toEqual(['cached', 'cached', 'cached', 'cached']);
    expect(second.steps.every((s) => s.cachedFromRunId === first.id)).toBe(true);
    expect(second.steps.map((s) => s.outputs)).toEqual(first.steps.map((s) => s.outputs));
  });

  it('re-runs only what a changed parameter affects', async () => {
    const doc = parseDocument(readFileSync(samplePipelinePath('breast-cancer-explore.json'), 'utf8'));
    if (!doc.ok) throw new Error('sample invalid');
    const changed = structuredClone(doc.value);
    changed.nodes.find((n) => n.id === 'split')!.params.seed = 7;
    const saved = await saveVersion(getDb().anyDb, 'sample', changed, null, { baseVersion: await latestVersionNumber(getDb().anyDb, changed.id) });
    const run = await runToEnd('breast-cancer-explore', saved.version);
    expect(run.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['ingest', 'cached'],
      ['split', 'succeeded'],
      ['test-stats', 'succeeded'],
      ['train-stats', 'succeeded'],
    ]);
  });

  it('cancels a step in flight and everything after it', async () => {
    const slow = {
      schemaVersion: 1,
      id: 'slow',
      name: 'Slow',
      nodes: [
        { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
        { id: 'wait', type: 'testing/sleep', version: 1, params: { ms: 60_000 }, position: { x: 1, y: 0 } },
        { id: 'stats', type: 'explore/column-stats', version: 1, params: {}, position: { x: 2, y: 0 } },
      ],
      edges: [
        { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'wait', targetHandle: 'table' },
        { id: 'e2', source: 'wait', sourceHandle: 'table', target: 'stats', targetHandle: 'table' },
      ],
    };
    const parsed = parseDocument(slow);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    await saveVersion(getDb().anyDb, 'sample', parsed.value, null, { baseVersion: await latestVersionNumber(getDb().anyDb, parsed.value.id) });
    const { runId } = await startRun(getDb().anyDb, { pipelineId: 'slow', trigger: 'api', userId: null });
    while ((await readRun(getDb().anyDb, runId))!.steps[1].status !== 'running') await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    expect(getRunManager().cancel(runId)).toBe(true);
    while ((await readRun(getDb().anyDb, runId))!.status === 'running') await new Promise((r) => setTimeout(r, 50));
    expect(Date.now() - started).toBeLessThan(10_000);
    const run = (await readRun(getDb().anyDb, runId))!;
    expect(run.status).toBe('cancelled');
    expect(run.steps.map((s) => s.status)).toEqual(['succeeded', 'cancelled', 'cancelled']);
  });

  it('records a failing node with its message and skips what depends on it', async () => {
    const bad = {
      schemaVersion: 1,
      id: 'bad-stratify',
      name: 'Bad stratify column',
      nodes: [
        { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
        { id: 'split', type: 'split/random', version: 1, params: { stratifyBy: 'no_such_column' }, position: { x: 1, y: 0 } },
        { id: 'stats', type: 'explore/column-stats', version: 1, params: {}, position: { x: 2, y: 0 } },
      ],
      edges: [
        { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
        { id: 'e2', source: 'split', sourceHandle: 'train', target: 'stats', targetHandle: 'table' },
      ],
    };
    const parsed = parseDocument(bad);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    await saveVersion(getDb().anyDb, 'sample', parsed.value, null, { baseVersion: await latestVersionNumber(getDb().anyDb, parsed.value.id) });
    const run = await runToEnd('bad-stratify');
    expect(run.status).toBe('failed');
    const split = run.steps.find((s) => s.stepId === 'split')!;
    expect(split.status).toBe('failed');
    expect(split.errorCode).toBe('invalid_input');
    expect(split.errorMessage).toMatch(/no_such_column/);
    expect(run.steps.find((s) => s.stepId === 'stats')!.errorCode).toBe('upstream_failed');
  });
});
