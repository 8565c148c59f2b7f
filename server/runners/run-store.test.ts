import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../engine/plan';
import { openTestDb, type TestDb } from '../db/test-db';
import { pipelines, projects } from '../db/schema';
import { persistEvent } from './persist-event';
import { claimRun, finishRun, insertRun, prepareResume, unfinishedRuns } from './run-store';

let t: TestDb;
const plan: Plan = {
  pipelineId: 'p',
  docHash: 'h',
  warnings: [],
  steps: [
    { id: 'a', type: 't/a', version: 1, params: {}, inputs: {}, outputs: { out: 'table' }, placement: 'server', deterministic: true, cacheKey: 'k-a' },
    { id: 'b', type: 't/b', version: 1, params: {}, inputs: { in: { fromStep: 'a', output: 'out' } }, outputs: { out: 'table' }, placement: 'server', deterministic: true, cacheKey: 'k-b' },
  ],
};

beforeEach(() => {
  t = openTestDb();
  t.db.insert(projects).values({ id: 'pr', name: 'P', createdAt: 0 }).run();
  t.db.insert(pipelines).values({ id: 'p', projectId: 'pr', name: 'P', createdAt: 0, updatedAt: 0 }).run();
});
afterEach(() => t.cleanup());

const newRun = () => insertRun(t.anyDb, { pipelineId: 'p', pipelineVersionId: null, plan, trigger: 'api', createdBy: null });

describe('claimRun', () => {
  it('lets exactly one process take a new run', async () => {
    const id = await newRun();
    expect(await claimRun(t.anyDb, id, null, 'host:1')).toBe(true);
    expect(await claimRun(t.anyDb, id, null, 'host:2')).toBe(false);
  });

  it('lets one resumer take an orphaned run, and only while its owner is unchanged', async () => {
    const id = await newRun();
    await claimRun(t.anyDb, id, null, 'host:1');
    expect(await claimRun(t.anyDb, id, 'host:1', 'host:2')).toBe(true);
    expect(await claimRun(t.anyDb, id, 'host:1', 'host:3')).toBe(false);
  });

  it('never takes a finished run', async () => {
    const id = await newRun();
    await claimRun(t.anyDb, id, null, 'host:1');
    await finishRun(t.anyDb, id, 'succeeded');
    expect(await claimRun(t.anyDb, id, 'host:1', 'host:2')).toBe(false);
    expect((await unfinishedRuns(t.anyDb)).map((r) => r.id)).not.toContain(id);
  });
});

describe('prepareResume', () => {
  it('keeps finished steps and puts half-done ones back in the queue', async () => {
    const id = await newRun();
    await claimRun(t.anyDb, id, null, 'host:1');
    const outputs = { out: { id: 'f'.repeat(64), kind: 'table' as const, size: 3 } };
    await persistEvent(t.anyDb, id, { type: 'step_started', stepId: 'a', at: 1 }, 'r');
    await persistEvent(t.anyDb, id, { type: 'step_finished', stepId: 'a', status: 'succeeded', startedAt: 1, finishedAt: 2, outputs }, 'r');
    await persistEvent(t.anyDb, id, { type: 'step_started', stepId: 'b', at: 3 }, 'r');
    const completed = await prepareResume(t.anyDb, id);
    expect([...completed.entries()]).toEqual([['a', outputs]]);
    const statuses = t.sqlite.prepare('select step_id, status from step_runs where run_id = ? order by step_id').all(id);
    expect(statuses).toEqual([
      { step_id: 'a', status: 'succeeded' },
      { step_id: 'b', status: 'queued' },
    ]);
  });
});

describe('progress series', () => {
  const series = (id: string, step: string) =>
    JSON.parse((t.sqlite.prepare('select progress_series from step_runs where run_id = ? and step_id = ?').pluck().get(id, step) as string | null) ?? 'null');

  it('records the numbers progress events carry, completes them when the step ends, and clears them on resume', async () => {
    const id = await newRun();
    await claimRun(t.anyDb, id, null, 'host:1');
    await persistEvent(t.anyDb, id, { type: 'step_started', stepId: 'a', at: 1 }, 'r');
    await persistEvent(t.anyDb, id, { type: 'step_progress', stepId: 'a', fraction: 0.1, message: 'Epoch 1', data: { epoch: 1, loss: 0.9, tag: 'x' } }, 'r');
    await persistEvent(t.anyDb, id, { type: 'step_progress', stepId: 'a', fraction: 0.15, message: 'Loading' }, 'r');
    // Written at once for the first point; the ones right after wait for the interval or the end.
    await persistEvent(t.anyDb, id, { type: 'step_progress', stepId: 'a', fraction: 0.2, data: { epoch: 2, loss: 0.7 } }, 'r');
    expect(series(id, 'a')).toEqual([{ t: expect.any(Number), fraction: 0.1, data: { epoch: 1, loss: 0.9 } }]);
    await persistEvent(t.anyDb, id, { type: 'step_finished', stepId: 'a', status: 'succeeded', startedAt: 1, finishedAt: 2, outputs: {} }, 'r');
    expect(series(id, 'a').map((p: { data: { loss: number } }) => p.data.loss)).toEqual([0.9, 0.7]);

    await persistEvent(t.anyDb, id, { type: 'step_started', stepId: 'b', at: 3 }, 'r');
    await persistEvent(t.anyDb, id, { type: 'step_progress', stepId: 'b', fraction: 0.5, data: { iteration: 1 } }, 'r');
    expect(series(id, 'b')).toHaveLength(1);
    await prepareResume(t.anyDb, id);
    expect(series(id, 'b')).toBeNull();
    expect(series(id, 'a')).toHaveLength(2);
  });
});
