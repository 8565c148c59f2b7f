// Browser-result trust on SQLite and on Postgres: the server's computation of a key settles the
// browser's unverified results of it. Verified ones become reusable by others; unverified ones are
// reused only as the project's policy says; a mismatch quarantines, taints what was built on it,
// flags the run, audits naming the person and tells the admins, all in one transaction.
import { desc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { ArtifactRef, Plan } from '../../engine/plan';
import type { AnyDb } from '../../server/db/any-db';
import { consumerFor, consumerForRun, producersOf, refusal } from '../../server/trust/cache-scope';
import { settleBrowserResults } from '../../server/trust/verify';
import { describeEachDatabase } from './helpers/each-database';

const ref = (c: string): ArtifactRef => ({ id: c.repeat(64), kind: 'table', size: 1 });
const plan: Plan = {
  pipelineId: 'p',
  docHash: 'h',
  warnings: [],
  steps: [
    { id: 'split', type: 'split/random', version: 1, params: {}, inputs: {}, outputs: { train: 'table' }, placement: 'browser', deterministic: true, cacheKey: 'k-split' },
    { id: 'train', type: 'train/x', version: 1, params: {}, inputs: { table: { fromStep: 'split', output: 'train' } }, outputs: { model: 'table' }, placement: 'browser', deterministic: true, cacheKey: 'k-train' },
  ],
};

async function seed(db: AnyDb) {
  const { artifacts, pipelines, projects, users } = db.t;
  for (const [id, name, role] of [['ann', 'Ann', 'analyst'], ['bob', 'Bob', 'analyst'], ['tess', 'Tess', 'admin']] as const) {
    await db.insert(users).values({ id, email: `${id}@example.com`, name, role, passwordHash: 'x', createdAt: 0 });
  }
  await db.insert(projects).values({ id: 'pr', name: 'P', createdAt: 0 });
  await db.insert(pipelines).values({ id: 'p', projectId: 'pr', name: 'P', createdAt: 0, updatedAt: 0 });
  for (const c of ['a', 'b', 'c', 'd', 'e']) await db.insert(artifacts).values({ id: ref(c).id, kind: 'table', mediaType: 'x', size: 1, meta: {}, createdAt: 0 });
}

/** A browser run of Ann's: split (and train from it) succeeded with these outputs, unverified. */
async function annsBrowserRun(db: AnyDb, runId: string, at: number, split: ArtifactRef, model: ArtifactRef) {
  const { runs, stepRuns } = db.t;
  await db.insert(runs).values({ id: runId, pipelineId: 'p', status: 'succeeded', plan, trigger: 'manual', createdBy: 'ann', createdAt: at });
  const common = { runId, nodeVersion: 1, status: 'succeeded' as const, runner: 'browser:web-worker', ranBy: 'ann', trust: 'unverified' as const, startedAt: at, finishedAt: at };
  await db.insert(stepRuns).values({ ...common, id: `${runId}-split`, stepId: 'split', nodeType: 'split/random', label: 'Split', cacheKey: 'k-split', outputs: { train: split } });
  await db.insert(stepRuns).values({ ...common, id: `${runId}-train`, stepId: 'train', nodeType: 'train/x', cacheKey: 'k-train', outputs: { model } });
}

describeEachDatabase('browser result trust', (under) => {
  const bobs = async () => consumerFor(under.db, 'bob', 'p');
  const verdict = async (key: string) => {
    const [producer] = await producersOf(under.db, key);
    return (await refusal(under.db, await bobs(), producer))?.reason ?? 'reused';
  };
  const trustOf = async (stepRunId: string) =>
    (await under.db.select({ trust: under.db.t.stepRuns.trust }).from(under.db.t.stepRuns).where(eq(under.db.t.stepRuns.id, stepRunId)))[0]?.trust;

  it('does not reuse an unverified browser result for someone else, unless the policy says any', async () => {
    const { db } = under;
    await seed(db);
    await annsBrowserRun(db, 'r1', 10, ref('a'), ref('b'));
    expect(await producersOf(db, 'k-split')).toEqual([{ runId: 'r1', outputs: { train: ref('a') }, trust: 'unverified', ranBy: 'ann', projectId: 'pr' }]);
    expect(await consumerForRun(db, 'r1')).toEqual({ userId: 'ann', projectId: 'pr', policy: 'verified' });
    expect(await verdict('k-split')).toBe('not reusing Ann\u2019s unverified browser result: this project reuses only results the server ran or verified');
    await db.update(db.t.projects).set({ cachePolicy: 'any' }).where(eq(db.t.projects.id, 'pr'));
    expect(await verdict('k-split')).toBe('reused');
    await db.update(db.t.projects).set({ cachePolicy: 'verified' }).where(eq(db.t.projects.id, 'pr'));
  });

  it('marks a browser result verified when the server computes the same artifacts, and then reuses it', async () => {
    const { db } = under;
    expect(await settleBrowserResults(db, 'k-split', { train: ref('a') }, { runId: null, userId: null })).toEqual({ verified: 1, mismatched: 0 });
    expect(await trustOf('r1-split')).toBe('verified');
    expect(await trustOf('r1-train')).toBe('unverified');
    expect(await verdict('k-split')).toBe('reused');
    // Nothing left to settle: a second computation finds no unverified result.
    expect(await settleBrowserResults(db, 'k-split', { train: ref('a') }, { runId: null, userId: null })).toEqual({ verified: 0, mismatched: 0 });
  });

  it('on a mismatch quarantines, taints downstream, flags the run, audits naming the person and tells the admins', async () => {
    const { db } = under;
    const { artifacts, auditEvents, notifications, runs } = db.t;
    await annsBrowserRun(db, 'r2', 20, ref('c'), ref('d'));
    expect(await settleBrowserResults(db, 'k-split', { train: ref('e') }, { runId: 'server-run', userId: 'tess' })).toEqual({ verified: 0, mismatched: 1 });
    expect(await trustOf('r2-split')).toBe('mismatch');
    expect(await trustOf('r2-train')).toBe('tainted');
    expect(await trustOf('r1-split')).toBe('verified');
    const quarantined = await db.select({ id: artifacts.id, at: artifacts.quarantinedAt }).from(artifacts).where(eq(artifacts.id, ref('c').id));
    expect(quarantined[0].at).toEqual(expect.any(Number));
    const [run] = await db.select({ flag: runs.trustFlag }).from(runs).where(eq(runs.id, 'r2'));
    expect(run.flag).toMatch(/^Step "Split" ran in Ann \(ann@example.com\)'s browser and failed the server's verification/);
    const [event] = await db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({
      userId: 'ann',
      action: 'result.mismatch',
      targetId: 'r2',
      detail: { stepId: 'split', ranBy: { id: 'ann', name: 'Ann', email: 'ann@example.com' }, outputs: [{ output: 'train', browser: ref('c').id, server: ref('e').id }], detectedBy: { runId: 'server-run', userId: 'tess' } },
    });
    const told = await db.select({ userId: notifications.userId, kind: notifications.kind }).from(notifications);
    expect(told).toEqual([{ userId: 'tess', kind: 'result.mismatch' }]);
    // The newest producer of the key is now the mismatch, which nobody reuses.
    expect(await verdict('k-split')).toBe('a browser result with this key failed the server\u2019s verification and is quarantined');
    expect(await verdict('k-train')).toBe('a browser result with this key was computed from a result that failed verification');
  });
});
