// Returned columns that are byte for byte the input column of the same name come back from the
// sandbox child as names only, and the server puts its own copy back (isolate-child.mjs,
// server-sandbox.ts). These cases check that what the code returned is what arrives, whether a
// column was kept, changed in place, renamed or swapped.
import { describe, expect, it } from 'vitest';
import { SandboxError } from '../../engine/code-sandbox';
import { serverSandbox, withUnchangedColumns } from '../../server/sandbox/server-sandbox';

const sandbox = serverSandbox();
const limits = { wallMs: 5000, cpuMs: 5000, memoryMb: 64, outputBytes: 16 * 1024 * 1024 };

async function run(code: string, cols: Record<string, Float64Array | string[]>) {
  const args = [cols, []];
  const result = await sandbox.run({ code, args: args as never, limits });
  return result.value as Record<string, unknown>;
}

const columns = () => ({ amount: new Float64Array([1, NaN, 3]), other: new Float64Array([7, 8, 9]), label: ['a', 'b', 'c'] });

describe('server sandbox: columns returned as they came in', () => {
  it('keeps an unchanged column, in its place among the returned keys', async () => {
    const cols = columns();
    const value = await run('(cols) => ({ first: cols.other.map((v) => v * 2), ...cols })', cols);
    expect(Object.keys(value)).toEqual(['first', 'amount', 'other', 'label']);
    expect(Array.from(value.first as Float64Array)).toEqual([14, 16, 18]);
    // Not sent back: this process's own input column is put in its place.
    expect(value.amount).toBe(cols.amount);
    expect(value.other).toBe(cols.other);
    expect(Array.from(value.amount as Float64Array)).toEqual([1, NaN, 3]);
    expect(Array.from(value.other as Float64Array)).toEqual([7, 8, 9]);
    expect(value.label).toEqual(['a', 'b', 'c']);
  });

  it('sends a column changed in place, even by one cell', async () => {
    const cols = columns();
    const value = await run('(cols) => { cols.amount[2] = 42; return cols; }', cols);
    expect(value.amount).not.toBe(cols.amount);
    expect(Array.from(value.amount as Float64Array)).toEqual([1, NaN, 42]);
    expect(Array.from(value.other as Float64Array)).toEqual([7, 8, 9]);
  });

  it('sends renamed and swapped columns by their new names', async () => {
    const value = await run('(cols) => ({ amount: cols.other, other: cols.amount, copy: cols.other })', columns());
    expect(Array.from(value.amount as Float64Array)).toEqual([7, 8, 9]);
    expect(Array.from(value.other as Float64Array)).toEqual([1, NaN, 3]);
    expect(Array.from(value.copy as Float64Array)).toEqual([7, 8, 9]);
  });

  it('refuses a reply naming a column that is not an unchanged input column', () => {
    const cols = { amount: new Float64Array([1]) };
    expect(() => withUnchangedColumns({ amount: null }, ['other'], cols)).toThrow(SandboxError);
    expect(() => withUnchangedColumns({ amount: new Float64Array([2]) }, ['amount'], cols)).toThrow(/not an input column/);
    expect(() => withUnchangedColumns({ label: null }, ['label'], { label: ['a'] } as never)).toThrow(/not an input column/);
    const value = withUnchangedColumns({ amount: null }, ['amount'], cols) as Record<string, unknown>;
    expect(value.amount).toBe(cols.amount);
  });
});
