import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../../engine/plan';
import { ALL_QUEUES, queueName, queuesServedBy, stepJobId, stepRequirements } from './step-job';

const step = (over: Partial<PlanStep>): PlanStep => ({ id: 's', type: 'clean/filter-rows', version: 1, params: {}, inputs: {}, outputs: {}, placement: 'server', deterministic: true, cacheKey: null, ...over });

describe('queue routing', () => {
  it('sends a step only to queues of workers that have what it needs', () => {
    expect(stepRequirements(step({}))).toEqual([]);
    expect(stepRequirements(step({ type: 'code/transform', codeParams: ['code'] }))).toEqual(['sandbox']);
    expect(queueName(['test-nodes', 'sandbox'])).toBe('steps+sandbox+test-nodes');
    expect(queuesServedBy([])).toEqual(['steps']);
    expect(queuesServedBy(['test-nodes'])).toEqual(['steps', 'steps+test-nodes']);
    expect(queuesServedBy(['sandbox']).includes(queueName(stepRequirements(step({ type: 'testing/sleep' }))))).toBe(false);
    expect(ALL_QUEUES).toHaveLength(4);
  });

  it('builds job ids BullMQ accepts', () => {
    expect(stepJobId('r:1', 'a', 'n')).toBe('r_1|a|n');
  });
});
