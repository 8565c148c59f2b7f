// The code node's transform over 1,000,000 rows in the server sandbox (isolated-vm in a child
// process), end to end with the sandbox processes already started: the table's columns copied in,
// the code run, the result copied out, checked and built back into an Arrow table. Reference: the
// same function called directly in this process on the same columns (no sandbox, no copies).
// Run: npm run bench -- sandbox
import { loadavg } from 'node:os';
import { codeTransformNode } from '../nodes/code/transform.node.ts';
import { columnsForCode } from '../nodes/code/code-columns';
import { tableFromColumns } from '../nodes/table/table-from-columns';
import { fakeContext } from '../nodes/testing/fake-context';
import type { TableValue } from '../nodes/values';
import { serverSandbox } from '../server/sandbox/server-sandbox';

const ROWS = 1_000_000;
const BAR_MS = 300;
const CODE = '(cols) => ({ ...cols, amount_log: cols.amount.map(Math.log1p) })';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchSandbox(iterations = 7) {
  const amount = Float64Array.from({ length: ROWS }, (_, i) => (i % 1000) * 1.37);
  const info = { name: 'amount', type: 'numeric', role: 'feature' } as const;
  const input: TableValue = { kind: 'table', table: tableFromColumns([{ info, values: amount }]), columns: [info] };
  const sandbox = serverSandbox();
  await sandbox.warm();
  const ctx = { ...fakeContext(), sandbox };
  const params = codeTransformNode.params.parse({ code: CODE });
  const sandboxed = async () => {
    const out = await codeTransformNode.run({ inputs: { table: input }, params, ctx });
    if (out.table.kind !== 'table' || out.table.table.numRows !== ROWS) throw new Error('sandbox bench: wrong output');
  };
  // The reference: the very same source, unsandboxed, in this process.
  const direct = new Function(`return (${CODE})`)() as (cols: Record<string, unknown>) => Record<string, Float64Array>;
  const unsandboxed = () => {
    const out = direct(columnsForCode(input));
    if (out.amount_log.length !== ROWS) throw new Error('sandbox bench: wrong reference output');
  };
  await sandboxed(); // the first isolate and the JIT warm up
  unsandboxed();
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < iterations; i++) {
    let start = performance.now();
    await sandboxed();
    samples[0].push(performance.now() - start);
    // The child makes its next isolate right after answering (isolate-child.mjs); let it finish
    // before the reference is timed, or the two would share the cores and flatter the ratio.
    await new Promise((resolve) => setTimeout(resolve, 100));
    start = performance.now();
    unsandboxed();
    samples[1].push(performance.now() - start);
  }
  const [ms, referenceMs] = [median(samples[0]), median(samples[1])];
  return {
    name: `code/transform ${CODE} over ${ROWS.toLocaleString('en')} rows in the server sandbox, end to end (sandbox process started)`,
    figure: `${ms.toFixed(0)} ms median of ${iterations}, load average ${loadavg()[0].toFixed(1)}`,
    reference: `the same function unsandboxed in this process, ${referenceMs.toFixed(0)} ms`,
    ratio: ms / referenceMs,
    bar: `under ${BAR_MS} ms`,
    pass: ms < BAR_MS,
  };
}
