import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan, PlanStep } from '../../engine/plan';
import { pipelines, projects } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { persistEvent } from '../runners/persist-event';
import { claimRun, finishRun, insertRun } from '../runners/run-store';
import { artifactPath, writeArtifactBytes } from '../store/artifact-files';
import { previewPlan } from './plan-preview';

let t: TestDb;

interface StepSpec {
  id: string;
  key: string | null;
  params?: Record<string, unknown>;
  codeHash?: string;
  sourceKey?: string;
  from?: string;
  deterministic?: boolean;
}

function step({ id, key, params = {}, codeHash = 'code-1', sourceKey, from, deterministic = true }: StepSpec, keys: Map<string, string | null>): PlanStep {
  const inputKeys: Record<string, string | null> = from ? { table: keys.get(from) === null ? null : `${keys.get(from)}:table` } : {};
  keys.set(id, key);
  return {
    id,
    type: `t/${id}`,
    version: 1,
    label: id.toUpperCase(),
    params,
    inputs: from ? { table: { fromStep: from, output: 'table' } } : {},
    outputs: { table: 'table' },
    placement: 'server',
    deterministic,
    cacheKey: key,
    fingerprint: { codeHash, inputKeys, ...(sourceKey !== undefined ? { sourceKey } : {}) },
  };
}

function plan(specs: StepSpec[]): Plan {
  const keys = new Map<string, string | null>();
  return { pipelineId: 'p', docHash: 'h', warnings: [], steps: specs.map((s) => step(s, keys)) };
}

const base = (over: Partial<Record<string, Partial<StepSpec>>> = {}): StepSpec[] => [
  { id: 'ingest', key: 'k-ingest', sourceKey: 'src-1', ...over.ingest },
  { id: 'split', key: 'k-split', params: { seed: 0 }, from: 'ingest', ...over.split },
  { id: 'stats', key: 'k-stats', from: 'split', ...over.stats },
];

/** Stores a run of `p` as if it executed: every step succeeded with one real artifact each. */
async function runPlan(p: Plan, status: 'succeeded' | 'failed' = 'succeeded'): Promise<{ runId: string; artifacts: Map<string, string> }> {
  const runId = await insertRun(t.anyDb, { pipelineId: 'p', pipelineVersionId: null, plan: p, trigger: 'api', createdBy: null });
  await claimRun(t.anyDb, runId, null, 'host:1');
  const artifacts = new Map<string, string>();
  let at = Date.now();
  for (const s of p.steps) {
    const { id, size } = await writeArtifactBytes(t.dir, new TextEncoder().encode(`${runId}/${s.id}`));
    artifacts.set(s.id, id);
    await persistEvent(t.anyDb, runId, { type: 'step_started', stepId: s.id, at }, 'r');
    await persistEvent(
      t.anyDb,
      runId,
      status === 'succeeded'
        ? { type: 'step_finished', stepId: s.id, status: 'succeeded', startedAt: at, finishedAt: ++at, outputs: { table: { id, kind: 'table', size } } }
        : { type: 'step_finished', stepId: s.id, status: 'failed', startedAt: at, finishedAt: ++at, error: { code: 'node_failed', message: 'boom' } },
      'r',
    );
  }
  await finishRun(t.anyDb, runId, status);
  return { runId, artifacts };
}

const decisions = (steps: Awaited<ReturnType<typeof previewPlan>>) => Object.fromEntries(steps.map((s) => [s.stepId, [s.decision, ...s.reasons]]));

beforeEach(() => {
  t = openTestDb();
  t.db.insert(projects).values({ id: 'pr', name: 'P', createdAt: 0 }).run();
  t.db.insert(pipelines).values({ id: 'p', projectId: 'pr', name: 'P', createdAt: 0, updatedAt: 0 }).run();
});
afterEach(() => t.cleanup());

describe('previewPlan', () => {
  it('says every step will run, never run, for a pipeline without runs', async () => {
    const steps = await previewPlan(t.anyDb, t.dir, plan(base()));
    expect(decisions(steps)).toEqual({ ingest: ['run', 'never run'], split: ['run', 'never run'], stats: ['run', 'never run'] });
    expect(steps[0]).toMatchObject({ stepId: 'ingest', label: 'INGEST', type: 't/ingest' });
  });

  it('reuses every step after a successful run of the same plan, naming the run', async () => {
    const { runId } = await runPlan(plan(base()));
    const steps = await previewPlan(t.anyDb, t.dir, plan(base()));
    expect(decisions(steps)).toEqual({ ingest: ['cached'], split: ['cached'], stats: ['cached'] });
    expect(steps.every((s) => s.cachedFromRunId === runId)).toBe(true);
  });

  it('explains a params change and the data it changes downstream', async () => {
    await runPlan(plan(base()));
    const next = plan(base({ split: { key: 'k-split-2', params: { seed: 5 } }, stats: { key: 'k-stats-2' } }));
    expect(decisions(await previewPlan(t.anyDb, t.dir, next))).toEqual({
      ingest: ['cached'],
      split: ['run', 'params changed'],
      stats: ['run', 'upstream data changed'],
    });
  });

  it('names new code and changed source data', async () => {
    await runPlan(plan(base()));
    const next = plan(base({ ingest: { key: 'k-ingest-2', sourceKey: 'src-2' }, split: { key: 'k-split-2', codeHash: 'code-2' }, stats: { key: 'k-stats-2' } }));
    expect(decisions(await previewPlan(t.anyDb, t.dir, next))).toEqual({
      ingest: ['run', 'source data changed'],
      split: ['run', 'code changed (Pipeworks upgraded)', 'upstream data changed'],
      stats: ['run', 'upstream data changed'],
    });
  });

  it('runs a non-deterministic step and says it cannot be cached', async () => {
    await runPlan(plan(base()));
    const next = plan(base({ split: { key: null, deterministic: false }, stats: { key: null } }));
    const got = decisions(await previewPlan(t.anyDb, t.dir, next));
    expect(got.ingest).toEqual(['cached']);
    expect(got.split).toEqual(['run', 'not cacheable (non-deterministic)']);
    expect(got.stats).toEqual(['run', 'not cacheable (upstream not cacheable)']);
  });

  it('runs a step whose cached outputs were removed from the store', async () => {
    const { artifacts } = await runPlan(plan(base()));
    rmSync(artifactPath(t.dir, artifacts.get('split')!));
    expect(decisions(await previewPlan(t.anyDb, t.dir, plan(base())))).toEqual({
      ingest: ['cached'],
      split: ['run', 'cached outputs were removed'],
      stats: ['cached'],
    });
  });

  it('runs the steps a failed run did not finish', async () => {
    await runPlan(plan(base()), 'failed');
    const got = decisions(await previewPlan(t.anyDb, t.dir, plan(base())));
    expect(got.split).toEqual(['run', 'previous run did not finish this step']);
  });

  it('compares with the last run that had the step, even if a later run stopped short of it', async () => {
    await runPlan(plan(base()));
    await runPlan(plan(base().slice(0, 1)));
    const next = plan(base({ stats: { key: 'k-stats-2', codeHash: 'code-2' } }));
    expect(decisions(await previewPlan(t.anyDb, t.dir, next)).stats).toEqual(['run', 'code changed (Pipeworks upgraded)']);
  });
});
