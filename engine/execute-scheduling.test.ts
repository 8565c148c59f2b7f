// How execute schedules: concurrency, event order, hooks, cancellation, lost events.
import { describe, expect, it } from 'vitest';
import { execute } from './execute';
import { deferred, kit, planOf, ref, untilAborted } from './execute-test-kit';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('execute: concurrency', () => {
  async function maxInFlight(concurrency: number | undefined): Promise<{ max: number; order: string[] }> {
    let inFlight = 0;
    let max = 0;
    const order: string[] = [];
    const slow = async (id: string) => {
      order.push(id);
      max = Math.max(max, ++inFlight);
      await tick();
      inFlight--;
      return { outputs: { table: ref(id) } };
    };
    const ids = ['a', 'b', 'c', 'd'];
    const { ctx } = kit(Object.fromEntries(ids.map((id) => [id, () => slow(id)])), { concurrency });
    await execute(planOf(['d', 'b', 'a', 'c']), ctx);
    return { max, order };
  }

  it('runs one step at a time by default, picking ready steps in plan order', async () => {
    expect(await maxInFlight(undefined)).toEqual({ max: 1, order: ['d', 'b', 'a', 'c'] });
  });

  it('runs up to `concurrency` steps at once', async () => {
    expect((await maxInFlight(2)).max).toBe(2);
    expect((await maxInFlight(10)).max).toBe(4);
  });

  it('delivers events one at a time and in order, even when steps run concurrently', async () => {
    let delivering = 0;
    const seen: string[] = [];
    const { ctx } = kit({}, {
      concurrency: 3,
      onEvent: async (e) => {
        expect(++delivering).toBe(1);
        await tick();
        seen.push(e.type === 'run_finished' ? 'run' : `${e.type} ${e.stepId}`);
        delivering--;
      },
    });
    ctx.runStep = async (step, _inputs, hooks) => {
      hooks.log('info', 'one');
      hooks.progress(0.5);
      await tick();
      return { outputs: { table: ref(step.id) } };
    };
    await execute(planOf(['a', 'b', 'c', 'd<-a,b,c']), ctx);
    for (const id of ['a', 'b', 'c', 'd']) {
      const mine = seen.filter((s) => s.endsWith(` ${id}`));
      expect(mine).toEqual([`step_started ${id}`, `step_log ${id}`, `step_progress ${id}`, `step_finished ${id}`]);
    }
    expect(seen.indexOf('step_started d')).toBeGreaterThan(seen.indexOf('step_finished c'));
    expect(seen.at(-1)).toBe('run');
  });
});

describe('execute: hooks', () => {
  it('forwards logs and progress, clamps progress, and drops what comes after the step ended', async () => {
    let late: (() => void) | undefined;
    const { ctx, events, trace } = kit({
      a: async (hooks) => {
        hooks.log('warn', 'falling back to wasm');
        hooks.progress(1.7, 'epoch 3', { loss: 0.2 });
        hooks.progress(NaN);
        late = () => hooks.log('info', 'too late');
        return { outputs: { table: ref('a') } };
      },
    });
    await execute(planOf(['a']), ctx);
    late!();
    await tick();
    expect(trace()).toEqual(['started a', 'log a falling back to wasm', 'progress a 1', 'succeeded a', 'run succeeded']);
    expect(events[2]).toEqual({ type: 'step_progress', stepId: 'a', fraction: 1, message: 'epoch 3', data: { loss: 0.2 } });
    expect(events[1]).toMatchObject({ level: 'warn' });
  });
});

describe('execute: cancel', () => {
  it('aborts running steps, starts nothing new, cancels the rest and ends cancelled', async () => {
    const started = deferred();
    let stepSignal: AbortSignal | undefined;
    const { ctx, calls, controller, trace } = kit({
      b: (hooks, inputs) => {
        stepSignal = hooks.signal;
        started.resolve();
        return untilAborted(hooks, inputs);
      },
    });
    const run = execute(planOf(['a', 'b<-a', 'c<-b', 'd']), ctx);
    await started.promise;
    controller.abort();
    expect(await run).toBe('cancelled');
    expect(stepSignal?.aborted).toBe(true);
    expect(calls.map((c) => c.stepId)).toEqual(['a', 'b']);
    expect(trace()).toEqual([
      'started a', 'succeeded a',
      'started b',
      'cancelled c cancelled', 'cancelled d cancelled',
      'cancelled b cancelled',
      'run cancelled',
    ]);
  });

  it('treats whatever a step throws after the cancel as the cancel', async () => {
    const started = deferred();
    const { ctx, controller, trace } = kit({
      a: (hooks) =>
        new Promise((_, reject) => {
          started.resolve();
          hooks.signal.addEventListener('abort', () => reject(new Error('socket closed')));
        }),
    });
    const run = execute(planOf(['a']), ctx);
    await started.promise;
    controller.abort();
    expect(await run).toBe('cancelled');
    expect(trace()).toEqual(['started a', 'cancelled a cancelled', 'run cancelled']);
  });

  it('starts nothing when cancelled before it begins', async () => {
    const { ctx, calls, controller, trace } = kit();
    controller.abort();
    expect(await execute(planOf(['a', 'b<-a']), ctx)).toBe('cancelled');
    expect(calls).toEqual([]);
    expect(trace()).toEqual(['cancelled a cancelled', 'cancelled b cancelled', 'run cancelled']);
  });
});

describe('execute: event delivery failures', () => {
  it('throws the delivery error, aborts running steps and starts no more', async () => {
    let signal: AbortSignal | undefined;
    const { ctx, calls } = kit({}, { concurrency: 2 });
    ctx.onEvent = (e) => {
      if (e.type === 'step_finished' && e.stepId === 'a') throw new Error('database is locked');
    };
    ctx.runStep = async (step, _inputs, hooks) => {
      calls.push({ stepId: step.id, inputs: {} });
      if (step.id === 'b') {
        signal = hooks.signal;
        return untilAborted(hooks, {});
      }
      return { outputs: { table: ref(step.id) } };
    };
    await expect(execute(planOf(['a', 'b', 'c<-a']), ctx)).rejects.toThrow('database is locked');
    expect(signal?.aborted).toBe(true);
    expect(calls.map((c) => c.stepId)).toEqual(['a', 'b']);
  });
});
