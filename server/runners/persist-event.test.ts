import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pipelines, projects, runs, stepRuns } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { persistEvent } from './persist-event';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
  t.db.insert(projects).values({ id: 'p', name: 'P', createdAt: 1 }).run();
  t.db.insert(pipelines).values({ id: 'pl', projectId: 'p', name: 'PL', createdAt: 1, updatedAt: 1 }).run();
  t.db.insert(runs).values({ id: 'r1', pipelineId: 'pl', status: 'running', plan: { pipelineId: 'pl', docHash: 'h', steps: [], warnings: [] }, trigger: 'manual', createdAt: 1 }).run();
  t.db.insert(stepRuns).values({ id: 's1', runId: 'r1', stepId: 'train', nodeType: 'testing/sleep', nodeVersion: 1, status: 'queued' }).run();
});
afterEach(() => t.cleanup());

const row = () => t.db.select().from(stepRuns).all()[0]!;
const started = (at: number) => persistEvent(t.anyDb, 'r1', { type: 'step_started', stepId: 'train', at }, 'server:queue');
/** What RunManager.recordTaken writes when a queue worker says it took the step. */
const taken = (workerId: string) => t.db.update(stepRuns).set({ runner: `queue:${workerId}` }).run();

describe('a step start in queue mode', () => {
  it('says the step waits for a queue worker until one takes it', async () => {
    await started(10);
    expect(row()).toMatchObject({ status: 'running', runner: 'server:queue', startedAt: 10, progress: 0 });
  });

  // A browser tab reports a server step's start; a retried report whose first try was still being
  // written can land after the worker took the step.
  it('reported after a worker took the step, leaves the worker named and its progress alone', async () => {
    await started(10);
    taken('box:1:ab');
    await persistEvent(t.anyDb, 'r1', { type: 'step_progress', stepId: 'train', fraction: 0.5 }, 'server:queue');
    await started(11);
    expect(row()).toMatchObject({ status: 'running', runner: 'queue:box:1:ab', startedAt: 10, progress: 0.5 });
  });

  it('starts afresh a step a worker took in an earlier, interrupted attempt', async () => {
    await started(10);
    taken('box:1:ab');
    t.db.update(stepRuns).set({ status: 'queued', startedAt: null, progress: null }).run(); // prepareResume
    await started(20);
    expect(row()).toMatchObject({ status: 'running', runner: 'server:queue', startedAt: 20, progress: 0 });
  });
});

describe('a late step start', () => {
  const finished = (status: 'succeeded' | 'failed', startedAt: number, finishedAt: number) =>
    persistEvent(t.anyDb, 'r1', { type: 'step_finished', stepId: 'train', status, startedAt, finishedAt, ...(status === 'failed' && { error: { code: 'node_failed' as const, message: 'boom' } }) }, 'server');

  // A browser tab retries a start report whose first try was still being written; the step has
  // finished since. Before the check the retried start set it back to running for good.
  it('that arrives after the step finished leaves it finished', async () => {
    await persistEvent(t.anyDb, 'r1', { type: 'step_started', stepId: 'train', at: 10 }, 'server');
    await finished('succeeded', 10, 12);
    await persistEvent(t.anyDb, 'r1', { type: 'step_started', stepId: 'train', at: 10 }, 'server');
    expect(row()).toMatchObject({ status: 'succeeded', startedAt: 10, finishedAt: 12, progress: 1 });
  });

  it('of a 0 ms step, stamped the same millisecond as its finish, leaves it finished', async () => {
    await finished('succeeded', 12, 12);
    await persistEvent(t.anyDb, 'r1', { type: 'step_started', stepId: 'train', at: 12 }, 'server');
    expect(row()).toMatchObject({ status: 'succeeded', finishedAt: 12 });
  });

  it('after the finish is a new attempt (a failed step run again when its run resumes)', async () => {
    await finished('failed', 10, 12);
    await persistEvent(t.anyDb, 'r1', { type: 'step_started', stepId: 'train', at: 30 }, 'server');
    expect(row()).toMatchObject({ status: 'running', startedAt: 30, progress: 0 });
  });
});
