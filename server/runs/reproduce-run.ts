// "Reproduce this run": the same pipeline version, compiled again with each dataset node reading
// the very version the run read (a node set to "latest" would otherwise read today's), and by
// default every step executed afresh, so deterministic steps can show they give the same bytes.
import { eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { Plan } from '../../engine/plan';
import type { BrowserOffer } from '../../engine/placement';
import type { BackendSpeed } from '../../engine/training-speed';
import { datasetNode } from '../../nodes/ingest/dataset.node.ts';
import { first, type AnyDb } from '../db/any-db';
import { startRun, type StartedRun } from '../pipelines/start-run';
import { hasArtifactFile } from '../store/artifact-files';

export interface ReproduceInput {
  runId: string;
  userId: string | null;
  /** False: reuse cached outputs where keys match (fast); true: execute every step again. */
  rerunAll: boolean;
  browser?: BrowserOffer;
  serverSpeed?: BackendSpeed;
}

export async function reproduceRun(db: AnyDb, dataDir: string, input: ReproduceInput): Promise<StartedRun> {
  const { runs, pipelineVersions, runDatasets } = db.t;
  const run = first(await db.select().from(runs).where(eq(runs.id, input.runId)).limit(1));
  if (!run) throw new UserError(`Run ${input.runId} does not exist`);
  if (run.parentRunId) throw new UserError('A search trial is reproduced by reproducing the run of its search');
  const version = run.pipelineVersionId
    ? first(await db.select({ version: pipelineVersions.version }).from(pipelineVersions).where(eq(pipelineVersions.id, run.pipelineVersionId)).limit(1))?.version
    : undefined;
  if (version === undefined) throw new UserError(`The pipeline version run ${run.id.slice(0, 8)} used no longer exists, so it cannot be reproduced`);

  const read = await db.select().from(runDatasets).where(eq(runDatasets.runId, run.id));
  const pins = new Map<string, string>();
  for (const source of read) {
    const step = run.plan.steps.find((s) => s.id === source.stepId);
    if (step?.type !== datasetNode.type || typeof step.params.name !== 'string') continue;
    if (!(await hasArtifactFile(dataDir, source.sourceKey))) {
      throw new UserError(`Dataset "${step.params.name}" version ${source.sourceKey.slice(0, 12)}… that step "${step.id}" read has been deleted, so the run cannot be reproduced`);
    }
    pins.set(step.params.name, source.sourceKey);
  }
  const recorded = new Map(read.map((r) => [r.stepId, r.sourceKey]));
  return startRun(db, {
    pipelineId: run.pipelineId,
    version,
    upTo: run.targetStep ?? undefined,
    trigger: 'manual',
    userId: input.userId,
    browser: input.browser,
    serverSpeed: input.serverSpeed,
    reproduce: { runId: run.id, pins, useCache: !input.rerunAll, check: (plan) => sameSources(plan, recorded) },
  });
}

/** Every source reads what the run read: a bundled sample or generator that changed since cannot reproduce it. */
function sameSources(plan: Plan, recorded: ReadonlyMap<string, string>): void {
  for (const step of plan.steps) {
    const was = recorded.get(step.id);
    const now = step.fingerprint?.sourceKey;
    if (was !== undefined && now !== was) {
      throw new UserError(`Step "${step.id}" would read different source data than the run did (${(now ?? 'unknown').slice(0, 12)} instead of ${was.slice(0, 12)}), so it cannot be reproduced exactly`);
    }
  }
}
