// One step of a run: cache lookup, then the runner, then a check that every declared output
// came back. It reports step_started and step_finished itself and never throws.
import { isAbortError, toErrorInfo, type ErrorInfo } from './errors';
import type { ExecuteContext, ExecuteEvent, StepHooks } from './execute-types';
import type { ArtifactRef, PlanStep } from './plan';
import { err, ok, type Result } from './result';

export type StepOutcome =
  | { status: 'succeeded' | 'cached'; outputs: Record<string, ArtifactRef> }
  | { status: 'failed' | 'cancelled'; error: ErrorInfo };

type Finished = Extract<ExecuteEvent, { type: 'step_finished' }>;
type FinishedDetails = Omit<Finished, 'type' | 'stepId' | 'status' | 'startedAt' | 'finishedAt'>;

export function stepName(step: PlanStep): string {
  return `Step "${step.label?.trim() || step.id}"`;
}

export async function executeStep(
  step: PlanStep,
  inputs: Record<string, ArtifactRef>,
  ctx: Pick<ExecuteContext, 'lookupCache' | 'runStep'>,
  emit: (event: ExecuteEvent) => Promise<void>,
  signal: AbortSignal,
  now: () => number,
): Promise<StepOutcome> {
  const startedAt = now();
  let open = true;
  const finish = async (outcome: StepOutcome, details: FinishedDetails = {}): Promise<StepOutcome> => {
    open = false;
    const error = 'error' in outcome ? { error: outcome.error } : {};
    const { status } = outcome;
    await emit({ type: 'step_finished', stepId: step.id, status, startedAt, finishedAt: now(), ...details, ...error });
    return outcome;
  };
  const cancelled = (): StepOutcome => ({ status: 'cancelled', error: { code: 'cancelled', message: 'Cancelled' } });
  try {
    await emit({ type: 'step_started', stepId: step.id, at: startedAt });
    if (signal.aborted) return await finish(cancelled());
    if (step.cacheKey) {
      const hit = await ctx.lookupCache(step);
      // A hit missing a declared output is treated as a miss: running again is the safe repair.
      const outputs = hit ? declaredOutputs(step, hit.outputs) : undefined;
      if (hit && outputs?.ok) {
        const details = { outputs: outputs.value, cachedFromRunId: hit.fromRunId };
        return await finish({ status: 'cached', outputs: outputs.value }, details);
      }
      if (signal.aborted) return await finish(cancelled());
    }
    // Events after step_finished would arrive out of place, so a step's late logs are dropped.
    const hooks: StepHooks = {
      signal,
      log: (level, message) => {
        if (open) void emit({ type: 'step_log', stepId: step.id, level, message, at: now() });
      },
      progress: (fraction, message, data) => {
        if (!open || Number.isNaN(fraction)) return;
        const clamped = Math.min(1, Math.max(0, fraction));
        const extra = { ...(message !== undefined && { message }), ...(data !== undefined && { data }) };
        void emit({ type: 'step_progress', stepId: step.id, fraction: clamped, ...extra });
      },
    };
    const result = await ctx.runStep(step, inputs, hooks);
    const outputs = declaredOutputs(step, result?.outputs);
    if (!outputs.ok) {
      const names = outputs.error.map((m) => `"${m}"`).join(', ');
      const message = `${stepName(step)} finished without its output${outputs.error.length > 1 ? 's' : ''} ${names}`;
      return await finish({ status: 'failed', error: { code: 'node_failed', message } });
    }
    const details: FinishedDetails = { outputs: outputs.value };
    if (result.peakMemoryBytes !== undefined) details.peakMemoryBytes = result.peakMemoryBytes;
    if (result.backend !== undefined) details.backend = result.backend;
    if (result.backendNote !== undefined) details.backendNote = result.backendNote;
    return await finish({ status: 'succeeded', outputs: outputs.value }, details);
  } catch (error) {
    // Once the run is cancelled, whatever a step throws is most likely the cancellation itself.
    if (isAbortError(error) || signal.aborted) return finish(cancelled());
    const info = toErrorInfo(error);
    return finish(info.code === 'cancelled' ? cancelled() : { status: 'failed', error: info });
  }
}

/** Exactly the outputs the plan declares, or the names of those that are missing. */
function declaredOutputs(
  step: PlanStep,
  given: Record<string, ArtifactRef> | undefined,
): Result<Record<string, ArtifactRef>, string[]> {
  const names = Object.keys(step.outputs);
  const missing = names.filter((name) => given?.[name] == null);
  if (missing.length > 0) return err(missing);
  return ok(Object.fromEntries(names.map((name) => [name, given![name]])));
}
