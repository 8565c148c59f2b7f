import { describe, expect, it } from 'vitest';
import { isAbortError } from '../../engine/errors';
import { tableFromColumns } from '../table/table-from-columns';
import type { TableValue } from '../values';
import { fakeContext } from './fake-context';
import { sleepNode } from './sleep.node';

const input: TableValue = {
  kind: 'table',
  table: tableFromColumns([{ info: { name: 'x', type: 'numeric', role: 'feature' }, values: [1, 2] }]),
  columns: [{ name: 'x', type: 'numeric', role: 'feature' }],
};

describe('testing/sleep', () => {
  it('waits about the given time, reports progress and passes the table through', async () => {
    const ctx = fakeContext();
    const start = Date.now();
    const outputs = await sleepNode.run({ inputs: { table: input }, params: { ms: 160, spin: false }, ctx });
    expect(Date.now() - start).toBeGreaterThanOrEqual(150);
    expect(outputs.table).toBe(input);
    expect(ctx.progressed.length).toBeGreaterThanOrEqual(3);
    expect(ctx.progressed.at(-1)?.fraction).toBe(1);
  });

  it('stops promptly when cancelled, with an abort error', async () => {
    const controller = new AbortController();
    const start = Date.now();
    const running = sleepNode.run({ inputs: { table: input }, params: { ms: 60_000, spin: false }, ctx: fakeContext({ signal: controller.signal }) });
    setTimeout(() => controller.abort(), 30);
    const error = await running.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAbortError(error)).toBe(true);
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it('can keep a core busy instead of idling, and still stops when cancelled', async () => {
    const controller = new AbortController();
    const ctx = fakeContext({ signal: controller.signal });
    const running = sleepNode.run({ inputs: { table: input }, params: { ms: 60_000, spin: true }, ctx });
    setTimeout(() => controller.abort(), 120);
    const error = await running.then(() => null, (e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(ctx.progressed.length).toBeGreaterThanOrEqual(1);
  });

  it('declares the memory it is told to, so queue routing by memory can be tested', () => {
    expect(sleepNode.memoryNeed?.(sleepNode.params.parse({ memoryMb: 1536 }), undefined)).toBe(1536 * 2 ** 20);
    expect(sleepNode.memoryNeed?.(sleepNode.params.parse({}), 10 ** 12)).toBeUndefined();
  });

  it('defaults to one second and caps at ten minutes', () => {
    expect(sleepNode.params.parse({})).toEqual({ ms: 1000, spin: false });
    expect(sleepNode.params.safeParse({ ms: 600_001 }).success).toBe(false);
  });
});
