// "Fork as code node" is equivalent to the node it forks: for each forkable clean step and a
// spread of params, on a hand-made table with every column type and missing cells, and on a
// larger seeded one, the fork's code run by code/transform in the real server sandbox gives the
// same table (columns, types, roles, every cell) as the built-in node; where the node refuses its
// input, the fork fails too.
import { describe, expect, it } from 'vitest';
import type { NodeDefinition } from '../../engine/node-definition';
import { forkCode, forkRefusal } from '../../nodes/code/fork/fork-as-code';
import { codeTransformNode } from '../../nodes/code/transform.node.ts';
import { col, tableOf } from '../../nodes/clean/test-kit';
import { createRegistry } from '../../nodes/registry';
import { readColumn } from '../../nodes/table/read-column';
import type { CellValue } from '../../nodes/table/table-from-columns';
import { fakeContext } from '../../nodes/testing/fake-context';
import type { TableValue } from '../../nodes/values';
import { serverSandbox } from '../../server/sandbox/server-sandbox';

const registry = createRegistry();

const small = (): TableValue =>
  tableOf(
    col('id', 'text', ['a', 'b', 'b', 'c', null, 'e', 'e', 'f'], 'id'),
    col('amount', 'numeric', [1.5, null, null, 300, -2, 1e6, 1e6, 0]),
    col('colour', 'categorical', ['red', 'blue', 'blue', 'red', null, 'green', 'green', 'red']),
    col('flag', 'boolean', [true, false, false, null, true, true, true, false]),
    col('when', 'datetime', [0, 86_400_000, 86_400_000, 172_800_000, 1.7e12, 1.7e12, 1.7e12, -86_400_000], 'time'),
    col('numtext', 'text', ['1', '2.5', '2.5', 'x', 'NA', ' 3 ', ' 3 ', null]),
    col('booltext', 'text', ['yes', 'no', 'no', 'TRUE', '0', 'maybe', 'maybe', null]),
    col('datetext', 'text', ['2024-01-01', '2024-02-30', '2024-02-30', '2024-03-01T10:00:00+0100', '2024-03-01 10:00', 'nope', 'nope', ''], 'ignore'),
    col('label', 'categorical', ['x', 'y', 'y', 'x', 'x', 'y', 'y', 'x'], 'target'),
  );

/** 400 rows from a fixed-seed generator: repeats, missing cells, negative and huge numbers. */
function seeded(): TableValue {
  let s = 17;
  const next = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const n = 400;
  const pick = <T,>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const rows = Array.from({ length: n }, () => ({
    x: next() < 0.1 ? null : Math.round((next() - 0.3) * 1000) / 10,
    y: next() < 0.05 ? null : pick([-1e9, 0, 1, 2, 3, 1e9]),
    c: next() < 0.1 ? null : pick(['a', 'b', 'c', 'ab']),
    b: next() < 0.1 ? null : next() < 0.5,
    t: Math.floor(next() * 5) * 86_400_000,
  }));
  return tableOf(
    col('x', 'numeric', rows.map((r) => r.x)),
    col('y', 'numeric', rows.map((r) => r.y)),
    col('c', 'categorical', rows.map((r) => r.c)),
    col('b', 'boolean', rows.map((r) => r.b)),
    col('t', 'datetime', rows.map((r) => r.t), 'time'),
  );
}

type Outcome = { ok: true; table: TableValue } | { ok: false; message: string };

async function builtIn(def: NodeDefinition, input: TableValue, params: unknown): Promise<Outcome> {
  try {
    const out = await def.run({ inputs: { table: input }, params, ctx: fakeContext() });
    return { ok: true, table: out.table as TableValue };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

async function forked(def: NodeDefinition, input: TableValue, params: unknown): Promise<Outcome & { code: string }> {
  const code = forkCode(def.type, params, input.columns);
  const outputColumns = def.outputColumns ? def.outputColumns(params, { table: input.columns }, {}).table! : input.columns;
  const forkParams = codeTransformNode.params.parse({ code, outputColumns });
  try {
    const out = await codeTransformNode.run({ inputs: { table: input }, params: forkParams, ctx: { ...fakeContext(), sandbox: serverSandbox() } });
    return { ok: true, table: out.table as TableValue, code };
  } catch (error) {
    return { ok: false, message: (error as Error).message, code };
  }
}

const cells = (t: TableValue) => Object.fromEntries(t.columns.map((c) => [c.name, readColumn(t.table, c.name) as CellValue[]]));

async function expectEquivalent(type: string, raw: Record<string, unknown>, input: TableValue, fails = false) {
  const def = registry.get(type, 1)!;
  expect(forkRefusal(def)).toBeNull();
  const params = def.params.parse(raw);
  const [a, b] = [await builtIn(def, input, params), await forked(def, input, params)];
  if (fails) {
    expect(a.ok, 'the node refuses this input').toBe(false);
    expect(b.ok, `the fork refuses it too:\n${b.code}`).toBe(false);
    return;
  }
  if (!a.ok) throw new Error(`the node failed: ${a.message}`);
  if (!b.ok) throw new Error(`the fork failed: ${b.message}\n${b.code}`);
  expect(b.table.columns, b.code).toEqual(a.table.columns);
  expect(b.table.table.numRows).toBe(a.table.table.numRows);
  expect(cells(b.table), b.code).toEqual(cells(a.table));
}

const tables = { small, seeded };

describe('a fork computes what its node computes (real sandbox)', () => {
  it.each([
    ['clean/select-columns', { mode: 'keep', columns: ['label', 'amount', 'id'] }, 'small'],
    ['clean/select-columns', { mode: 'drop', columns: ['colour', 'when'] }, 'small'],
    ['clean/rename-columns', { renames: [{ from: 'amount', to: 'amt' }, { from: 'id', to: 'colour' }, { from: 'colour', to: 'id' }] }, 'small'],
    ['clean/cast-columns', { casts: [{ column: 'numtext', type: 'numeric' }, { column: 'booltext', type: 'boolean' }], maxInvalidFraction: 0.5 }, 'small'],
    ['clean/cast-columns', { casts: [{ column: 'datetext', type: 'datetime' }, { column: 'amount', type: 'text' }, { column: 'when', type: 'text' }], maxInvalidFraction: 0.6 }, 'small'],
    ['clean/cast-columns', { casts: [{ column: 'flag', type: 'numeric' }, { column: 'amount', type: 'boolean' }, { column: 'colour', type: 'text' }, { column: 'when', type: 'numeric' }], maxInvalidFraction: 1 }, 'small'],
    ['clean/cast-columns', { casts: [{ column: 'x', type: 'datetime' }, { column: 'b', type: 'text' }, { column: 't', type: 'categorical' }, { column: 'y', type: 'text' }] }, 'seeded'],
    ['clean/filter-rows', { conditions: [{ column: 'amount', op: 'gt', value: 0 }] }, 'small'],
    ['clean/filter-rows', { match: 'any', conditions: [{ column: 'colour', op: 'eq', value: 'red' }, { column: 'flag', op: 'is_missing' }] }, 'small'],
    ['clean/filter-rows', { conditions: [{ column: 'when', op: 'ge', value: '1970-01-02' }, { column: 'id', op: 'not_in', values: ['b', 'x'] }] }, 'small'],
    ['clean/filter-rows', { conditions: [{ column: 'colour', op: 'contains', value: 'e' }, { column: 'numtext', op: 'starts_with', value: '2' }] }, 'small'],
    ['clean/filter-rows', { conditions: [{ column: 'flag', op: 'ne', value: 'yes' }, { column: 'amount', op: 'not_missing' }] }, 'small'],
    ['clean/filter-rows', { conditions: [] }, 'small'],
    ['clean/filter-rows', { conditions: [{ column: 'x', op: 'between', min: -10, max: 20.5 }, { column: 'c', op: 'in', values: ['a', 'ab'] }] }, 'seeded'],
    ['clean/filter-rows', { match: 'any', conditions: [{ column: 't', op: 'lt', value: '1970-01-03T00:00:00Z' }, { column: 'y', op: 'le', value: 1 }, { column: 'b', op: 'eq', value: true }] }, 'seeded'],
    ['clean/deduplicate', {}, 'small'],
    ['clean/deduplicate', { columns: ['colour'], keep: 'last' }, 'small'],
    ['clean/deduplicate', { columns: ['c', 'b'] }, 'seeded'],
    ['clean/deduplicate', { columns: ['y', 't'], keep: 'last' }, 'seeded'],
    ['clean/missing-values', {}, 'small'],
    ['clean/missing-values', { strategy: 'leave', columns: [{ column: 'amount', strategy: 'fill_constant', value: -1 }, { column: 'colour', strategy: 'drop_rows' }] }, 'small'],
    ['clean/missing-values', { strategy: 'fill_constant', value: 0, columns: [{ column: 'id', strategy: 'fill_constant', value: 'none' }] }, 'small'],
    ['clean/missing-values', { strategy: 'fill_constant', value: 'true', columns: [{ column: 'x', strategy: 'drop_rows' }, { column: 'c', strategy: 'fill_constant', value: 'z' }, { column: 'y', strategy: 'leave' }] }, 'seeded'],
    ['clean/clip-outliers', {}, 'small'],
    ['clean/clip-outliers', { columns: ['amount'], method: 'fixed', min: 0, max: 100 }, 'small'],
    ['clean/clip-outliers', { columns: ['amount'], method: 'fixed', max: 5 }, 'small'],
    ['clean/clip-outliers', { lower: 0.1, upper: 0.85 }, 'seeded'],
    ['clean/clip-outliers', { columns: ['y'], lower: 0.05, upper: 0.95 }, 'seeded'],
  ] as const)('%s %j on the %s table', async (type, raw, table) => {
    await expectEquivalent(type, raw, tables[table]());
  });

  it('fails where the node fails: too many values that do not convert, a fill value that does not fit', async () => {
    await expectEquivalent('clean/cast-columns', { casts: [{ column: 'numtext', type: 'numeric' }] }, small(), true);
    await expectEquivalent('clean/missing-values', { strategy: 'fill_constant', value: 'abc' }, small(), true);
    await expectEquivalent('clean/missing-values', { strategy: 'fill_constant' }, small(), true);
  });

  it('offers every clean step but set-roles and validate, and says why not for the rest', () => {
    const offered = registry.list().filter((d) => forkRefusal(d) === null).map((d) => d.type);
    expect(offered.sort()).toEqual(['clean/cast-columns', 'clean/clip-outliers', 'clean/deduplicate', 'clean/filter-rows', 'clean/missing-values', 'clean/rename-columns', 'clean/select-columns']);
    expect(forkRefusal(registry.get('clean/validate')!)).toMatch(/report/);
    expect(forkRefusal(registry.get('train/logistic-regression')!)).toMatch(/not a table/);
    expect(forkRefusal(registry.get('code/transform')!)).toMatch(/code node already/);
  });
});
