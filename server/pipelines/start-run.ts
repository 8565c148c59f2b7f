// Starting a run: pin the pipeline version, compile it, store the plan, hand it to a runner. A
// plan with steps placed in the browser is driven by the tab that asked (engine/execute in its
// Web Worker): the run is claimed for that tab, which gets a token to report with.
import type { Plan } from '../../engine/plan';
import type { BrowserOffer, PlacementEnv } from '../../engine/placement';
import type { BackendSpeed } from '../../engine/training-speed';
import type { AnyDb } from '../db/any-db';
import { newBrowserToken } from '../runners/browser-runs';
import { notifyRunChanged } from '../runners/run-events';
import { claimRun, insertRun, type RunTrigger } from '../runners/run-store';
import { getRunManager } from '../runtime';
import { serverTrainingSpeed } from '../training/server-speed';
import { compileStoredVersion } from './compile-doc';

export interface StartRunInput {
  pipelineId: string;
  version?: number;
  upTo?: string;
  trigger: RunTrigger;
  userId: string | null;
  /** What the browser asking offers; absent for the CLI, schedules and the API. */
  browser?: BrowserOffer;
  /** The server's measured training speed (server/training/server-speed.ts), compared with the browser's. */
  serverSpeed?: BackendSpeed;
  /** Reproducing a run: the dataset versions to read (name → hash) and the run reproduced. */
  reproduce?: { runId: string; pins: ReadonlyMap<string, string>; useCache: boolean; check: (plan: Plan) => void };
}

export type StartedRun = { runId: string; version: number; browser?: { token: string; plan: Plan } };

/**
 * Where no tab takes part, a queue worker's headless browser may (queue mode, `pipeworks worker
 * --browser`): placement compares its measured speed with the server's, so both are offered.
 */
async function placementEnv(input: StartRunInput): Promise<PlacementEnv> {
  if (input.browser) return { browser: input.browser, serverSpeed: input.serverSpeed };
  const workerBrowser = await getRunManager().workerBrowser();
  if (!workerBrowser) return { serverSpeed: input.serverSpeed };
  const serverSpeed = input.serverSpeed ?? (workerBrowser.speed ? await serverTrainingSpeed() : undefined);
  return { workerBrowser, serverSpeed };
}

export async function startRun(db: AnyDb, input: StartRunInput): Promise<StartedRun> {
  const { stored, plan } = await compileStoredVersion(db, input.pipelineId, input.version, input.upTo, await placementEnv(input), input.reproduce?.pins);
  input.reproduce?.check(plan);
  const runId = await insertRun(db, {
    pipelineId: input.pipelineId,
    pipelineVersionId: stored.id,
    plan,
    trigger: input.trigger,
    createdBy: input.userId,
    targetStep: input.upTo ?? null,
    reproducesRunId: input.reproduce?.runId ?? null,
    useCache: input.reproduce?.useCache ?? true,
  });
  if (input.browser && plan.steps.some((s) => s.placement === 'browser')) {
    const { token, owner } = newBrowserToken();
    if (!(await claimRun(db, runId, null, owner))) throw new Error(`Run ${runId} could not be claimed for the browser`);
    notifyRunChanged(runId);
    return { runId, version: stored.version, browser: { token, plan } };
  }
  void getRunManager().start(runId, plan);
  return { runId, version: stored.version };
}
