// A scriptable ExecuteContext for execute tests: records every event and every runStep call,
// and lets a test decide per step what the runner does.
import type { ExecuteContext, ExecuteEvent, StepHooks, StepRunResult } from './execute-types';
import type { ArtifactRef, Plan, PlanStep } from './plan';

/** A plan from "id<-from" specs: each step has one table output, and one input per source. */
export function planOf(specs: string[], cacheable = false): Plan {
  const steps = specs.map((spec): PlanStep => {
    const [id, from = ''] = spec.split('<-');
    const sources = from ? from.split(',') : [];
    return {
      id,
      type: 'test/transform',
      version: 1,
      params: {},
      inputs: Object.fromEntries(sources.map((s, i) => [`in${i}`, { fromStep: s, output: 'table' }])),
      outputs: { table: 'table' },
      placement: 'server',
      deterministic: true,
      cacheKey: cacheable ? `key-${id}` : null,
    };
  });
  return { pipelineId: 'p', docHash: 'h', steps, warnings: [] };
}

export const ref = (id: string): ArtifactRef => ({ id: `art-${id}`, kind: 'table', size: 1 });

export type Behaviour = (hooks: StepHooks, inputs: Record<string, ArtifactRef>) => Promise<StepRunResult>;

export function kit(behaviours: Record<string, Behaviour> = {}, extra: Partial<ExecuteContext> = {}) {
  const events: ExecuteEvent[] = [];
  const calls: Array<{ stepId: string; inputs: Record<string, ArtifactRef> }> = [];
  const controller = new AbortController();
  let clock = 0;
  const ctx: ExecuteContext = {
    signal: controller.signal,
    lookupCache: async () => null,
    runStep: async (step, inputs, hooks) => {
      calls.push({ stepId: step.id, inputs });
      const behaviour = behaviours[step.id];
      return behaviour ? behaviour(hooks, inputs) : { outputs: { table: ref(step.id) } };
    },
    onEvent: (e) => {
      events.push(e);
    },
    now: () => ++clock,
    ...extra,
  };
  /** Events as short strings ("started a", "cancelled c upstream_failed"), for readable asserts. */
  const trace = () =>
    events.map((e) => {
      switch (e.type) {
        case 'step_finished':
          return [e.status, e.stepId, e.error?.code].filter(Boolean).join(' ');
        case 'run_finished':
          return `run ${e.status}`;
        case 'step_started':
          return `started ${e.stepId}`;
        case 'step_log':
          return `log ${e.stepId} ${e.message}`;
        case 'step_progress':
          return `progress ${e.stepId} ${e.fraction}`;
      }
    });
  return { ctx, events, calls, controller, trace };
}

export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A behaviour that waits until the step's signal aborts, then throws an AbortError. */
export const untilAborted: Behaviour = (hooks) =>
  new Promise((_, reject) => {
    const fail = () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    if (hooks.signal.aborted) fail();
    else hooks.signal.addEventListener('abort', fail, { once: true });
  });
