import { describe, expect, it } from 'vitest';
import type { PipelineDoc } from './document';
import { mergeDocs } from './merge';
import type { MergeConflict } from './merge-types';
import { linearDoc } from './test-doc';

type Edit = (doc: PipelineDoc) => PipelineDoc;

const setParam = (nodeId: string, param: string, value: unknown): Edit => (doc) => ({
  ...doc,
  nodes: doc.nodes.map((n) => (n.id === nodeId ? { ...n, params: { ...n.params, [param]: value } } : n)),
});
const deleteNode = (nodeId: string): Edit => (doc) => ({
  ...doc,
  nodes: doc.nodes.filter((n) => n.id !== nodeId),
  edges: doc.edges.filter((e) => e.source !== nodeId && e.target !== nodeId),
});
const addNode = (id: string, params: Record<string, unknown>): Edit => (doc) => ({
  ...doc,
  nodes: [...doc.nodes, { id, type: 'test/transform', version: 1, params, position: { x: 0, y: 300 } }],
});
const addEdge = (id: string, source: string, target: string): Edit => (doc) => ({
  ...doc,
  edges: [...doc.edges, { id, source, sourceHandle: 'table', target, targetHandle: 'table' }],
});
const both = (...edits: Edit[]): Edit => (doc) => edits.reduce((d, e) => e(d), doc);

const paramOf = (doc: PipelineDoc, nodeId: string, param: string) => doc.nodes.find((n) => n.id === nodeId)?.params[param];
const nodeIds = (doc: PipelineDoc) => doc.nodes.map((n) => n.id);
const edgeIds = (doc: PipelineDoc) => doc.edges.map((e) => e.id);

interface Case {
  name: string;
  theirs: Edit;
  ours: Edit;
  /** The conflicts expected, by kind and what they name; [] for a clean merge. */
  conflicts: Partial<MergeConflict>[];
  /** What the merged document holds (settled toward theirs, the default). */
  check: (merged: PipelineDoc) => void;
  /** What it holds when the same merge is settled toward ours ("keep mine"). */
  checkOurs?: (merged: PipelineDoc) => void;
}

const cases: Case[] = [
  {
    name: 'disjoint node edits both survive',
    theirs: setParam('load', 'dataset', 'wine'),
    ours: setParam('scale', 'factor', 3),
    conflicts: [],
    check: (d) => {
      expect(paramOf(d, 'load', 'dataset')).toBe('wine');
      expect(paramOf(d, 'scale', 'factor')).toBe(3);
    },
  },
  {
    name: 'the same node, different params, both survive',
    theirs: setParam('scale', 'factor', 5),
    ours: setParam('scale', 'offset', 1),
    conflicts: [],
    check: (d) => expect(d.nodes.find((n) => n.id === 'scale')?.params).toEqual({ factor: 5, offset: 1 }),
  },
  {
    name: 'the same param changed to different values is a conflict with both values',
    theirs: setParam('scale', 'factor', 5),
    ours: setParam('scale', 'factor', 7),
    conflicts: [{ kind: 'param', nodeId: 'scale', param: 'factor', base: 2, theirs: 5, ours: 7 }],
    check: (d) => expect(paramOf(d, 'scale', 'factor')).toBe(5),
    checkOurs: (d) => expect(paramOf(d, 'scale', 'factor')).toBe(7),
  },
  {
    name: 'the same param changed to the same value is one change',
    theirs: setParam('scale', 'factor', 5),
    ours: setParam('scale', 'factor', 5),
    conflicts: [],
    check: (d) => expect(paramOf(d, 'scale', 'factor')).toBe(5),
  },
  {
    name: 'a node deleted by them and edited by us is a conflict',
    theirs: deleteNode('scale'),
    ours: setParam('scale', 'factor', 9),
    conflicts: [{ kind: 'deleted-edited', nodeId: 'scale', deletedBy: 'theirs' }],
    check: (d) => expect(nodeIds(d)).toEqual(['load', 'report']),
    checkOurs: (d) => expect(paramOf(d, 'scale', 'factor')).toBe(9),
  },
  {
    name: 'a node edited by them and deleted by us is a conflict',
    theirs: setParam('scale', 'factor', 9),
    ours: deleteNode('scale'),
    conflicts: [{ kind: 'deleted-edited', nodeId: 'scale', deletedBy: 'ours' }],
    check: (d) => expect(paramOf(d, 'scale', 'factor')).toBe(9),
    checkOurs: (d) => expect(nodeIds(d)).toEqual(['load', 'report']),
  },
  {
    name: 'a node deleted on one side and only moved on the other is deleted',
    theirs: deleteNode('scale'),
    ours: (doc) => ({ ...doc, nodes: doc.nodes.map((n) => (n.id === 'scale' ? { ...n, position: { x: 999, y: 9 } } : n)) }),
    conflicts: [],
    check: (d) => expect(nodeIds(d)).toEqual(['load', 'report']),
  },
  {
    name: 'an edge we added to a node they deleted is a conflict',
    theirs: deleteNode('report'),
    ours: both(addNode('extra', {}), addEdge('e9', 'extra', 'report')),
    conflicts: [{ kind: 'edge-to-deleted-node', edgeId: 'e9', nodeId: 'report', deletedBy: 'theirs' }],
    check: (d) => {
      expect(nodeIds(d)).toEqual(['load', 'scale', 'extra']);
      expect(edgeIds(d)).toEqual(['e1']);
    },
    checkOurs: (d) => {
      expect(nodeIds(d)).toContain('report');
      expect(edgeIds(d)).toContain('e9');
    },
  },
  {
    name: 'an edge they added to a node we deleted is a conflict',
    theirs: addEdge('e9', 'load', 'report'),
    ours: deleteNode('report'),
    conflicts: [{ kind: 'edge-to-deleted-node', edgeId: 'e9', nodeId: 'report', deletedBy: 'ours' }],
    check: (d) => expect(edgeIds(d)).toEqual(['e1', 'e9']),
    checkOurs: (d) => expect(edgeIds(d)).toEqual(['e1']),
  },
  {
    name: 'both sides adding the same node id with the same content is one node',
    theirs: addNode('scale-2', { factor: 4 }),
    ours: addNode('scale-2', { factor: 4 }),
    conflicts: [],
    check: (d) => expect(nodeIds(d)).toEqual(['load', 'scale', 'report', 'scale-2']),
  },
  {
    name: 'both sides adding the same node id with different content is a conflict',
    theirs: addNode('scale-2', { factor: 4 }),
    ours: addNode('scale-2', { factor: 6 }),
    conflicts: [{ kind: 'added-twice', nodeId: 'scale-2' }],
    check: (d) => expect(paramOf(d, 'scale-2', 'factor')).toBe(4),
    checkOurs: (d) => expect(paramOf(d, 'scale-2', 'factor')).toBe(6),
  },
  {
    name: 'new edges numbered alike on both sides are both kept',
    theirs: both(addNode('a', {}), addEdge('e3', 'scale', 'a')),
    ours: both(addNode('b', {}), addEdge('e3', 'scale', 'b')),
    conflicts: [],
    check: (d) => expect(d.edges.map((e) => `${e.id}:${e.target}`)).toEqual(['e1:scale', 'e2:report', 'e3:a', 'e3-2:b']),
  },
  {
    name: 'the pipeline renamed differently on both sides is a conflict',
    theirs: (doc) => ({ ...doc, name: 'Theirs' }),
    ours: (doc) => ({ ...doc, name: 'Ours' }),
    conflicts: [{ kind: 'pipeline-field', field: 'name', theirs: 'Theirs', ours: 'Ours' }],
    check: (d) => expect(d.name).toBe('Theirs'),
    checkOurs: (d) => expect(d.name).toBe('Ours'),
  },
];

describe('mergeDocs', () => {
  it.each(cases)('$name', ({ theirs, ours, conflicts, check, checkOurs }) => {
    const base = linearDoc();
    const result = mergeDocs(base, theirs(base), ours(base));
    expect(result.conflicts).toHaveLength(conflicts.length);
    conflicts.forEach((c, i) => expect(result.conflicts[i]).toMatchObject(c));
    check(result.doc);
    const mine = mergeDocs(base, theirs(base), ours(base), 'ours');
    expect(mine.conflicts).toEqual(result.conflicts);
    (checkOurs ?? check)(mine.doc);
  });

  it('leaves the base untouched when neither side changed anything', () => {
    const base = linearDoc();
    expect(mergeDocs(base, base, base)).toEqual({ doc: base, conflicts: [] });
  });
});
