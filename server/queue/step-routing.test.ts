import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../../engine/plan';
import { BASE_QUEUES, canServe, memoryTierGiB, parseQueueName, queueName, queuesServedBy, stepNeeds, whyWaiting } from './step-routing';

const GIB = 2 ** 30;
const step = (over: Partial<PlanStep>): PlanStep => ({ id: 's', type: 'clean/filter-rows', version: 1, params: {}, inputs: {}, outputs: {}, placement: 'server', deterministic: true, cacheKey: null, ...over });

describe('queue routing', () => {
  it('sends a step only to queues of workers that have what it needs', () => {
    expect(stepNeeds(step({}))).toEqual({ capabilities: [] });
    expect(stepNeeds(step({ type: 'code/transform', codeParams: ['code'] }))).toEqual({ capabilities: ['sandbox'] });
    expect(queueName({ capabilities: ['test-nodes', 'sandbox'] })).toBe('steps+sandbox+test-nodes');
    expect(queuesServedBy([])).toEqual(['steps']);
    expect(queuesServedBy(['test-nodes'])).toEqual(['steps', 'steps+test-nodes']);
    expect(queuesServedBy(['sandbox']).includes(queueName(stepNeeds(step({ type: 'testing/sleep' }))))).toBe(false);
    expect(BASE_QUEUES).toHaveLength(4);
  });

  it('routes memory by power-of-two tiers above 1 GiB, to workers with at least the tier', () => {
    expect(memoryTierGiB(undefined)).toBeUndefined();
    expect(memoryTierGiB(GIB)).toBeUndefined();
    expect(memoryTierGiB(GIB + 1)).toBe(2);
    expect(memoryTierGiB(3 * GIB)).toBe(4);
    expect(memoryTierGiB(4 * GIB)).toBe(4);
    const big = stepNeeds(step({ type: 'testing/sleep', memoryBytes: 3 * GIB }));
    expect(queueName(big)).toBe('steps+test-nodes+mem4g');
    expect(canServe({ capabilities: ['test-nodes'], memoryBytes: 4 * GIB }, 'steps+test-nodes+mem4g')).toBe(true);
    expect(canServe({ capabilities: ['test-nodes'], memoryBytes: 3.5 * GIB }, 'steps+test-nodes+mem4g')).toBe(false);
    expect(canServe({ capabilities: [], memoryBytes: 64 * GIB }, 'steps+test-nodes+mem4g')).toBe(false);
    expect(canServe({ capabilities: ['sandbox'], memoryBytes: 0 }, 'steps+sandbox')).toBe(true);
  });

  it("sends browser-placed steps to a queue made on first need, served only by workers with a browser", () => {
    const needs = stepNeeds(step({ type: 'train/mlp', placement: 'browser' }));
    expect(needs).toEqual({ capabilities: ['browser'] });
    expect(queueName(needs)).toBe('steps+browser');
    expect(BASE_QUEUES.includes('steps+browser')).toBe(false);
    expect(queuesServedBy(['sandbox', 'browser'])).toEqual(['steps', 'steps+sandbox']);
    expect(canServe({ capabilities: ['sandbox', 'browser'], memoryBytes: 0 }, 'steps+browser')).toBe(true);
    expect(canServe({ capabilities: ['sandbox'], memoryBytes: 0 }, 'steps+browser')).toBe(false);
    expect(parseQueueName('steps+test-nodes+browser+mem4g')).toEqual({ capabilities: ['test-nodes', 'browser'], memoryBytes: 4 * GIB });
    expect(whyWaiting(needs, [{ capabilities: { sandbox: true } }])).toBe('Waiting for a queue worker with a headless browser (`pipeworks worker --browser`): the one connected worker lacks a headless browser (`pipeworks worker --browser`)');
  });

  it('reads back only names it makes', () => {
    expect(parseQueueName('steps+sandbox+mem16g')).toEqual({ capabilities: ['sandbox'], memoryBytes: 16 * GIB });
    expect(parseQueueName('steps')).toEqual({ capabilities: [] });
    for (const bad of ['jobs', 'steps+gpu', 'steps+test-nodes+sandbox', 'steps+mem3g', 'steps+mem1g', 'steps+mem4g+sandbox']) expect(parseQueueName(bad), bad).toBeNull();
  });

  it('says why a step waits when no connected worker can take it, and nothing when one can', () => {
    const needs = { capabilities: ['test-nodes' as const], memoryBytes: 3 * GIB };
    expect(whyWaiting(needs, [])).toMatch(/^Waiting for a queue worker: none is connected/);
    expect(whyWaiting(needs, [{ capabilities: { 'test-nodes': true, memoryBytes: 2 * GIB } }])).toBe(
      'Waiting for a queue worker with the test-only nodes (PIPEWORKS_TEST_NODES=1) and 4 GiB of memory: the one connected worker lacks 4 GiB of memory; it is expected to need 3.0 GiB, and the largest worker has 2.0 GiB',
    );
    expect(whyWaiting(needs, [{ capabilities: { sandbox: true, memoryBytes: 8 * GIB } }, { capabilities: { 'test-nodes': true, memoryBytes: GIB } }])).toMatch(
      /^Waiting for a queue worker with the test-only nodes \(PIPEWORKS_TEST_NODES=1\) and 4 GiB of memory: none of the 2 connected workers has all of it;/,
    );
    expect(whyWaiting(needs, [{ capabilities: { 'test-nodes': true, memoryBytes: 4 * GIB } }])).toBeNull();
    expect(whyWaiting({ capabilities: [] }, [{ capabilities: {} }])).toBeNull();
  });
});
