// The API a browser tab uses to drive a run (engine/execute in its Web Worker): ask the shared
// cache, report events, have the server run the steps placed there, and resume an interrupted
// run. Every call names the run and the tab's token; a tab that lost the run is told to stop.
import { z } from 'zod';
import { toErrorInfo, UserError } from '../../../engine/errors';
import { audit } from '../../auth/audit';
import { getEnv } from '../../env';
import { assertSameBuild, BROWSER_RUNNER, browserRunFor, interruptRun, planStep } from '../../runners/browser-runs';
import { serverRegistry } from '../../pipelines/registry';
import { artifactRefsSchema, browserEventSchema, checkedOutput, checkedOutputs, MAX_EVENTS_PER_REPORT } from '../../runners/browser-report';
import { resumeRun } from '../../runners/resume-run';
import { notifyRunChanged } from '../../runners/run-events';
import { persistEvent } from '../../runners/persist-event';
import { lookupCachedStep, runUsesCache } from '../../runners/run-store';
import { consumerForRun, producersOf, refusal } from '../../trust/cache-scope';
import type { ArtifactRef, PlanStep } from '../../../engine/plan';
import { indexStepResults } from '../../runs/index-step';
import { getRunManager } from '../../runtime';
import type { AnyDb } from '../../db/any-db';
import { createTRPCRouter, permitted } from '../trpc';

/** `build`: the registry hash of the tab's own node code, checked against the plan's (assertSameBuild). */
const driven = z.object({ runId: z.string().uuid(), token: z.string().min(20).max(100), build: z.string().max(128).optional() });

/** The run this tab drives, refused (and failed, with the reason) when the tab's build is not the plan's. */
async function drivenRun(db: AnyDb, input: z.infer<typeof driven>) {
  const run = await browserRunFor(db, input.runId, input.token);
  if (!ENDED.has(run.status)) await assertSameBuild(db, run, input.build, serverRegistry().build?.registryHash);
  return run;
}
const ENDED = new Set(['succeeded', 'failed', 'cancelled']);

/** A step the tab says it took from the cache: the producer must be one the server's look-up would allow, with these outputs. */
async function assertReusable(db: AnyDb, runId: string, step: PlanStep, outputs: Record<string, ArtifactRef>, fromRunId: string | undefined): Promise<void> {
  const producer = step.cacheKey && fromRunId ? (await producersOf(db, step.cacheKey, runId)).find((p) => p.runId === fromRunId) : undefined;
  const same = producer && Object.keys(producer.outputs).length === Object.keys(outputs).length && Object.entries(outputs).every(([name, ref]) => producer.outputs[name]?.id === ref.id);
  if (!producer || !same) throw new UserError(`Step "${step.id}" was reported as cached, but run ${fromRunId ?? '(none named)'} holds no result with its key and these outputs`);
  const no = await refusal(db, await consumerForRun(db, runId), producer);
  if (no) throw new UserError(`Step "${step.id}" was reported as cached from run ${fromRunId}, which this run may not reuse: ${no.reason || 'not readable'}`);
}

/** A server-placed step's outputs are the ones runServerStep computed for this run, nothing else. */
function assertServerComputed(runId: string, stepId: string, outputs: Record<string, ArtifactRef>): void {
  const computed = getRunManager().takeServerResult(runId, stepId);
  const same = computed && Object.keys(computed).length === Object.keys(outputs).length && Object.entries(outputs).every(([name, ref]) => computed[name]?.id === ref.id);
  if (!same) throw new UserError(`Step "${stepId}" runs on the server, which did not compute these outputs for this run; ask the server to run it (runner.runServerStep)`);
}

export const runnerRouter = createTRPCRouter({
  /** The server's cache look-up for one step (the same one its own runner uses). */
  lookupCache: permitted('run.start')
    .input(driven.extend({ stepId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      const run = await drivenRun(ctx.anyDb, input);
      const step = planStep(run.plan, input.stepId);
      if (!(await runUsesCache(ctx.anyDb, input.runId))) return null;
      const found = await lookupCachedStep(ctx.anyDb, getEnv().PIPEWORKS_DATA_DIR, step, input.runId);
      return found.status === 'hit' ? { fromRunId: found.fromRunId, outputs: found.outputs } : null;
    }),

  /**
   * Events in the order the tab's execute produced them (an empty list is a heartbeat). `stop`
   * tells the tab the run was cancelled here, so it aborts instead of carrying on.
   */
  report: permitted('run.start')
    .input(driven.extend({ events: z.array(browserEventSchema).max(MAX_EVENTS_PER_REPORT) }))
    .mutation(async ({ ctx, input }) => {
      const run = await drivenRun(ctx.anyDb, input);
      if (ENDED.has(run.status)) return { stop: true };
      const dataDir = getEnv().PIPEWORKS_DATA_DIR;
      for (const event of input.events) {
        const step = 'stepId' in event ? planStep(run.plan, event.stepId) : undefined;
        let recorded = event;
        if (event.type === 'step_finished' && event.outputs && (event.status === 'succeeded' || event.status === 'cached')) {
          recorded = { ...event, outputs: await checkedOutputs(ctx.anyDb, dataDir, run.plan, event.stepId, event.outputs) };
          // Only what the server itself computed or would reuse is recorded as such (docs/security.md).
          if (event.status === 'cached') await assertReusable(ctx.anyDb, input.runId, step!, recorded.outputs!, event.cachedFromRunId);
          else if (step!.placement === 'server') assertServerComputed(input.runId, step!.id, recorded.outputs!);
          await indexStepResults(ctx.anyDb, dataDir, input.runId, step!, recorded.outputs!);
        }
        // A server-placed step's progress and logs were recorded as they happened; its start and end come from the tab.
        if (step?.placement === 'server' && (event.type === 'step_progress' || event.type === 'step_log')) continue;
        await persistEvent(ctx.anyDb, input.runId, recorded, step?.placement === 'server' ? getRunManager().runnerName : BROWSER_RUNNER);
        if (event.type === 'step_finished' && event.status === 'succeeded' && step!.placement !== 'server') getRunManager().verifier.enqueue(input.runId, step!);
      }
      notifyRunChanged(input.runId);
      return { stop: false };
    }),

  /** Runs a server-placed step of a browser-driven run (a mixed plan) and returns its outputs. */
  runServerStep: permitted('run.start')
    .input(driven.extend({ stepId: z.string().min(1).max(64), inputs: artifactRefsSchema }))
    .mutation(async ({ ctx, input, signal }) => {
      const run = await drivenRun(ctx.anyDb, input);
      const step = planStep(run.plan, input.stepId);
      if (step.placement !== 'server') throw new UserError(`Step "${step.id}" is placed in the browser, not on the server`);
      const dataDir = getEnv().PIPEWORKS_DATA_DIR;
      const inputs: Record<string, z.infer<typeof artifactRefsSchema>[string]> = {};
      for (const [port, source] of Object.entries(step.inputs)) {
        const ref = input.inputs[port];
        if (!ref) throw new UserError(`Step "${step.id}" needs its input "${port}"`);
        inputs[port] = await checkedOutput(ctx.anyDb, dataDir, run.plan, source.fromStep, source.output, ref);
      }
      try {
        return { ok: true as const, result: await getRunManager().runStepForBrowser(input.runId, step, inputs, signal ?? new AbortController().signal) };
      } catch (error) {
        // The node's own failure is the step's result, told to the tab as the server runner would record it.
        const info = toErrorInfo(error);
        if (info.code === 'internal') console.error(`[run ${input.runId}] step ${step.id}`, error);
        return { ok: false as const, code: info.code, message: info.message };
      }
    }),

  /**
   * The tab is alive (no build check: it stores nothing, and the page sends it without one): sent by the page itself, besides the worker's own reports, since a worker
   * compiling GPU shaders can be silent for many seconds. `stop`: the run was cancelled here.
   */
  heartbeat: permitted('run.start')
    .input(driven)
    .mutation(async ({ ctx, input }) => ({ stop: ENDED.has((await browserRunFor(ctx.anyDb, input.runId, input.token)).status) })),

  /** The tab is leaving (pagehide): mark the run interrupted now rather than after the heartbeat timeout. */
  leave: permitted('run.start')
    .input(driven)
    .mutation(async ({ ctx, input }) => {
      await browserRunFor(ctx.anyDb, input.runId, input.token);
      return { interrupted: await interruptRun(ctx.anyDb, input.runId, 'The browser tab running it was closed or reloaded. Resume it on the server or in a browser; finished steps are kept.') };
    }),

  /** Continues an interrupted run from its last finished step, on the server or in this browser. */
  resume: permitted('run.start')
    .input(z.object({ runId: z.string().uuid(), where: z.enum(['server', 'browser']) }))
    .mutation(async ({ ctx, input }) => {
      const resumed = await resumeRun(ctx.anyDb, input.runId, input.where);
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'run.start', targetType: 'run', targetId: input.runId, detail: { resumed: input.where } });
      return resumed;
    }),
});
