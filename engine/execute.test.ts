// What execute does with each step: inputs, outputs, cache hits, resumes and failures.
import { describe, expect, it } from 'vitest';
import { NodeRunError, UserError } from './errors';
import { execute } from './execute';
import { kit, planOf, ref } from './execute-test-kit';

describe('execute: success and inputs', () => {
  it('runs steps in order, passes upstream artifacts as inputs and reports each step', async () => {
    const { ctx, calls, trace, events } = kit();
    expect(await execute(planOf(['a', 'b<-a', 'c<-a,b']), ctx)).toBe('succeeded');
    expect(trace()).toEqual([
      'started a', 'succeeded a',
      'started b', 'succeeded b',
      'started c', 'succeeded c',
      'run succeeded',
    ]);
    expect(calls.find((c) => c.stepId === 'c')!.inputs).toEqual({ in0: ref('a'), in1: ref('b') });
    expect(events[1]).toEqual({
      type: 'step_finished', stepId: 'a', status: 'succeeded', startedAt: 1, finishedAt: 2, outputs: { table: ref('a') },
    });
  });

  it('reports peak memory and backend, and keeps only the declared outputs', async () => {
    const { ctx, events } = kit({
      a: async () => ({ outputs: { table: ref('a'), extra: ref('x') }, peakMemoryBytes: 1024, backend: 'wasm' }),
    });
    await execute(planOf(['a']), ctx);
    expect(events[1]).toMatchObject({ status: 'succeeded', peakMemoryBytes: 1024, backend: 'wasm' });
    expect(events[1].type === 'step_finished' && events[1].outputs).toEqual({ table: ref('a') });
  });

  it('fails a step that does not return a declared output, naming it', async () => {
    const { ctx, events, trace } = kit({ a: async () => ({ outputs: {} }) });
    expect(await execute(planOf(['a', 'b<-a']), ctx)).toBe('failed');
    expect(trace()).toEqual(['started a', 'failed a node_failed', 'cancelled b upstream_failed', 'run failed']);
    expect(events[1]).toMatchObject({ error: { code: 'node_failed', message: 'Step "a" finished without its output "table"' } });
  });

  it('succeeds at once on an empty plan', async () => {
    const { ctx, trace } = kit();
    expect(await execute(planOf([]), ctx)).toBe('succeeded');
    expect(trace()).toEqual(['run succeeded']);
  });
});

describe('execute: cache and resume', () => {
  it('reuses a cache hit without running the step, and does not look up steps without a key', async () => {
    const looked: string[] = [];
    const plan = planOf(['a', 'b<-a'], true);
    plan.steps[1].cacheKey = null;
    const { ctx, calls, events, trace } = kit({}, {
      lookupCache: async (step) => {
        looked.push(step.id);
        return { outputs: { table: ref('cached-a') }, fromRunId: 'run-7' };
      },
    });
    await execute(plan, ctx);
    expect(looked).toEqual(['a']);
    expect(calls.map((c) => c.stepId)).toEqual(['b']);
    expect(calls[0].inputs).toEqual({ in0: ref('cached-a') });
    expect(trace()).toEqual(['started a', 'cached a', 'started b', 'succeeded b', 'run succeeded']);
    expect(events[1]).toMatchObject({ cachedFromRunId: 'run-7', outputs: { table: ref('cached-a') } });
  });

  it('runs the step when a cache hit lacks a declared output', async () => {
    const { ctx, calls, trace } = kit({}, { lookupCache: async () => ({ outputs: {}, fromRunId: 'old' }) });
    await execute(planOf(['a'], true), ctx);
    expect(calls.map((c) => c.stepId)).toEqual(['a']);
    expect(trace()).toEqual(['started a', 'succeeded a', 'run succeeded']);
  });

  it('uses outputs of steps completed earlier silently', async () => {
    const completed = new Map([['a', { table: ref('earlier-a') }]]);
    const { ctx, calls, trace } = kit({}, { completed });
    expect(await execute(planOf(['a', 'b<-a']), ctx)).toBe('succeeded');
    expect(calls).toEqual([{ stepId: 'b', inputs: { in0: ref('earlier-a') } }]);
    expect(trace()).toEqual(['started b', 'succeeded b', 'run succeeded']);
  });

  it('fails a step whose completed upstream lacks the output it reads', async () => {
    const completed = new Map([['a', {}]]);
    const { ctx, calls, trace } = kit({}, { completed });
    expect(await execute(planOf(['a', 'b<-a']), ctx)).toBe('failed');
    expect(calls).toEqual([]);
    expect(trace()).toEqual(['failed b artifact_missing', 'run failed']);
  });
});

describe('execute: failures', () => {
  it('cancels what reads from a failed step, names it, and keeps independent branches running', async () => {
    const { ctx, events, trace } = kit({
      b: async () => {
        throw new NodeRunError('b', 'node_failed', 'Column "price" is not numeric');
      },
    });
    const plan = planOf(['a', 'b<-a', 'c<-b', 'd<-c', 'e<-a']);
    plan.steps[1].label = 'Clean prices';
    expect(await execute(plan, ctx)).toBe('failed');
    expect(trace()).toEqual([
      'started a', 'succeeded a',
      'started b', 'failed b node_failed',
      'cancelled c upstream_failed', 'cancelled d upstream_failed',
      'started e', 'succeeded e',
      'run failed',
    ]);
    const failed = events.find((e) => e.type === 'step_finished' && e.stepId === 'b');
    expect(failed).toMatchObject({ error: { message: 'Column "price" is not numeric' } });
    const skipped = events.find((e) => e.type === 'step_finished' && e.stepId === 'd');
    expect(skipped).toMatchObject({ error: { message: 'Not run because Step "Clean prices" failed' } });
  });

  it('passes user errors through and hides internal ones', async () => {
    const { ctx, events } = kit({
      a: async () => {
        throw new UserError('Row 3 has no label');
      },
      b: async () => {
        throw new TypeError('x is undefined at /srv/secret/path.ts:12');
      },
    });
    await execute(planOf(['a', 'b']), ctx);
    const errors = events.flatMap((e) => (e.type === 'step_finished' ? [e.error] : []));
    expect(errors).toEqual([
      { code: 'invalid_input', message: 'Row 3 has no label' },
      { code: 'internal', message: 'Internal error; see the server log' },
    ]);
  });

  it('treats a lookupCache error as a failure of that step', async () => {
    const { ctx, trace } = kit({}, {
      lookupCache: async () => {
        throw new Error('db locked');
      },
    });
    expect(await execute(planOf(['a'], true), ctx)).toBe('failed');
    expect(trace()).toEqual(['started a', 'failed a internal', 'run failed']);
  });

  it('marks a step that aborts on its own as cancelled and its readers as blocked', async () => {
    const { ctx, events, trace } = kit({
      a: async () => {
        throw Object.assign(new Error('stopped'), { name: 'AbortError' });
      },
    });
    expect(await execute(planOf(['a', 'b<-a']), ctx)).toBe('failed');
    expect(trace()).toEqual(['started a', 'cancelled a cancelled', 'cancelled b upstream_failed', 'run failed']);
    expect(events[2]).toMatchObject({ error: { message: 'Not run because Step "a" was cancelled' } });
  });

  it('fails steps that read from a step missing from the plan instead of hanging', async () => {
    const { ctx, trace } = kit();
    expect(await execute(planOf(['a', 'b<-ghost']), ctx)).toBe('failed');
    expect(trace()).toEqual(['started a', 'succeeded a', 'failed b internal', 'run failed']);
  });
});
