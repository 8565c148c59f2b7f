// TypeScript code nodes: the types are stripped inside the sandbox child (never in this process),
// lines keep their numbers (an error names the line the author wrote), a TypeScript syntax error
// is a clear syntax_error, and the TypeScript text itself is the step's code hash.
import { describe, expect, it } from 'vitest';
import { SandboxError } from '../../engine/code-sandbox';
import { codeSha256 } from '../../nodes/code/code-params';
import { codeTransformNode } from '../../nodes/code/transform.node.ts';
import { col, tableOf } from '../../nodes/clean/test-kit';
import { readColumn } from '../../nodes/table/read-column';
import { fakeContext } from '../../nodes/testing/fake-context';
import type { TableValue } from '../../nodes/values';
import { serverSandbox } from '../../server/sandbox/server-sandbox';

const TS = `(cols: Record<string, Float64Array>, schema: { name: string; type: string }[]): Record<string, Float64Array> => {
  interface Doubled { amount_x2: Float64Array }
  const out: Doubled = { amount_x2: cols.amount.map((v: number) => v * 2) };
  return { ...cols, ...out };
}`;

async function run(code: string, language: 'javascript' | 'typescript') {
  const input = tableOf(col('amount', 'numeric', [1, 2, null]));
  const params = codeTransformNode.params.parse({ code, language });
  const out = await codeTransformNode.run({ inputs: { table: input }, params, ctx: { ...fakeContext(), sandbox: serverSandbox() } });
  return out.table as TableValue;
}

describe('TypeScript in the server sandbox', () => {
  it('runs a typed transform, and the TypeScript text is the code hash', async () => {
    const out = await run(TS, 'typescript');
    expect(readColumn(out.table, 'amount_x2')).toEqual([2, 4, null]);
    const params = codeTransformNode.params.parse({ code: TS, language: 'typescript' });
    expect(codeTransformNode.codeHash!(params)).toBe(codeSha256(TS));
  });

  it('keeps line numbers: a throw on line 4 of the TypeScript is reported on line 4', async () => {
    const code = `(cols: Record<string, Float64Array>) => {
  type Unused = { a: number };
  const n: number = cols.amount.length;
  if (n > 0) throw new Error('stop here');
  return cols;
}`;
    const failed = await serverSandbox()
      .run({ code, language: 'typescript', args: [{ amount: new Float64Array([1]) }, []] })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SandboxError);
    expect((failed as SandboxError).failure).toBe('threw');
    expect((failed as SandboxError).message).toMatch(/stop here/);
    expect((failed as SandboxError).message).toMatch(/:4:\d+|line 4/);
  });

  it('says a TypeScript syntax error is one, and refuses types in JavaScript', async () => {
    await expect(run('(cols: ) => cols', 'typescript')).rejects.toThrow(/The code does not parse: TypeScript does not parse: Unexpected token/);
    await expect(run(TS, 'javascript')).rejects.toThrow(/The code does not parse/);
  });
});
