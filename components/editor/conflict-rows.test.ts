import { describe, expect, it } from 'vitest';
import { mergeDocs } from '../../engine/merge';
import { linearDoc } from '../../engine/test-doc';
import { conflictRow, docDiff, showValue } from './conflict-rows';
import type { PipelineDoc } from './editor-types';

const setParam = (doc: PipelineDoc, nodeId: string, param: string, value: unknown): PipelineDoc => ({
  ...doc,
  nodes: doc.nodes.map((n) => (n.id === nodeId ? { ...n, params: { ...n.params, [param]: value } } : n)),
});

describe('conflict rows', () => {
  it('shows a clashing param with their value beside mine', () => {
    const base = linearDoc();
    const theirs = setParam(base, 'scale', 'factor', 5);
    const mine = setParam(base, 'scale', 'factor', 7);
    const [conflict] = mergeDocs(base, theirs, mine).conflicts;
    expect(conflictRow(conflict, theirs, mine)).toEqual({ key: 'p:scale:factor', what: 'scale · factor', theirs: '5', mine: '7' });
  });

  it('says which side deleted a node the other edited', () => {
    const base = linearDoc();
    const theirs = { ...base, nodes: base.nodes.filter((n) => n.id !== 'scale'), edges: [] };
    const mine = setParam(base, 'scale', 'factor', 7);
    const [conflict] = mergeDocs(base, theirs, mine).conflicts;
    expect(conflictRow(conflict, theirs, mine)).toMatchObject({ what: 'scale', theirs: 'deleted', mine: 'edited' });
  });

  it('lists every difference for the diff, not only the clashes', () => {
    const base = linearDoc();
    const theirs = setParam(setParam(base, 'scale', 'factor', 5), 'load', 'dataset', 'wine');
    const mine = { ...setParam(base, 'scale', 'factor', 7), edges: base.edges.slice(0, 1) };
    expect(docDiff(theirs, mine).map((r) => [r.what, r.theirs, r.mine])).toEqual([
      ['load · dataset', 'wine', 'iris'],
      ['scale · factor', '5', '7'],
      ['connection scale.table → report.table', 'present', 'not there'],
    ]);
  });

  it('writes values plainly', () => {
    expect([showValue(undefined), showValue(''), showValue(0.5), showValue(['a'])]).toEqual(['(not set)', '(empty)', '0.5', '["a"]']);
  });
});

describe('docDiff with code params', () => {
  const node = (id: string, type: string, params: Record<string, unknown>) => ({ id, type, version: 1, params, position: { x: 0, y: 0 } });
  const docOf = (...nodes: ReturnType<typeof node>[]) => ({ schemaVersion: 1, id: 'p', name: 'P', nodes, edges: [] }) as never;
  const codeParamsOf = (n: { type: string }) => (n.type === 'code/transform' ? ['code'] : []);

  it('gives a changed code param both texts, for a line diff, and leaves other params as values', () => {
    const rows = docDiff(docOf(node('c', 'code/transform', { code: 'a\nb', timeLimitSeconds: 1 })), docOf(node('c', 'code/transform', { code: 'a\nc', timeLimitSeconds: 2 })), codeParamsOf);
    expect(rows.find((r) => r.what.endsWith('code'))?.code).toEqual({ theirs: 'a\nb', mine: 'a\nc' });
    expect(rows.find((r) => r.what.endsWith('timeLimitSeconds'))?.code).toBeUndefined();
  });

  it('shows the code of a node forked into a code node, and of a code node only one side has, as whole texts', () => {
    const forked = docDiff(docOf(node('f', 'clean/filter-rows', { conditions: [] })), docOf(node('f', 'code/transform', { code: 'x' })), codeParamsOf);
    expect(forked.find((r) => r.what.endsWith('code'))?.code).toEqual({ theirs: '', mine: 'x' });
    const added = docDiff(docOf(), docOf(node('n', 'code/transform', { code: 'y' })), codeParamsOf);
    expect(added.map((r) => r.code ?? null)).toEqual([null, { theirs: '', mine: 'y' }]);
  });
});
