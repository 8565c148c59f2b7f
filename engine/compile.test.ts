import { describe, expect, it } from 'vitest';
import { docContentHash } from './cache-key';
import { compile, compileForRunUpTo, type CompileEnv } from './compile';
import type { PipelineDoc } from './document';
import type { CompileIssue, Plan } from './plan';
import { linearDoc, testDoc } from './test-doc';
import { createTestRegistry, TEST_ENV, TEST_NODE_DEFINITIONS } from './test-registry';

const registry = createTestRegistry();

function planOf(doc: PipelineDoc, env: CompileEnv = TEST_ENV): Plan {
  const result = compile(doc, registry, env);
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.error, null, 2)}`);
  return result.value;
}

function issuesOf(doc: PipelineDoc): CompileIssue[] {
  const result = compile(doc, registry, TEST_ENV);
  if (result.ok) throw new Error('expected issues, got a plan');
  return result.error;
}

describe('compile: plans', () => {
  it('orders steps parents first, applies param defaults and wires inputs', () => {
    const plan = planOf(linearDoc());
    expect(plan.steps.map((s) => s.id)).toEqual(['load', 'scale', 'report']);
    expect(plan.steps[1].params).toEqual({ factor: 2, mode: 'scale' });
    expect(plan.steps[2].inputs).toEqual({ table: { fromStep: 'scale', output: 'table' } });
    expect(plan.steps[2].outputs).toEqual({ report: 'report' });
    expect(plan.pipelineId).toBe('test-pipeline');
    expect(plan.warnings).toEqual([]);
  });

  it('gives the same plan whatever order the arrays are in', () => {
    const doc = linearDoc();
    const shuffled = { ...doc, nodes: [...doc.nodes].reverse(), edges: [...doc.edges].reverse() };
    expect(planOf(shuffled)).toEqual(planOf(doc));
  });

  it('is pure: same answer twice, and the document is left untouched', () => {
    const doc = linearDoc();
    const before = JSON.stringify(doc);
    expect(planOf(doc)).toEqual(planOf(doc));
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('leaves an unconnected optional input out of the step inputs', () => {
    const doc = testDoc(
      [
        { id: 'a', type: 'test/source', params: { dataset: 'x' } },
        { id: 'j', type: 'test/join' },
      ],
      ['a.table>j.left'],
    );
    expect(planOf(doc).steps[1].inputs).toEqual({ left: { fromStep: 'a', output: 'table' } });
  });

  it('resolves placement: node, then pipeline, then auto (server first, or the env preference)', () => {
    const doc = linearDoc();
    doc.nodes[1].placement = 'browser';
    expect(planOf(doc).steps.map((s) => s.placement)).toEqual(['server', 'browser', 'server']);
    const browserFirst = planOf(linearDoc(), { ...TEST_ENV, defaultPlacement: 'browser' });
    expect(browserFirst.steps.map((s) => s.placement)).toEqual(['browser', 'browser', 'server']);
    const pinned = { ...linearDoc(), settings: { placement: 'server' as const } };
    expect(planOf(pinned).steps.map((s) => s.placement)).toEqual(['server', 'server', 'server']);
  });

  it('puts warnings in the plan when there are no errors, and does not warn about a lone node', () => {
    const doc = linearDoc();
    doc.nodes.push({ id: 'spare', type: 'test/source', version: 1, params: { dataset: 'x' }, position: { x: 0, y: 0 } });
    expect(planOf(doc).warnings.map((w) => [w.code, w.nodeId, w.severity])).toEqual([
      ['disconnected_node', 'spare', 'warning'],
    ]);
    expect(planOf(testDoc([{ id: 'only', type: 'test/source', params: { dataset: 'x' } }])).warnings).toEqual([]);
  });

  it('refuses an empty pipeline, saying how to start, rather than "succeeding" with nothing run', () => {
    expect(issuesOf(testDoc([]))).toEqual([expect.objectContaining({ severity: 'error', code: 'empty_pipeline', message: expect.stringContaining('add one from the palette') })]);
  });
});

describe('compile: issues', () => {
  it('names the node by its label and the field, in plain words', () => {
    const doc = linearDoc();
    doc.nodes.push({ id: 'split', label: 'Random split', type: 'test/random', version: 1, params: { rows: 1.5 }, position: { x: 0, y: 0 } });
    doc.edges.push({ id: 'e9', source: 'load', sourceHandle: 'table', target: 'split', targetHandle: 'table' });
    expect(issuesOf(doc)).toEqual([
      {
        severity: 'error',
        code: 'invalid_params',
        nodeId: 'split',
        field: 'params.rows',
        message: 'Node "Random split" (Test random sample): params.rows must be an integer',
      },
    ]);
  });

  it('says a required param is missing', () => {
    const doc = testDoc([{ id: 'load', type: 'test/source', params: {} }]);
    expect(issuesOf(doc).map((i) => [i.field, i.message])).toEqual([
      ['params.dataset', 'Node "load" (Test source): params.dataset is required'],
    ]);
  });

  it('blames the pipeline setting when it asks for a runtime a node lacks', () => {
    const doc = { ...linearDoc(), settings: { placement: 'browser' as const } };
    expect(issuesOf(doc)).toEqual([
      {
        severity: 'error',
        code: 'placement_unsupported',
        nodeId: 'report',
        field: 'settings.placement',
        message:
          'Node "report" (Test report): the pipeline\'s placement "browser" is not supported; this node runs on server only',
      },
    ]);
  });

  it('does not also call an input missing when its only edge comes from nowhere', () => {
    const doc = testDoc([{ id: 'r', type: 'test/report' }], ['ghost.table>r.table']);
    expect(issuesOf(doc).map((i) => [i.code, i.field])).toEqual([['dangling_edge', 'source']]);
  });

  it('checks no ports of a node whose type is unknown', () => {
    const doc = testDoc(
      [
        { id: 'a', type: 'test/source', params: { dataset: 'x' } },
        { id: 'b', type: 'custom/thing' },
      ],
      ['a.table>b.whatever'],
    );
    expect(issuesOf(doc).map((i) => i.code)).toEqual(['unknown_node_type']);
  });

  it('returns warnings together with the errors', () => {
    const doc = testDoc([
      { id: 'a', type: 'test/source', params: { dataset: 'x' } },
      { id: 'b', type: 'test/report' },
    ]);
    expect(issuesOf(doc).map((i) => [i.severity, i.code, i.nodeId])).toEqual([
      ['error', 'missing_input', 'b'],
      ['warning', 'disconnected_node', 'a'],
      ['warning', 'disconnected_node', 'b'],
    ]);
  });
});

describe('compileForRunUpTo', () => {
  const doc = linearDoc();
  // A broken node downstream of "scale" must not stop running up to "scale".
  doc.nodes.push({ id: 'broken', type: 'test/transform', version: 1, params: { factor: -5 }, position: { x: 0, y: 0 } });
  doc.edges.push({ id: 'e9', source: 'scale', sourceHandle: 'table', target: 'broken', targetHandle: 'table' });

  it('plans the node and its upstream only, with the same keys as the full plan', () => {
    const result = compileForRunUpTo(doc, registry, 'scale', TEST_ENV);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.steps.map((s) => s.id)).toEqual(['load', 'scale']);
    expect(result.value.docHash).toBe(docContentHash(doc));
    const full = planOf(linearDoc());
    expect(result.value.steps.map((s) => s.cacheKey)).toEqual(full.steps.slice(0, 2).map((s) => s.cacheKey));
  });

  it('still reports problems inside the closure', () => {
    const result = compileForRunUpTo(doc, registry, 'broken', TEST_ENV);
    expect(result.ok ? [] : result.error.map((i) => [i.code, i.nodeId])).toEqual([['invalid_params', 'broken']]);
  });

  it('says so when the node is not in the pipeline', () => {
    const result = compileForRunUpTo(doc, registry, 'nope', TEST_ENV);
    expect(result.ok ? [] : result.error.map((i) => [i.code, i.nodeId])).toEqual([['invalid_document', 'nope']]);
  });
});

describe('compile: memory a step needs', () => {
  it('asks each node for its memory need from the data it depends on, and leaves it out where the node declares none', () => {
    const defs = TEST_NODE_DEFINITIONS.map((d) => {
      if (d.type === 'test/source') return { ...d, sourceBytes: () => 1000 };
      if (d.type === 'test/transform') return { ...d, memoryNeed: (_p: unknown, bytes: number | undefined) => (bytes === undefined ? undefined : 3 * bytes) };
      return d;
    });
    const result = compile(linearDoc(), createTestRegistry(defs), TEST_ENV);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const by = new Map(result.value.steps.map((s) => [s.id, s]));
    expect(by.get('scale')!.memoryBytes).toBe(3000);
    expect('memoryBytes' in by.get('load')!).toBe(false);
    expect('memoryBytes' in by.get('report')!).toBe(false);
  });
});
