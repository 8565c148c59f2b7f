import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../engine/plan';
import { openTestDb, type TestDb } from '../db/test-db';
import { artifacts, pipelines, projects, users } from '../db/schema';
import { persistEvent } from '../runners/persist-event';
import { insertRun } from '../runners/run-store';
import { consumerFor, producersOf, refusal } from './cache-scope';
import { selectedForVerification } from './verify-queue';
import type { CachePolicy } from './result-trust';

let t: TestDb;
const id = (c: string) => c.repeat(64);
const plan: Plan = {
  pipelineId: 'p',
  docHash: 'h',
  warnings: [],
  steps: [{ id: 'a', type: 't/a', version: 1, params: {}, inputs: {}, outputs: { out: 'table' }, placement: 'browser', deterministic: true, cacheKey: 'k-a' }],
};

beforeEach(() => {
  t = openTestDb();
  for (const [uid, name] of [['ann', 'Ann'], ['bob', 'Bob']]) {
    t.db.insert(users).values({ id: uid, email: `${uid}@x.org`, name, role: 'analyst', passwordHash: 'x', createdAt: 0 }).run();
  }
  t.db.insert(projects).values({ id: 'pr', name: 'P', createdAt: 0 }).run();
  t.db.insert(pipelines).values({ id: 'p', projectId: 'pr', name: 'P', createdAt: 0, updatedAt: 0 }).run();
  t.db.insert(artifacts).values({ id: id('a'), kind: 'table', mediaType: 'x', size: 1, meta: {}, createdAt: 0 }).run();
});
afterEach(() => t.cleanup());

let clock = 10;
/** Ann's run of step a, finished by the given runner: the newest producer of its key. */
async function annsResult(runner: string) {
  clock++;
  const runId = await insertRun(t.anyDb, { pipelineId: 'p', pipelineVersionId: null, plan, trigger: 'manual', createdBy: 'ann' });
  await persistEvent(t.anyDb, runId, { type: 'step_finished', stepId: 'a', status: 'succeeded', startedAt: 1, finishedAt: clock, outputs: { out: { id: id('a'), kind: 'table', size: 1 } } }, runner);
  return (await producersOf(t.anyDb, 'k-a'))[0];
}

const withPolicy = (policy: CachePolicy) => t.db.update(projects).set({ cachePolicy: policy }).where(eq(projects.id, 'pr')).run();
const verdict = async (who: string, producer: Awaited<ReturnType<typeof annsResult>>) => (await refusal(t.anyDb, await consumerFor(t.anyDb, who, 'p'), producer))?.reason ?? 'reused';

describe('which cached results a run may reuse', () => {
  it('records provenance: who ran it, and that a browser result is unverified', async () => {
    expect(await annsResult('browser:web-worker')).toMatchObject({ ranBy: 'ann', trust: 'unverified', projectId: 'pr' });
    expect(await annsResult('server:worker-thread')).toMatchObject({ ranBy: 'ann', trust: 'server' });
  });

  it('shares server results with everyone, and unverified browser results only as the project policy says', async () => {
    expect(await verdict('bob', await annsResult('server:worker-thread'))).toBe('reused');
    const browser = await annsResult('browser:web-worker');
    expect(await verdict('bob', browser)).toBe('not reusing Ann’s unverified browser result: this project reuses only results the server ran or verified');
    expect(await verdict('ann', browser)).toMatch(/^not reusing Ann’s unverified/);
    withPolicy('own');
    expect(await verdict('ann', browser)).toBe('reused');
    expect(await verdict('bob', browser)).toMatch(/browser results in their own runs/);
    withPolicy('any');
    expect(await verdict('bob', browser)).toBe('reused');
    // Never a quarantined one, whatever the policy.
    t.db.update(artifacts).set({ quarantinedAt: 5 }).where(eq(artifacts.id, id('a'))).run();
    expect(await verdict('bob', browser)).toBe('a browser result with this key is quarantined');
  });

  it('re-computes everything under the size threshold and a stable seeded sample above it', () => {
    const options = { enabled: true, fullBytes: 100, sampleRate: 0.25, seed: 's' };
    expect(selectedForVerification(options, 'k', 100)).toBe(true);
    const keys = Array.from({ length: 400 }, (_, i) => `key-${i}`);
    const picked = keys.filter((k) => selectedForVerification(options, k, 101));
    expect(picked.length).toBeGreaterThan(60);
    expect(picked.length).toBeLessThan(140);
    expect(keys.filter((k) => selectedForVerification(options, k, 101))).toEqual(picked);
    expect(keys.filter((k) => selectedForVerification({ ...options, seed: 't' }, k, 101))).not.toEqual(picked);
  });
});
