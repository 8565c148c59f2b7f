// Drives runs on this process: compiles nothing, just executes stored plans through the shared
// engine, persists every event, and resumes runs a crashed process left unfinished.
import os from 'node:os';
import { createEventQueue } from '../../engine/event-queue';
import { execute } from '../../engine/execute';
import type { ExecuteContext, ExecuteEvent, StepHooks, StepRunResult } from '../../engine/execute-types';
import type { ArtifactRef, Plan, PlanStep, RunStatus } from '../../engine/plan';
import { first, type AnyDb } from '../db/any-db';
import { applyDeployStep, DEPLOY_STEP_TYPE } from '../deployments/deploy-step';
import { indexStepResults } from '../runs/index-step';
import { recordArtifact } from '../store/artifacts';
import { sweepBrowserRuns } from './browser-runs';
import { notifyRunChanged } from './run-events';
import { persistEvent } from './persist-event';
import { claimRun, lookupCachedStep, prepareResume, runUsesCache, unfinishedRuns } from './run-store';
import { StepWorkerPool, type PoolOptions, type PoolStepResult } from './worker-pool';
import type { WorkerBrowserOffer } from '../../engine/placement';
import { QueueStepRunner } from '../queue/queue-runner';
import { queueWorkerRunner } from '../queue/step-job';
import { bestWorkerBrowser } from '../queue/worker-browser';
import { connectedWorkers } from '../queue/worker-registry';
import { and, eq } from 'drizzle-orm';
import { BrowserVerifier, type VerifyOptions } from '../trust/verify-queue';
import { settleBrowserResults } from '../trust/verify';

/** Used where no options are given (tests, the CLI): verify everything up to 64 MB, 10% above. */
export const DEFAULT_VERIFY: VerifyOptions = { enabled: true, fullBytes: 64 * 2 ** 20, sampleRate: 0.1, seed: '' };

export const RUNNER_NAME = 'server:worker-thread';
/**
 * Steps queued for `pipeworks worker` processes (queue mode): server-trusted, since workers hold a
 * token. A step's runner stays this only until a worker takes it (queueWorkerRunner).
 */
export const QUEUE_RUNNER_NAME = 'server:queue';

export class RunManager {
  private readonly active = new Map<string, Launch>();
  private readonly pool: StepWorkerPool;
  /** Set in queue mode (PIPEWORKS_REDIS_URL): server steps go to BullMQ instead of the pool. */
  private readonly queue: QueueStepRunner | undefined;
  readonly runnerName: string;
  readonly owner = `${os.hostname()}:${process.pid}`;

  private readonly sweeper: NodeJS.Timeout | undefined;

  /** Re-computes deterministic steps browsers ran (server/trust/verify-queue.ts). */
  readonly verifier: BrowserVerifier;
  /** Outputs of server-placed steps run for a browser-driven run, so its tab cannot report others. */
  private readonly forBrowser = new Map<string, Record<string, ArtifactRef>>();

  constructor(
    /** The database the run stores take, SQLite or Postgres (docs/architecture.md, issue 18). */
    private readonly anyDb: AnyDb,
    private readonly options: PoolOptions & { browserTimeoutMs?: number; verify?: VerifyOptions; redisUrl?: string; queuePrefix?: string },
  ) {
    this.pool = new StepWorkerPool(options);
    this.queue = options.redisUrl ? new QueueStepRunner(options.redisUrl, options.dataDir, options.queuePrefix ?? 'pipeworks', () => connectedWorkers(this.anyDb)) : undefined;
    this.runnerName = this.queue ? QUEUE_RUNNER_NAME : RUNNER_NAME;
    this.verifier = new BrowserVerifier(anyDb, options.verify ?? DEFAULT_VERIFY, (step, inputs) => this.recompute(step, inputs));
    const timeout = options.browserTimeoutMs;
    if (timeout) {
      // Browser-driven runs whose tab went quiet become 'interrupted' (resumable), never "running" forever.
      this.sweeper = setInterval(() => this.sweep(timeout), Math.min(5000, timeout / 2));
      this.sweeper.unref();
    }
  }

  private sweeping = false;

  /** One sweep at a time: a slow database must not pile sweeps up behind each other. */
  private sweep(timeoutMs: number): void {
    if (this.sweeping) return;
    this.sweeping = true;
    sweepBrowserRuns(this.anyDb, timeoutMs)
      .catch((error) => console.error('[runner] sweeping browser-driven runs failed', error))
      .finally(() => (this.sweeping = false));
  }

  isActive(runId: string): boolean {
    return this.active.has(runId);
  }

  /**
   * Executes a stored run in this process; the promise settles when the run ends.
   * `previousOwner` is the owner recorded on the run (null for a new run): the claim only
   * succeeds while it is unchanged, so a run never executes in two processes.
   */
  start(runId: string, plan: Plan, previousOwner: string | null = null): Promise<RunStatus> {
    return this.launch(runId, plan, previousOwner).done;
  }

  /** Claims the run and executes it; in `active` from the first moment, so a second start joins it. */
  private launch(runId: string, plan: Plan, previousOwner: string | null): Launch {
    const existing = this.active.get(runId);
    if (existing) return existing;
    const controller = new AbortController();
    const claimed = claimRun(this.anyDb, runId, previousOwner, this.owner);
    const done = claimed
      .then((ok) => {
        if (!ok) throw new Error(`Run ${runId} is already being executed by another process`);
        return this.execute(runId, plan, controller.signal);
      })
      .finally(() => this.active.delete(runId));
    const launch = { controller, claimed, done };
    this.active.set(runId, launch);
    return launch;
  }

  private async execute(runId: string, plan: Plan, signal: AbortSignal): Promise<RunStatus> {
    try {
      const completed = await prepareResume(this.anyDb, runId);
      const useCache = await runUsesCache(this.anyDb, runId);
      notifyRunChanged(runId);
      const ctx: ExecuteContext = {
        signal,
        concurrency: this.options.threads,
        completed,
        lookupCache: async (step) => {
          if (!useCache) return null;
          // A cache hit is only good while its bytes are still in the store.
          const found = await lookupCachedStep(this.anyDb, this.options.dataDir, step, runId);
          if (found.status !== 'hit') return null;
          await indexStepResults(this.anyDb, this.options.dataDir, runId, step, found.outputs);
          return { fromRunId: found.fromRunId, outputs: found.outputs };
        },
        runStep: (step, inputs, hooks) => this.runOnPool(runId, step, inputs, hooks),
        // execute delivers events one at a time, in order, awaiting each (engine/event-queue.ts).
        onEvent: async (event) => {
          await persistEvent(this.anyDb, runId, event, this.runnerName);
          if (event.type === 'step_finished' && event.status === 'succeeded' && event.outputs) await this.settle(runId, plan, event.stepId, event.outputs);
          notifyRunChanged(runId);
        },
      };
      return await execute(plan, ctx);
    } catch (error) {
      console.error(`[run ${runId}] could not be persisted`, error);
      return 'failed';
    }
  }

  /** Runs one step in the worker pool and records its output artifacts. */
  private async runOnPool(runId: string, step: PlanStep, inputs: Record<string, ArtifactRef>, hooks: StepHooks): Promise<StepRunResult> {
    const result = await this.execStep(runId, step, inputs, hooks);
    for (const ref of Object.values(result.outputs)) {
      await recordArtifact(this.anyDb, { id: ref.id, kind: ref.kind, mediaType: ref.mediaType, size: ref.size, meta: ref.meta ?? {}, runId });
    }
    const outputs = Object.fromEntries(Object.entries(result.outputs).map(([name, { mediaType: _m, ...ref }]) => [name, ref]));
    // A deploy step's node only checks its inputs; the deployment needs the database, so it is here.
    if (step.type === DEPLOY_STEP_TYPE) await applyDeployStep(this.anyDb, this.options.dataDir, runId, step, (message, level = 'info') => hooks.log(level, message));
    await indexStepResults(this.anyDb, this.options.dataDir, runId, step, outputs);
    return { outputs, peakMemoryBytes: result.peakMemoryBytes, backend: result.backend, backendNote: result.backendNote };
  }

  /** The one place a step is handed to what runs it: a worker thread here, or a queue worker. */
  private execStep(runId: string | null, step: PlanStep, inputs: Record<string, ArtifactRef>, hooks: StepHooks): Promise<PoolStepResult> {
    if (!this.queue) return this.pool.run(step, inputs, hooks);
    // Until a worker takes it the step's runner says it is queued (QUEUE_RUNNER_NAME); then, which worker.
    const taken = runId ? (workerId: string) => this.recordTaken(runId, step.id, workerId) : undefined;
    return this.queue.run(runId, step, inputs, hooks, taken);
  }

  private async recordTaken(runId: string, stepId: string, workerId: string): Promise<void> {
    const { stepRuns } = this.anyDb.t;
    await this.anyDb.update(stepRuns).set({ runner: queueWorkerRunner(workerId) }).where(and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, stepId)));
    notifyRunChanged(runId);
  }

  /**
   * In queue mode, the fastest connected worker's headless browser (`pipeworks worker --browser`),
   * offered to the placement of runs no tab drives; undefined otherwise.
   */
  async workerBrowser(): Promise<WorkerBrowserOffer | undefined> {
    if (!this.queue) return undefined;
    return bestWorkerBrowser(await connectedWorkers(this.anyDb));
  }

  /** Jobs waiting and running on the queue; null when steps run in this process's threads. */
  queueDepth(): Promise<{ waiting: number; active: number; delayed: number }> | null {
    return this.queue?.depth() ?? null;
  }

  /** A key the server computed itself settles every unverified browser result of that key. */
  private async settle(runId: string, plan: Plan, stepId: string, outputs: Record<string, ArtifactRef>): Promise<void> {
    const cacheKey = plan.steps.find((s) => s.id === stepId)?.cacheKey;
    if (!cacheKey || !this.verifyOptions.enabled) return;
    const { runs } = this.anyDb.t;
    const userId = first(await this.anyDb.select({ createdBy: runs.createdBy }).from(runs).where(eq(runs.id, runId)).limit(1))?.createdBy ?? null;
    await settleBrowserResults(this.anyDb, cacheKey, outputs, { runId, userId });
  }

  private get verifyOptions(): VerifyOptions {
    return this.options.verify ?? DEFAULT_VERIFY;
  }

  /** A step no run owns (a challenger scored against its champion): outputs stored like any other. */
  computeDetached(step: PlanStep, inputs: Record<string, ArtifactRef>): Promise<Record<string, ArtifactRef>> {
    return this.recompute(step, inputs);
  }

  /** Runs a step for verification only: no run records it; its outputs are stored like any other. */
  private async recompute(step: PlanStep, inputs: Record<string, ArtifactRef>): Promise<Record<string, ArtifactRef>> {
    const hooks: StepHooks = { signal: new AbortController().signal, log: () => {}, progress: () => {} };
    const result = await this.execStep(null, step, inputs, hooks);
    for (const ref of Object.values(result.outputs)) {
      await recordArtifact(this.anyDb, { id: ref.id, kind: ref.kind, mediaType: ref.mediaType, size: ref.size, meta: ref.meta ?? {} });
    }
    return Object.fromEntries(Object.entries(result.outputs).map(([name, { mediaType: _m, ...ref }]) => [name, ref]));
  }

  /** What runStepForBrowser computed for this step of this run, if it ran in this process. */
  takeServerResult(runId: string, stepId: string): Record<string, ArtifactRef> | undefined {
    return this.forBrowser.get(`${runId}:${stepId}`);
  }

  /**
   * A server-placed step of a run a browser drives (a mixed plan). The tab reports the step's start
   * and end; its logs and progress are recorded here as they happen.
   */
  async runStepForBrowser(runId: string, step: PlanStep, inputs: Record<string, ArtifactRef>, signal: AbortSignal): Promise<StepRunResult> {
    // The step's logs and progress, written one at a time in the order they happen.
    const events = createEventQueue<ExecuteEvent>(async (event) => {
      await persistEvent(this.anyDb, runId, event, this.runnerName);
      notifyRunChanged(runId);
    });
    const record = (event: ExecuteEvent) => void events.emit(event);
    const hooks: StepHooks = {
      signal,
      log: (level, message) => record({ type: 'step_log', stepId: step.id, level, message, at: Date.now() }),
      progress: (fraction, message, data) => {
        if (Number.isNaN(fraction)) return;
        const clamped = Math.min(1, Math.max(0, fraction));
        record({ type: 'step_progress', stepId: step.id, fraction: clamped, ...(message !== undefined && { message }), ...(data !== undefined && { data }) });
      },
    };
    const result = await this.runOnPool(runId, step, inputs, hooks);
    // Its logs are stored before the tab hears of its end (and reports it).
    await events.drain();
    const failed = events.failure();
    if (failed) throw failed.error;
    this.forBrowser.set(`${runId}:${step.id}`, result.outputs);
    // A tab reports a step within moments; the oldest entries go first once many pile up.
    if (this.forBrowser.size > 10_000) this.forBrowser.delete(this.forBrowser.keys().next().value!);
    return result;
  }

  /** Resolves when the run stops executing in this process (at once if it is not executing here). */
  async whenDone(runId: string): Promise<void> {
    await this.active.get(runId)?.done;
  }

  cancel(runId: string): boolean {
    const entry = this.active.get(runId);
    if (!entry) return false;
    entry.controller.abort();
    return true;
  }

  /** Picks up runs whose owning process is gone (crash, kill -9, power loss); the ids this process took. */
  async resumeInterrupted(): Promise<string[]> {
    const resumed: string[] = [];
    for (const run of await unfinishedRuns(this.anyDb)) {
      if (this.active.has(run.id) || ownerAlive(run.owner, this.owner)) continue;
      const launch = this.launch(run.id, run.plan as Plan, run.owner);
      launch.done.catch((error) => console.warn(`[runner] not resuming: ${(error as Error).message}`));
      if (await launch.claimed.catch(() => false)) resumed.push(run.id);
    }
    return resumed;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.verifier.idle();
    for (const { controller } of this.active.values()) controller.abort();
    await Promise.allSettled([...this.active.values()].map((a) => a.done));
    await this.pool.close();
    await this.queue?.close();
  }
}

/** A run this process is claiming or executing. */
interface Launch {
  controller: AbortController;
  /** Whether this process got the run (false: another process holds it). */
  claimed: Promise<boolean>;
  done: Promise<RunStatus>;
}

function ownerAlive(owner: string | null, self: string): boolean {
  if (!owner || owner === self) return false;
  const [host, pidText] = [owner.slice(0, owner.lastIndexOf(':')), owner.slice(owner.lastIndexOf(':') + 1)];
  if (host !== os.hostname()) return true; // another machine's runner: leave it alone
  try {
    process.kill(Number(pidText), 0);
    return true;
  } catch {
    return false;
  }
}
