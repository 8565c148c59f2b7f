// Writing a run's records on SQLite and on Postgres: a step's metric rows replaced when it reports
// again, a search's trials as child runs (replaced, never doubled), and the browser-run lifecycle
// (the tab's token, interruption with its half-done steps reset, the sweep, a stale build failing
// the run), each in one short transaction.
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { AnyDb } from '../../server/db/any-db';
import { assertSameBuild, browserOwner, browserRunFor, interruptRun, sweepBrowserRuns, touchBrowserRun } from '../../server/runners/browser-runs';
import { writeStepMetrics } from '../../server/runs/run-records';
import { readTrials, writeTrialRuns } from '../../server/runs/trial-runs';
import { describeEachDatabase } from './helpers/each-database';

const AT = 1_765_000_000_000;
const plan = { pipelineId: 'p1', docHash: 'h', steps: [], warnings: [] };

async function seed(db: AnyDb) {
  await db.insert(db.t.projects).values({ id: 'pr', name: 'Project', createdAt: AT });
  await db.insert(db.t.pipelines).values({ id: 'p1', projectId: 'pr', name: 'Pipe', createdAt: AT, updatedAt: AT });
}

async function newRun(db: AnyDb, over: Partial<AnyDb['t']['runs']['$inferInsert']> = {}): Promise<string> {
  const id = randomUUID();
  await db.insert(db.t.runs).values({ id, pipelineId: 'p1', status: 'running', plan, trigger: 'manual', createdAt: AT, ...over });
  await db.insert(db.t.stepRuns).values([
    { id: randomUUID(), runId: id, stepId: 'a', nodeType: 't', nodeVersion: 1, status: 'succeeded', outputs: { out: { id: 'f'.repeat(64), kind: 'table', size: 1 } } },
    { id: randomUUID(), runId: id, stepId: 'b', nodeType: 't', nodeVersion: 1, status: 'running', startedAt: AT, progress: 0.5, progressMessage: 'half' },
    { id: randomUUID(), runId: id, stepId: 'c', nodeType: 't', nodeVersion: 1, status: 'queued' },
  ]);
  return id;
}

const runOf = async (db: AnyDb, id: string) => (await db.select().from(db.t.runs).where(eq(db.t.runs.id, id)))[0];
const stepsOf = async (db: AnyDb, id: string) =>
  Object.fromEntries((await db.select().from(db.t.stepRuns).where(eq(db.t.stepRuns.runId, id)).orderBy(asc(db.t.stepRuns.stepId))).map((s) => [s.stepId, s]));

describeEachDatabase('writing run records', (under) => {
  beforeAll(() => seed(under.db));

  it('replaces a step’s metric rows when it reports again', async () => {
    const { db } = under;
    const id = await newRun(db, { status: 'succeeded' });
    await writeStepMetrics(db, id, 'eval', { auc: 0.9, rows: 120 });
    await writeStepMetrics(db, id, 'other', { auc: 0.5 });
    await writeStepMetrics(db, id, 'eval', { auc: 0.95 });
    const rows = await db.select({ key: db.t.runMetrics.key, value: db.t.runMetrics.value }).from(db.t.runMetrics).where(eq(db.t.runMetrics.runId, id)).orderBy(asc(db.t.runMetrics.key));
    expect(rows).toEqual([
      { key: 'eval.auc', value: 0.95 },
      { key: 'other.auc', value: 0.5 },
    ]);
  });

  it('records a search’s trials as child runs, replacing an earlier report rather than adding to it', async () => {
    const { db } = under;
    const parent = await newRun(db, { status: 'succeeded', createdBy: null });
    const search = (scores: (number | null)[]) => ({
      metric: 'auc',
      direction: 'maximize' as const,
      trials: scores.map((value, i) => ({ trial: i + 1, params: { depth: i + 2, split: { kind: 'gini' } }, value, durationMs: 100, ...(value === null && { error: 'diverged' }) })),
    });
    await writeTrialRuns(db, parent, 'search', search([0.7, 0.8, 0.6]));
    await writeTrialRuns(db, parent, 'search', search([0.75, null]));
    const { metricKey, trials } = await readTrials(db, parent, 'search');
    expect(metricKey).toBe('search.auc');
    expect(trials).toEqual([
      expect.objectContaining({ name: 'Trial 1', status: 'succeeded', trial: 1, value: 0.75, params: { 'search.depth': { value: '2', num: 2 }, 'search.split.kind': { value: 'gini', num: null } } }),
      expect.objectContaining({ name: 'Trial 2', status: 'failed', errorMessage: 'diverged', trial: 2, value: null }),
    ]);
    const children = await db.select().from(db.t.runs).where(eq(db.t.runs.parentRunId, parent)).orderBy(asc(db.t.runs.createdAt));
    expect(children).toHaveLength(2);
    expect(children[1].finishedAt! - children[0].finishedAt!).toBe(100);
    expect(children[0]).toMatchObject({ parentStepId: 'search', pipelineId: 'p1', recordsIndexed: true, errorCode: null });
    expect(children[1].errorCode).toBe('node_failed');
    await writeTrialRuns(db, randomUUID(), 'search', search([0.1])); // no parent: nothing written
  });

  it('lets only the tab holding the token report, and interrupts a run its tab left', async () => {
    const { db } = under;
    const id = await newRun(db, { owner: browserOwner('token-1') });
    expect((await browserRunFor(db, id, 'token-1')).id).toBe(id);
    await expect(browserRunFor(db, id, 'token-2')).rejects.toThrow(`Run ${id} is no longer driven by this tab`);
    await expect(browserRunFor(db, randomUUID(), 'token-1')).rejects.toThrow('does not exist');
    expect(await interruptRun(db, id, 'tab closed')).toBe(true);
    expect(await interruptRun(db, id, 'again')).toBe(false);
    expect(await runOf(db, id)).toMatchObject({ status: 'interrupted', errorCode: 'interrupted', errorMessage: 'tab closed' });
    const steps = await stepsOf(db, id);
    expect(steps.a.status).toBe('succeeded');
    expect(steps.b).toMatchObject({ status: 'queued', startedAt: null, progress: null, progressMessage: null });
    await expect(browserRunFor(db, id, 'token-1')).rejects.toThrow('marked interrupted');
    // A server-driven run is never interrupted this way.
    const server = await newRun(db, { owner: 'host:1' });
    expect(await interruptRun(db, server, 'no')).toBe(false);
  });

  it('sweeps browser-driven runs whose tab went quiet', async () => {
    const { db } = under;
    const quiet = await newRun(db, { owner: browserOwner('quiet') });
    const alive = await newRun(db, { owner: browserOwner('alive') });
    const now = Date.now() + 1_000_000;
    expect(await sweepBrowserRuns(db, 3000, now)).toEqual([]); // first sight: a full grace period
    touchBrowserRun(alive, now + 4000);
    expect(await sweepBrowserRuns(db, 3000, now + 5000)).toEqual([quiet]);
    expect((await runOf(db, quiet)).status).toBe('interrupted');
    expect((await runOf(db, alive)).status).toBe('running');
  });

  it('fails a run whose tab has another build, cancelling its unfinished steps', async () => {
    const { db } = under;
    const id = await newRun(db, { owner: browserOwner('old'), plan: { ...plan, build: { registryHash: 'new-build', pipeworksVersion: '1' } } as never });
    const run = await runOf(db, id);
    await expect(assertSameBuild(db, run, 'new-build', undefined)).resolves.toBeUndefined();
    await expect(assertSameBuild(db, run, 'old-build', undefined)).rejects.toThrow('Reload this page');
    expect(await runOf(db, id)).toMatchObject({ status: 'failed', errorCode: 'stale_build' });
    const steps = await stepsOf(db, id);
    expect(steps.a.status).toBe('succeeded');
    expect(steps.b).toMatchObject({ status: 'cancelled', errorCode: 'stale_build' });
    expect(steps.c.status).toBe('cancelled');
  });
});
