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
