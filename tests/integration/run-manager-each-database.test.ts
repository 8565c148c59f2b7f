// The run manager end to end on SQLite and on Postgres, with real worker threads: a small pipeline
// runs with its events stored in order (one finish per step), runs again from the cache, an
// interrupted run whose process died is resumed from its last finished step, and a run is
// cancelled mid-step.
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compile } from '../../engine/compile';
import { parseDocument } from '../../engine/document';
import type { Plan } from '../../engine/plan';
import type { AnyDb } from '../../server/db/any-db';
import { resetEnvForTests } from '../../server/env';
import { serverRegistry } from '../../server/pipelines/registry';
import { persistEvent } from '../../server/runners/persist-event';
import { RunManager } from '../../server/runners/run-manager';
import { claimRun, insertRun } from '../../server/runners/run-store';
import { describeEachDatabase } from './helpers/each-database';
import { newDataDir } from './helpers/server-process';

const AT = 1_765_000_000_000;
const DEAD_OWNER = `${os.hostname()}:2147483646`;

beforeAll(() => {
  process.env.PIPEWORKS_TEST_NODES = '1';
  resetEnvForTests();
});

/** ingest → sleep → stats, compiled as the server would (sample data: every step has a cache key). */
function planOf(pipelineId: string, sleepMs: number): Plan {
  const doc = parseDocument({
    schemaVersion: 1,
    id: pipelineId,
    name: pipelineId,
    nodes: [
      { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
      { id: 'wait', type: 'testing/sleep', version: 1, params: { ms: sleepMs }, position: { x: 1, y: 0 } },
      { id: 'stats', type: 'explore/column-stats', version: 1, params: {}, position: { x: 2, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'wait', targetHandle: 'table' },
      { id: 'e2', source: 'wait', sourceHandle: 'table', target: 'stats', targetHandle: 'table' },
    ],
  });
  if (!doc.ok) throw new Error(JSON.stringify(doc.error));
  const plan = compile(doc.value, serverRegistry());
  if (!plan.ok) throw new Error(JSON.stringify(plan.error));
  return plan.value;
}

const stepsOf = async (db: AnyDb, runId: string) => db.select().from(db.t.stepRuns).where(eq(db.t.stepRuns.runId, runId)).orderBy(asc(db.t.stepRuns.startedAt), asc(db.t.stepRuns.stepId));
const runOf = async (db: AnyDb, runId: string) => (await db.select().from(db.t.runs).where(eq(db.t.runs.id, runId)))[0];

describeEachDatabase('the run manager', (under) => {
  let manager: RunManager;
  let firstRun: string;

  beforeAll(async () => {
    const { db } = under;
    await db.insert(db.t.projects).values({ id: 'pr', name: 'Project', createdAt: AT });
    for (const id of ['quick', 'slow']) await db.insert(db.t.pipelines).values({ id, projectId: 'pr', name: id, createdAt: AT, updatedAt: AT });
    const dataDir = newDataDir();
    manager = new RunManager(db, { threads: 2, dataDir, bundledRoot: path.join(process.cwd(), 'nodes'), testNodes: true, verify: { enabled: false, fullBytes: 0, sampleRate: 0, seed: '' } });
  });
  afterAll(() => manager.close());

  const start = async (plan: Plan, over: { useCache?: boolean } = {}) => {
    const runId = await insertRun(under.db, { pipelineId: plan.pipelineId, pipelineVersionId: null, plan, trigger: 'api', createdBy: null, ...over });
    return { runId, status: await manager.start(runId, plan) };
  };

  it('runs a pipeline, storing its events in order with one finish per step', async () => {
    const plan = planOf('quick', 300);
    expect(plan.steps.every((s) => s.cacheKey)).toBe(true);
    const { runId, status } = await start(plan);
    expect(status).toBe('succeeded');
    firstRun = runId;
    const run = await runOf(under.db, runId);
    expect(run).toMatchObject({ status: 'succeeded', owner: manager.owner });
    expect(run.finishedAt).toBeGreaterThanOrEqual(run.startedAt!);
    const steps = await stepsOf(under.db, runId);
    expect(steps.map((s) => [s.stepId, s.status, s.runner, s.progress, s.trust])).toEqual([
      ['ingest', 'succeeded', 'server:worker-thread', 1, 'server'],
      ['wait', 'succeeded', 'server:worker-thread', 1, 'server'],
      ['stats', 'succeeded', 'server:worker-thread', 1, 'server'],
    ]);
    // Each step started after the one it reads finished: its start was stored after that finish.
    expect(steps[1].startedAt).toBeGreaterThanOrEqual(steps[0].finishedAt!);
    expect(steps[2].startedAt).toBeGreaterThanOrEqual(steps[1].finishedAt!);
    // The sleep's last progress (written before its finish) says it slept the whole time.
    expect(steps[1].progressMessage).toMatch(/^Slept \d+ of 300 ms$/);
    const artifacts = await under.db.select().from(under.db.t.artifacts).where(eq(under.db.t.artifacts.createdByRunId, runId));
    expect(artifacts.length).toBeGreaterThan(0);
  });

  it('serves a second run of the same plan from the cache', async () => {
    const { runId, status } = await start(planOf('quick', 300));
    expect(status).toBe('succeeded');
    const steps = await stepsOf(under.db, runId);
    expect(steps.map((s) => [s.stepId, s.status, s.cachedFromRunId])).toEqual([
      ['ingest', 'cached', firstRun],
      ['wait', 'cached', firstRun],
      ['stats', 'cached', firstRun],
    ]);
    const first = await stepsOf(under.db, firstRun);
    expect(steps.map((s) => s.outputs)).toEqual(first.map((s) => s.outputs));
  });

  it('resumes a run whose process died, keeping its finished step and redoing the half-done one', async () => {
    const { db } = under;
    const plan = planOf('quick', 300);
    const runId = await insertRun(db, { pipelineId: 'quick', pipelineVersionId: null, plan, trigger: 'api', createdBy: null, useCache: false });
    expect(await claimRun(db, runId, null, DEAD_OWNER)).toBe(true);
    const done = (await stepsOf(db, firstRun)).find((s) => s.stepId === 'ingest')!;
    await persistEvent(db, runId, { type: 'step_started', stepId: 'ingest', at: AT }, 'server:worker-thread');
    await persistEvent(db, runId, { type: 'step_finished', stepId: 'ingest', status: 'succeeded', startedAt: AT, finishedAt: AT + 1, outputs: done.outputs! }, 'server:worker-thread');
    await persistEvent(db, runId, { type: 'step_started', stepId: 'wait', at: AT + 2 }, 'server:worker-thread');
    await persistEvent(db, runId, { type: 'step_progress', stepId: 'wait', fraction: 0.5, message: 'half' }, 'server:worker-thread');

    expect(await manager.resumeInterrupted()).toEqual([runId]);
    await manager.whenDone(runId);
    expect(await runOf(db, runId)).toMatchObject({ status: 'succeeded', owner: manager.owner });
    const steps = await stepsOf(db, runId);
    expect(steps.map((s) => [s.stepId, s.status])).toEqual([
      ['ingest', 'succeeded'],
      ['wait', 'succeeded'],
      ['stats', 'succeeded'],
    ]);
    expect(steps[0]).toMatchObject({ startedAt: AT, finishedAt: AT + 1, outputs: done.outputs });
    expect(steps[1].startedAt).toBeGreaterThan(AT + 2);
    expect(steps[1].progressMessage).toMatch(/^Slept \d+ of 300 ms$/);
    // Nothing is left to resume, and a run another live process owns is left alone.
    expect(await manager.resumeInterrupted()).toEqual([]);
  });

  it('cancels a run mid-step: the step in flight and everything after it end cancelled', async () => {
    const { db } = under;
    const plan = planOf('slow', 60_000);
    const runId = await insertRun(db, { pipelineId: 'slow', pipelineVersionId: null, plan, trigger: 'api', createdBy: null });
    const done = manager.start(runId, plan);
    while ((await stepsOf(db, runId)).find((s) => s.stepId === 'wait')?.status !== 'running') await new Promise((r) => setTimeout(r, 50));
    expect(manager.cancel(runId)).toBe(true);
    expect(await done).toBe('cancelled');
    expect(await runOf(db, runId)).toMatchObject({ status: 'cancelled' });
    const steps = await db.select().from(db.t.stepRuns).where(eq(db.t.stepRuns.runId, runId)).orderBy(asc(db.t.stepRuns.stepId));
    expect(steps.map((s) => [s.stepId, s.status, s.errorCode])).toEqual([
      ['ingest', 'cached', null],
      ['stats', 'cancelled', 'cancelled'],
      ['wait', 'cancelled', 'cancelled'],
    ]);
  });
});
