// Runs a plan: ready steps start in plan order, up to ctx.concurrency at a time. A failed step
// stops only what reads from it; cancelling the run stops everything. Step errors become
// events, never exceptions: execute throws only when an event could not be delivered.
import { childController, whenAborted } from './abort';
import type { ErrorInfo } from './errors';
import { createEventQueue } from './event-queue';
import { executeStep, stepName, type StepOutcome } from './execute-step';
import type { ExecuteContext, ExecuteEvent } from './execute-types';
import type { Plan, PlanStep, RunStatus } from './plan';
import { RunState } from './run-state';

const CANCELLED: ErrorInfo = { code: 'cancelled', message: 'Cancelled' };

export async function execute(plan: Plan, ctx: ExecuteContext): Promise<RunStatus> {
  const now = ctx.now ?? Date.now;
  // `stop` is the run's own signal: the caller's cancel, or a failed event delivery.
  const stop = childController(ctx.signal);
  const events = createEventQueue<ExecuteEvent>((e) => ctx.onEvent(e), () => stop.abort());
  const emit = (event: ExecuteEvent) => events.emit(event);
  const state = new RunState(plan, ctx.completed);
  const limit = Math.max(1, Math.floor(ctx.concurrency ?? 1));
  const running = new Map<string, Promise<void>>();
  const stopped = whenAborted(stop.signal);

  // Steps that never start still get one step_finished, so every step of the plan ends somewhere.
  const skip = (steps: PlanStep[], status: 'cancelled' | 'failed', error: (step: PlanStep) => ErrorInfo) => {
    const at = now();
    const finished = (s: PlanStep): ExecuteEvent => {
      return { type: 'step_finished', stepId: s.id, status, startedAt: at, finishedAt: at, error: error(s) };
    };
    return Promise.all(steps.map((s) => emit(finished(s))));
  };

  const settle = async (step: PlanStep, outcome: StepOutcome) => {
    if ('outputs' in outcome) return state.succeeded(step.id, outcome.outputs);
    const verb = outcome.status === 'failed' ? 'failed' : 'was cancelled';
    // After a run-wide cancel, what a step's end blocks is part of that cancel, not a failure.
    const blocked: ErrorInfo = ctx.signal.aborted
      ? CANCELLED
      : { code: 'upstream_failed', message: `Not run because ${stepName(step)} ${verb}` };
    await skip(state.takeDownstream(step.id), 'cancelled', () => blocked);
  };

  const run = async (step: PlanStep) => {
    const resolved = state.inputsFor(step);
    if ('missing' in resolved) {
      const message = `${stepName(step)} cannot read input "${resolved.missing}": its artifact is missing`;
      const error: ErrorInfo = { code: 'artifact_missing', message };
      await skip([step], 'failed', () => error);
      return settle(step, { status: 'failed', error });
    }
    const child = childController(stop.signal);
    try {
      await settle(step, await executeStep(step, resolved.inputs, ctx, emit, child.signal, now));
    } finally {
      child.dispose();
    }
  };

  for (;;) {
    if (stop.signal.aborted) {
      // After a delivery failure nothing more can be recorded, so there is no point in events.
      if (!events.failure()) await skip(state.takeAll(), 'cancelled', () => CANCELLED);
    } else {
      for (const step of state.takeReady(limit - running.size)) {
        running.set(step.id, run(step).finally(() => running.delete(step.id)));
      }
      if (running.size === 0 && state.waiting > 0) {
        // Only a malformed plan gets here: a step reads from a step that is not in it.
        const message = (s: PlanStep) => `${stepName(s)} reads from a step that is not in the plan`;
        await skip(state.takeAll(), 'failed', (s) => ({ code: 'internal', message: message(s) }));
      }
    }
    if (running.size === 0) break;
    await Promise.race(stop.signal.aborted ? running.values() : [...running.values(), stopped]);
  }

  // A cancel that comes after every step finished changes nothing: the run did succeed.
  const status: RunStatus = state.allSucceeded() ? 'succeeded' : ctx.signal.aborted ? 'cancelled' : 'failed';
  await emit({ type: 'run_finished', status, at: now() });
  stop.dispose();
  const failure = events.failure();
  if (failure) throw failure.error;
  return status;
}
