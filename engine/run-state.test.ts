import { describe, expect, it } from 'vitest';
import { planOf, ref } from './execute-test-kit';
import { RunState } from './run-state';

const ids = (steps: { id: string }[]) => steps.map((s) => s.id);

describe('RunState', () => {
  it('hands out ready steps in plan order, at most `max` at a time', () => {
    const state = new RunState(planOf(['c', 'a', 'b<-a', 'd']));
    expect(ids(state.takeReady(2))).toEqual(['c', 'a']);
    expect(ids(state.takeReady(5))).toEqual(['d']);
    state.succeeded('a', { table: ref('a') });
    expect(ids(state.takeReady(5))).toEqual(['b']);
    expect(state.waiting).toBe(0);
  });

  it('counts completed steps as done and does not hand them out', () => {
    const state = new RunState(planOf(['a', 'b<-a']), new Map([['a', { table: ref('a') }]]));
    const ready = state.takeReady(5);
    expect(ids(ready)).toEqual(['b']);
    expect(state.inputsFor(ready[0])).toEqual({ inputs: { in0: ref('a') } });
  });

  it('takes every waiting step downstream of a step, through any depth, and nothing else', () => {
    const state = new RunState(planOf(['a', 'b<-a', 'c<-b', 'd<-a,x', 'x', 'y<-x']));
    state.takeReady(1); // a is running
    expect(ids(state.takeDownstream('a'))).toEqual(['b', 'c', 'd']);
    expect(ids(state.takeAll())).toEqual(['x', 'y']);
  });

  it('names the input whose artifact is missing', () => {
    const state = new RunState(planOf(['a', 'b<-a']), new Map([['a', {}]]));
    expect(state.inputsFor(planOf(['a', 'b<-a']).steps[1])).toEqual({ missing: 'in0' });
  });

  it('knows when every step succeeded', () => {
    const state = new RunState(planOf(['a']));
    expect(state.allSucceeded()).toBe(false);
    state.succeeded('a', { table: ref('a') });
    expect(state.allSucceeded()).toBe(true);
  });
});
