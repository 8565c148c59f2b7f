// Test-only: passes its table through after waiting, so crash/restart and cancel tests have a step
// that is really in flight. Registered only with createRegistry({ testNodes: true }).
import { z } from 'zod';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';

const SLICE_MS = 50;

export const sleepNode = defineNode({
  type: 'testing/sleep',
  version: 1,
  title: 'Sleep (test only)',
  category: 'testing',
  description: 'Waits, then passes its input table through unchanged. For testing cancellation and restarts.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params: z.object({
    ms: z.number().int().min(0).max(600_000).default(1000).describe('How long to wait, in milliseconds'),
    spin: z.boolean().default(false).describe('Keep a CPU core busy instead of idling, like training does'),
    memoryMb: z.number().int().min(1).max(1 << 24).optional().describe('Memory to declare as needed, in MiB, so queue routing by memory can be tested'),
  }),
  memoryNeed: ({ memoryMb }) => (memoryMb === undefined ? undefined : memoryMb * 2 ** 20),
  runsOn: ['browser', 'server'],
  deterministic: true,
  async run({ inputs, params, ctx }) {
    const table = tableInput(inputs, 'table');
    const start = Date.now();
    for (let waited = 0; waited < params.ms; waited = Date.now() - start) {
      ctx.signal.throwIfAborted();
      if (params.spin) await spinFor(Math.min(SLICE_MS, params.ms - waited));
      else await pause(Math.min(SLICE_MS, params.ms - waited), ctx.signal);
      ctx.progress(Math.min(1, (Date.now() - start) / params.ms), `Slept ${Date.now() - start} of ${params.ms} ms`);
    }
    ctx.signal.throwIfAborted();
    return { table };
  },
});

/** Burns CPU for `ms`, then yields once so cancellation messages can arrive. */
async function spinFor(ms: number): Promise<void> {
  const until = Date.now() + ms;
  let x = 0;
  while (Date.now() < until) x += Math.sqrt(x + 1);
  await new Promise((resolve) => setTimeout(resolve, 0, x));
}

/** Resolves after `ms`, or rejects with the abort reason as soon as the signal fires. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
