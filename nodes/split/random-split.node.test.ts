import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { encodeValue } from '../codec';
import { tableFromColumns } from '../table/table-from-columns';
import { readColumn } from '../table/read-column';
import { fakeContext } from '../testing/fake-context';
import type { ColumnData } from '../table/table-from-columns';
import type { PortValue, TableValue } from '../values';
import { inferredAndRun } from '../testing/output-columns-kit';
import { randomSplitNode } from './random-split.node';

const n = 200;
const columns: ColumnData[] = [
  { info: { name: 'id', type: 'numeric', role: 'id' }, values: Array.from({ length: n }, (_, i) => i) },
  {
    info: { name: 'label', type: 'categorical', role: 'target' },
    values: Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 'yes' : 'no')),
  },
];
const input: TableValue = { kind: 'table', table: tableFromColumns(columns), columns: columns.map((c) => c.info) };

async function run(raw: Record<string, unknown>) {
  const ctx = fakeContext();
  const outputs = await randomSplitNode.run({ inputs: { table: input }, params: randomSplitNode.params.parse(raw), ctx });
  const ids = (value: PortValue) => (value.kind === 'table' ? readColumn(value.table, 'id') : []);
  return { outputs, ctx, train: ids(outputs.train), validation: ids(outputs.validation), test: ids(outputs.test) };
}

describe('split/random params', () => {
  it('defaults to 75/0/25 with seed 0', () => {
    expect(randomSplitNode.params.parse({})).toEqual({ train: 0.75, validation: 0, test: 0.25, seed: 0 });
  });

  it('reports fractions that do not add up to 1 on the train field', () => {
    const result = randomSplitNode.params.safeParse({ train: 0.5, test: 0.25 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['train']);
    expect(result.error?.issues[0].message).toMatch(/add up to 1/);
  });

  it('accepts fractions that add up to 1 up to float noise', () => {
    expect(randomSplitNode.params.safeParse({ train: 0.7, validation: 0.2, test: 0.1 }).success).toBe(true);
  });

  it('refuses out-of-range fractions and seeds', () => {
    expect(randomSplitNode.params.safeParse({ train: 0, test: 1 }).success).toBe(false);
    expect(randomSplitNode.params.safeParse({ seed: 1.5 }).success).toBe(false);
  });
});

describe('split/random run', () => {
  it('cuts the table into disjoint sides that keep schema and row order', async () => {
    const { outputs, train, validation, test } = await run({ train: 0.6, validation: 0.2, test: 0.2, seed: 4 });
    expect([train.length, validation.length, test.length]).toEqual([120, 40, 40]);
    expect(new Set([...train, ...validation, ...test]).size).toBe(n);
    expect(train).toEqual([...train].sort((a, b) => Number(a) - Number(b)));
    expect(outputs.test.kind === 'table' && outputs.test.columns).toEqual(input.columns);
  });

  it('gives the same split for the same seed and another for another seed', async () => {
    expect((await run({ seed: 9 })).test).toEqual((await run({ seed: 9 })).test);
    expect((await run({ seed: 9 })).test).not.toEqual((await run({ seed: 10 })).test);
  });

  it('stratifies by a column and logs each side\'s class balance', async () => {
    const { outputs, ctx } = await run({ stratifyBy: 'label', seed: 2 });
    const labels = outputs.test.kind === 'table' ? readColumn(outputs.test.table, 'label') : [];
    // 50 test rows, a quarter yes: quotas 12.5 and 37.5 tie on remainder, and "no" sorts first.
    expect(labels.filter((l) => l === 'yes')).toHaveLength(12);
    expect(ctx.logs.map((l) => l.message)).toContain('test "label": no 38 (76.0%), yes 12 (24.0%)');
  });

  it('treats an empty stratify column as a plain split', async () => {
    expect((await run({ stratifyBy: '', seed: 3 })).test).toEqual((await run({ seed: 3 })).test);
  });

  it('names an unknown stratify column in a UserError', async () => {
    const failure = run({ stratifyBy: 'colour' });
    await expect(failure).rejects.toBeInstanceOf(UserError);
    await expect(failure).rejects.toMatchObject({ details: { field: 'stratifyBy', column: 'colour' } });
  });
});

describe('split/random with groupBy', () => {
  // 200 rows of 40 customers (5 rows each, interleaved); the label alternates within a customer.
  const grouped: ColumnData[] = [
    ...columns,
    { info: { name: 'customer', type: 'categorical', role: 'id' }, values: Array.from({ length: n }, (_, i) => `c${i % 40}`) },
  ];
  const groupedInput: TableValue = { kind: 'table', table: tableFromColumns(grouped), columns: grouped.map((c) => c.info) };
  const runGrouped = async (raw: Record<string, unknown>) => {
    const ctx = fakeContext();
    const outputs = await randomSplitNode.run({ inputs: { table: groupedInput }, params: randomSplitNode.params.parse(raw), ctx });
    return { outputs, ctx };
  };
  const customers = (value: PortValue) => new Set(value.kind === 'table' ? readColumn(value.table, 'customer') : []);

  it('adds no param by default, so existing plans keep their params and cache keys', () => {
    expect('groupBy' in randomSplitNode.params.parse({})).toBe(false);
    expect(randomSplitNode.params.parse({ seed: 9 })).toStrictEqual({ train: 0.75, validation: 0, test: 0.25, seed: 9 });
  });

  it('keeps the split of existing params as it was (pinned)', async () => {
    expect((await run({ seed: 9 })).test.slice(0, 8)).toEqual([5, 6, 7, 9, 12, 13, 16, 25]);
  });

  it('puts each group wholly on one side, with fractions counting groups', async () => {
    const { outputs, ctx } = await runGrouped({ groupBy: 'customer', train: 0.6, validation: 0.2, test: 0.2, seed: 1 });
    const [train, validation, test] = [customers(outputs.train), customers(outputs.validation), customers(outputs.test)];
    expect([train.size, validation.size, test.size]).toEqual([24, 8, 8]);
    expect([...test].filter((c) => train.has(c) || validation.has(c))).toEqual([]);
    expect(ctx.logs[0].message).toBe('Split 200 rows by group "customer": train 120 (24 groups), validation 40 (8 groups), test 40 (8 groups)');
    expect(ctx.logs.map((l) => l.message)).toContainEqual(expect.stringMatching(/^test "label": no \d+ \(\d+\.\d%\), yes/));
  });

  it('gives the same bytes for the same seed and another split for another seed', async () => {
    const a = await runGrouped({ groupBy: 'customer', seed: 7 });
    const b = await runGrouped({ groupBy: 'customer', seed: 7 });
    for (const side of ['train', 'validation', 'test']) {
      expect(encodeValue(b.outputs[side]).bytes).toEqual(encodeValue(a.outputs[side]).bytes);
    }
    const c = await runGrouped({ groupBy: 'customer', seed: 8 });
    expect(customers(c.outputs.test)).not.toEqual(customers(a.outputs.test));
  });

  it('refuses a group column together with a stratify column, and an unknown group column', async () => {
    expect(randomSplitNode.params.safeParse({ groupBy: 'customer', stratifyBy: 'label' }).error?.issues[0].path).toEqual(['groupBy']);
    await expect(runGrouped({ groupBy: 'client' })).rejects.toMatchObject({ details: { field: 'groupBy', column: 'client' } });
  });

  it('fails when there are too few groups to leave any for training', async () => {
    const two: ColumnData[] = [{ info: { name: 'g', type: 'categorical', role: 'feature' }, values: ['a', 'a', 'b'] }];
    const table: TableValue = { kind: 'table', table: tableFromColumns(two), columns: two.map((c) => c.info) };
    const params = randomSplitNode.params.parse({ groupBy: 'g', train: 0.5, test: 0.5 });
    await expect(randomSplitNode.run({ inputs: { table }, params, ctx: fakeContext() })).resolves.toBeDefined();
    const none = randomSplitNode.params.parse({ groupBy: 'g', train: 0.2, validation: 0.4, test: 0.4 });
    await expect(randomSplitNode.run({ inputs: { table }, params: none, ctx: fakeContext() })).rejects.toThrow(
      'With 2 groups these fractions leave no rows for training',
    );
  });
});

describe('split/random columns before running', () => {
  it('match a run: every side has the input\'s columns', async () => {
    const { inferred, ran } = await inferredAndRun(randomSplitNode, { validation: 0.25, test: 0.25, train: 0.5 }, { table: input });
    expect(inferred).toEqual(ran);
    expect(inferred.validation).toEqual(input.columns);
  });
});
