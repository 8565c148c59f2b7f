import { describe, expect, it } from 'vitest';
import { addNode, connect, moveNodes, removeElements, renameNode, setNodeParams } from './doc-ops';
import { sampleDoc, TYPES } from './test-fixtures';

describe('document edits', () => {
  it('add a node with its type defaults and a unique id', () => {
    const doc = sampleDoc();
    const first = addNode(doc, TYPES[2], { x: 10.4, y: 20.6 });
    expect(first.id).toBe('random');
    const node = first.doc.nodes.at(-1)!;
    expect(node).toEqual({ id: 'random', type: 'split/random', version: 1, params: { train: 0.8 }, position: { x: 10, y: 21 } });
    expect(node.params).not.toBe(TYPES[2].paramDefaults);
    expect(addNode(first.doc, TYPES[2], { x: 0, y: 0 }).id).toBe('random-2');
    expect(addNode(doc, TYPES[1], { x: 0, y: 0 }).doc.nodes.at(-1)!.params).toEqual({});
  });

  it('remove nodes with every edge touching them', () => {
    const doc = removeElements(sampleDoc(), ['clean']);
    expect(doc.nodes.map((n) => n.id)).toEqual(['ingest', 'split', 'train']);
    expect(doc.edges).toEqual([]);
    const edgeOnly = removeElements(sampleDoc(), [], ['e2']);
    expect(edgeOnly.edges.map((e) => e.id)).toEqual(['e1']);
  });

  it('return the same document when nothing changes', () => {
    const doc = sampleDoc();
    expect(removeElements(doc, ['nope'])).toBe(doc);
    expect(renameNode(doc, 'clean', 'Clean')).toBe(doc);
    expect(moveNodes(doc, new Map([['clean', { x: 300.2, y: 0 }]]))).toBe(doc);
    expect(setNodeParams(doc, 'split', doc.nodes[2].params)).toBe(doc);
  });

  it('rename, and an empty label goes back to the title', () => {
    const renamed = renameNode(sampleDoc(), 'split', 'Holdout');
    expect(renamed.nodes[2].label).toBe('Holdout');
    const cleared = renameNode(renamed, 'split', '');
    expect('label' in cleared.nodes[2]).toBe(false);
  });

  it('move keeps untouched nodes as they were', () => {
    const doc = sampleDoc();
    const moved = moveNodes(doc, new Map([['split', { x: 1, y: 2 }]]));
    expect(moved.nodes[2].position).toEqual({ x: 1, y: 2 });
    expect(moved.nodes[0]).toBe(doc.nodes[0]);
  });

  it('connect adds an edge with a fresh id', () => {
    const { doc, id } = connect(sampleDoc(), { source: 'split', sourceHandle: 'train', target: 'train', targetHandle: 'train' });
    expect(id).toBe('e3');
    expect(doc.edges.at(-1)).toEqual({ id: 'e3', source: 'split', sourceHandle: 'train', target: 'train', targetHandle: 'train' });
  });
});
