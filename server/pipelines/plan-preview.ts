// What a run would do before it starts: for each step of the plan, whether its result will be
// reused from the cache or it will run, and why. Uses the runner's own cache look-up, and the
// plans of this pipeline's earlier runs to say what changed.
import { desc, eq } from 'drizzle-orm';
import { explainCacheMiss, type CacheMissReason } from '../../engine/cache-key';
import type { Plan, PlanStep } from '../../engine/plan';
import type { AnyDb } from '../db/any-db';
import { lookupCachedStep } from '../runners/run-store';
import { consumerFor, type CacheConsumer } from '../trust/cache-scope';
import type { Placement } from '../../engine/node-definition';
import type { BrowserOffer, PlacementEstimate } from '../../engine/placement';
import type { BackendSpeed } from '../../engine/training-speed';
import { compileStoredVersion } from './compile-doc';
import { serverRegistry } from './registry';

export interface PreviewStep {
  stepId: string;
  label: string;
  type: string;
  decision: 'cached' | 'run';
  cachedFromRunId?: string;
  reasons: string[];
  placement: Placement;
  /** The placement rule that applied, in words. */
  placementReason: string;
  /** A TF.js training's expected time in this browser and on the server, where they could be worked out. */
  estimate?: PlacementEstimate;
  /** This browser has no measured training speed, and measuring it could change where this step runs. */
  measureBrowser?: true;
}

export interface PlanPreview {
  pipelineId: string;
  version: number;
  upTo: string | null;
  steps: PreviewStep[];
}

export interface PreviewInput {
  pipelineId: string;
  version?: number;
  upTo?: string;
  browser?: BrowserOffer;
  serverSpeed?: BackendSpeed;
}

/** Who asks: the cache look-up answers for this person in the pipeline's project. */
export interface PreviewAsker {
  userId: string | null;
}

/** How many earlier runs are searched for the last plan a step appeared in. */
const HISTORY_LIMIT = 50;

const WORDING: Partial<Record<CacheMissReason, string>> = {
  'not run before': 'never run',
};

export async function previewRun(db: AnyDb, dataDir: string, input: PreviewInput, asker: PreviewAsker = { userId: null }): Promise<PlanPreview> {
  const { stored, plan } = await compileStoredVersion(db, input.pipelineId, input.version, input.upTo, { browser: input.browser, serverSpeed: input.serverSpeed });
  return {
    pipelineId: input.pipelineId,
    version: stored.version,
    upTo: input.upTo ?? null,
    steps: await previewPlan(db, dataDir, plan, await consumerFor(db, asker.userId, input.pipelineId)),
  };
}

/** The decision for every step of a compiled plan, in plan order. */
export async function previewPlan(db: AnyDb, dataDir: string, plan: Plan, consumer: CacheConsumer | null = null): Promise<PreviewStep[]> {
  const history = await previousPlans(db, plan.pipelineId);
  const out: PreviewStep[] = [];
  for (const step of plan.steps) {
    // Named as the canvas names it: its label, else its node type's title, else its id.
    const base = {
      stepId: step.id,
      label: step.label ?? serverRegistry().get(step.type, step.version)?.title ?? step.id,
      type: step.type,
      placement: step.placement,
      placementReason: step.placementReason ?? (step.placement === 'server' ? 'Runs on the server' : 'Runs in the browser'),
      ...(step.placementEstimate ? { estimate: step.placementEstimate } : {}),
      ...(step.placementBrowserUnmeasured ? { measureBrowser: true as const } : {}),
    };
    const found = await lookupCachedStep(db, dataDir, step, undefined, consumer);
    if (found.status === 'hit') {
      out.push({ ...base, decision: 'cached', cachedFromRunId: found.fromRunId, reasons: [] });
      continue;
    }
    // A result with this very key exists but may not be reused here: that is the whole reason.
    const reasons = found.status === 'miss' && found.refused ? [found.refused] : reasonsToRun(step, history, found.status === 'gone');
    out.push({ ...base, decision: 'run', reasons });
  }
  return out;
}

function reasonsToRun(step: PlanStep, history: Plan[], outputsGone: boolean): string[] {
  if (!step.deterministic) return ['not cacheable (non-deterministic)'];
  if (outputsGone) return ['cached outputs were removed'];
  if (history.length === 0) return step.cacheKey === null ? explainCacheMiss(undefined, step) : ['never run'];
  const prev = history.map((p) => p.steps.find((s) => s.id === step.id)).find((s) => s !== undefined);
  const reasons = explainCacheMiss(prev, step).map((r) => WORDING[r] ?? r);
  // Same key as last time, yet nothing reusable: that run did not finish this step.
  return reasons.length > 0 ? reasons : ['previous run did not finish this step'];
}

/** Plans of this pipeline's earlier runs, newest first. */
async function previousPlans(db: AnyDb, pipelineId: string): Promise<Plan[]> {
  const { runs } = db.t;
  const rows = await db.select({ plan: runs.plan }).from(runs).where(eq(runs.pipelineId, pipelineId)).orderBy(desc(runs.createdAt)).limit(HISTORY_LIMIT);
  return rows.map((r) => r.plan);
}
