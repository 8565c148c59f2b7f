// A model built on browser results the server has not verified is registered only with a
// scientist's or admin's explicit approval, which the audit log records (issue 22).
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../engine/plan';
import { auditEvents, pipelines, stepRuns } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { persistEvent } from '../runners/persist-event';
import { insertRun } from '../runners/run-store';
import { registerModelVersion, type RegisterRequest } from './register';
import { draft, seedRegistryFixtures, type RegistryPeople } from './test-kit';

let t: TestDb;
let people: RegistryPeople;
let runId: string;

const plan: Plan = {
  pipelineId: 'pl',
  docHash: 'h',
  warnings: [],
  steps: [
    { id: 'split', type: 'split/random', version: 1, params: {}, inputs: {}, outputs: { train: 'table' }, placement: 'server', deterministic: true, cacheKey: 'k-split' },
    { id: 'train', type: 'train/mlp', version: 1, params: {}, inputs: { table: { fromStep: 'split', output: 'train' } }, outputs: { model: 'model' }, placement: 'browser', deterministic: false, cacheKey: null },
  ],
};

beforeEach(async () => {
  t = openTestDb();
  people = await seedRegistryFixtures(t.anyDb);
  t.db.insert(pipelines).values({ id: 'pl', projectId: 'p1', name: 'P', createdAt: 0, updatedAt: 0 }).run();
  runId = await insertRun(t.anyDb, { pipelineId: 'pl', pipelineVersionId: null, plan, trigger: 'manual', createdBy: people.analyst.id });
  const finished = (stepId: string, id: string, kind: 'table' | 'model') =>
    ({ type: 'step_finished', stepId, status: 'succeeded', startedAt: 1, finishedAt: 2, outputs: { [kind === 'table' ? 'train' : 'model']: { id, kind, size: 1 } } }) as const;
  await persistEvent(t.anyDb, runId, finished('split', 'b'.repeat(64), 'table'), 'server:worker-thread');
  await persistEvent(t.anyDb, runId, finished('train', 'c'.repeat(64), 'model'), 'browser:web-worker');
});
afterEach(() => t.cleanup());

const lineageSteps = plan.steps.map((s) => ({ id: s.id, type: s.type, version: 1, params: {}, codeHash: 'x', cacheKey: s.cacheKey, inputs: s.inputs, outputs: {}, status: 'succeeded', cachedFromRunId: null }));
const register = (who: keyof typeof people, extra: Partial<RegisterRequest> = {}) =>
  registerModelVersion(t.anyDb, {
    projectId: 'p1',
    modelName: 'fraud',
    draft: draft({ runId, stepId: 'train', lineage: { ...draft().lineage, steps: lineageSteps } }),
    userId: people[who].id,
    role: people[who].role,
    via: 'manual',
    ...extra,
  });

describe('registering a model with an unverified browser step in its lineage', () => {
  it('is refused without an approval, and an analyst may not approve', async () => {
    await expect(register('analyst')).rejects.toThrow('This model\'s lineage has steps the server neither ran nor verified: "train" (run in a browser, not verified). A scientist or an administrator must approve registering it.');
    await expect(register('scientist')).rejects.toThrow(/must approve/);
    await expect(register('analyst', { approveUnverified: true })).rejects.toThrow(/Only a scientist or an administrator may approve/);
  });

  it('is registered with a scientist’s approval, recorded in the audit log', async () => {
    const version = await register('scientist', { approveUnverified: true });
    const approval = t.db.select().from(auditEvents).where(eq(auditEvents.action, 'model.approve_unverified')).all();
    expect(approval).toHaveLength(1);
    expect(approval[0]).toMatchObject({ userId: people.scientist.id, targetId: version.versionId, detail: { steps: [{ stepId: 'train', trust: 'unverified' }], runId } });
  });

  it('needs no approval once the server verified it, and takes none for a step that failed verification', async () => {
    const setTrust = (trust: 'verified' | 'mismatch') => t.db.update(stepRuns).set({ trust }).where(and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, 'train'))).run();
    setTrust('verified');
    expect((await register('analyst')).created).toBe(true);
    setTrust('mismatch');
    await expect(register('admin', { approveUnverified: true })).rejects.toThrow(/failed the server's verification: "train"/);
  });
});
