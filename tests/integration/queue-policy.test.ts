// Queue mode refuses a Redis that may evict keys, saying why (the worker's refusal is in
// queue-workers.test.ts). A private redis-server plays the misconfigured one, so the shared Redis
// is never changed.
import { afterAll, describe, expect, it } from 'vitest';
import { NodeRunError } from '../../engine/errors';
import type { PlanStep } from '../../engine/plan';
import { QueueStepRunner } from '../../server/queue/queue-runner';
import { newDataDir } from './helpers/server-process';
import { privateRedis, redisForTests } from './helpers/redis-available';

const available = await redisForTests();
const evicting = available ? await privateRedis(['--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru']) : null;
afterAll(() => evicting?.stop());

const step: PlanStep = { id: 'a', type: 'clean/filter-rows', version: 1, params: {}, inputs: {}, outputs: {}, placement: 'server', deterministic: true, cacheKey: null };

// Skipped only where Redis is unreachable: redisForTests() prints why; PIPEWORKS_REQUIRE_REDIS=1 (set by .ci/run) fails instead.
describe.skipIf(!available)('queue mode on an evicting Redis', () => {
  it('the server refuses to queue steps, naming the policy and the fix', async () => {
    expect(evicting, 'redis-server could not be started for this test').not.toBeNull();
    const runner = new QueueStepRunner(evicting!.url, newDataDir(), `policy-${process.pid}`);
    const hooks = { signal: new AbortController().signal, log: () => {}, progress: () => {} };
    const failure = await runner.run('r1', step, {}, hooks).catch((e: unknown) => e);
    await runner.close();
    expect(failure).toBeInstanceOf(NodeRunError);
    expect((failure as Error).message).toMatch(/maxmemory-policy allkeys-lru.*would evict queued steps.*noeviction/);
  });

  it('the server starts on the shared Redis, which is noeviction', async () => {
    const runner = new QueueStepRunner(process.env.PIPEWORKS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', newDataDir(), `policy-${process.pid}`);
    await expect(runner.ready).resolves.toBeUndefined();
    expect(await runner.depth()).toEqual({ waiting: 0, active: 0, delayed: 0 });
    await runner.close();
  });
});
