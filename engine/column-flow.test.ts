import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inferColumns, nodeOutputColumns } from './column-flow';
import type { ColumnShape, ColumnsEnv } from './columns';
import type { NodeDefinition } from './node-definition';
import { testDoc } from './test-doc';
import { createTestRegistry, TEST_NODE_DEFINITIONS } from './test-registry';

const IRIS: ColumnShape[] = [
  { name: 'petal', type: 'numeric', role: 'feature' },
  { name: 'species', type: 'categorical', role: 'target' },
];
const env: ColumnsEnv = { datasetColumns: (name) => (name === 'iris' ? IRIS : undefined) };

const base = { category: 'test', description: 'test', runsOn: ['server'], deterministic: true, run: async () => ({}) } as const;
const source = TEST_NODE_DEFINITIONS.find((d) => d.type === 'test/source')!;
const DEFS: NodeDefinition[] = [
  ...TEST_NODE_DEFINITIONS.filter((d) => d !== source),
  // The source knows its columns through the env, as ingest/dataset does.
  { ...source, outputColumns: (p: { dataset: string }, _inputs, e) => ({ table: e.datasetColumns?.(p.dataset) ?? null }) },
  {
    ...base,
    type: 'test/upper',
    version: 1,
    title: 'Upper-cases column names',
    inputs: [{ name: 'table', kind: 'table' }],
    outputs: [
      { name: 'table', kind: 'table' },
      { name: 'report', kind: 'report' },
    ],
    params: z.object({ fail: z.boolean().default(false) }),
    outputColumns: (p: { fail: boolean }, inputs) => {
      if (p.fail) throw new Error('schema code broke');
      // A report output given columns by mistake still comes out null.
      const upper = inputs.table?.map((c) => ({ ...c, name: c.name.toUpperCase() })) ?? null;
      return { table: upper, report: upper };
    },
  },
];
const registry = createTestRegistry(DEFS);

describe('inferColumns', () => {
  it('flows a source schema through default copies, declared schemas and into a report', () => {
    const doc = testDoc(
      [
        { id: 'load', type: 'test/source', params: { dataset: 'iris' } },
        { id: 'scale', type: 'test/transform' },
        { id: 'upper', type: 'test/upper' },
        { id: 'report', type: 'test/report' },
      ],
      ['load.table>scale.table', 'scale.table>upper.table', 'upper.table>report.table'],
    );
    const columns = inferColumns(doc, registry, env);
    expect(columns.load).toEqual({ inputs: {}, outputs: { table: IRIS } });
    expect(columns.scale).toEqual({ inputs: { table: IRIS }, outputs: { table: IRIS } });
    expect(columns.upper.outputs).toEqual({
      table: [
        { name: 'PETAL', type: 'numeric', role: 'feature' },
        { name: 'SPECIES', type: 'categorical', role: 'target' },
      ],
      report: null,
    });
    expect(columns.report).toEqual({ inputs: { table: columns.upper.outputs.table }, outputs: { report: null } });
  });

  it("reads nothing from Object.prototype when an edge's handle is '__proto__' (found by fuzzing)", () => {
    const doc = testDoc([{ id: 'load', type: 'test/source', params: { dataset: 'iris' } }, { id: 'scale', type: 'test/transform' }], ['load.__proto__>scale.table']);
    expect(inferColumns(doc, registry, env).scale).toEqual({ inputs: { table: null }, outputs: { table: null } });
  });

  it('copies the first table input by default, and leaves unconnected inputs null', () => {
    const doc = testDoc(
      [
        { id: 'load', type: 'test/source', params: { dataset: 'iris' } },
        { id: 'left', type: 'test/join' },
        { id: 'right', type: 'test/join' },
      ],
      ['load.table>left.left', 'load.table>right.right'],
    );
    const columns = inferColumns(doc, registry, env);
    expect(columns.left).toEqual({ inputs: { left: IRIS, right: null }, outputs: { table: IRIS } });
    // Its first table input is unconnected, so the copy is unknown even though "right" is known.
    expect(columns.right).toEqual({ inputs: { left: null, right: IRIS }, outputs: { table: null } });
  });

  it('gives null where the env does not know the source, or a node has invalid params', () => {
    const doc = testDoc(
      [
        { id: 'unknown', type: 'test/source', params: { dataset: 'nope' } },
        { id: 'invalid', type: 'test/source', params: { dataset: '' } },
        { id: 'scale', type: 'test/transform', params: { factor: -1 } },
      ],
      ['unknown.table>scale.table'],
    );
    const columns = inferColumns(doc, registry, env);
    expect(columns.unknown.outputs.table).toBeNull();
    expect(columns.invalid.outputs.table).toBeNull();
    expect(columns.scale).toEqual({ inputs: { table: null }, outputs: { table: null } });
    expect(inferColumns(doc, registry).invalid.outputs.table).toBeNull();
  });

  it('never throws on broken documents: unknown types, loops, dangling and doubled edges, throwing nodes', () => {
    const doc = testDoc(
      [
        { id: 'load', type: 'test/source', params: { dataset: 'iris' } },
        { id: 'mystery', type: 'test/nope' },
        { id: 'a', type: 'test/join' },
        { id: 'b', type: 'test/transform' },
        { id: 'broken', type: 'test/upper', params: { fail: true } },
        { id: 'old', type: 'test/transform', version: 9 },
      ],
      [
        'load.table>a.right',
        'a.table>b.table',
        'b.table>a.left',
        'load.table>broken.table',
        'ghost.table>old.table',
        'load.table>mystery.in',
        'mystery.out>broken.table',
        'load.nope>b.table',
      ],
    );
    const columns = inferColumns(doc, registry, env);
    expect(columns.mystery).toEqual({ inputs: {}, outputs: {} });
    expect(columns.old).toEqual({ inputs: {}, outputs: {} });
    // a and b form a loop: a's input from outside the loop is known, nothing comes out of either.
    expect(columns.a).toEqual({ inputs: { left: null, right: IRIS }, outputs: { table: null } });
    expect(columns.b.outputs).toEqual({ table: null });
    // Two edges into broken.table: the first by id wins, as in compile.
    expect(columns.broken).toEqual({ inputs: { table: IRIS }, outputs: { table: null, report: null } });
    expect(Object.keys(columns).sort()).toEqual(['a', 'b', 'broken', 'load', 'mystery', 'old']);
  });

  it('does not share arrays between a default copy and its input', () => {
    const doc = testDoc(
      [
        { id: 'load', type: 'test/source', params: { dataset: 'iris' } },
        { id: 'scale', type: 'test/transform' },
      ],
      ['load.table>scale.table'],
    );
    const columns = inferColumns(doc, registry, env);
    expect(columns.scale.outputs.table).not.toBe(columns.load.outputs.table);
  });
});

describe('nodeOutputColumns', () => {
  it('nulls every non-table output and every port a node leaves out', () => {
    const upper = DEFS.find((d) => d.type === 'test/upper')!;
    expect(nodeOutputColumns(upper, { fail: false }, { table: null })).toEqual({ table: null, report: null });
    const report = DEFS.find((d) => d.type === 'test/report')!;
    expect(nodeOutputColumns(report, {}, { table: IRIS })).toEqual({ report: null });
  });
});
