import { describe, expect, it } from 'vitest';
import type { PipelineDoc } from './document';
import { downstreamClosure, indexGraph, subgraphUpTo, upstreamClosure } from './graph';
import { graphOf } from './graph-test-helpers';

describe('indexGraph', () => {
  it('keeps the first of two nodes with one id and leaves out edges to unknown nodes', () => {
    const graph = graphOf(['a', 'b'], ['a>b', 'a>ghost', 'ghost>b']);
    const index = indexGraph({ nodes: [...graph.nodes, { id: 'a', extra: 1 }], edges: graph.edges });
    expect([...index.nodes.keys()]).toEqual(['a', 'b']);
    expect(index.nodes.get('a')).toEqual({ id: 'a' });
    expect(index.outgoing.get('a')!.map((e) => e.target)).toEqual(['b']);
    expect(index.incoming.get('b')!.map((e) => e.source)).toEqual(['a']);
    expect(index.incoming.get('a')).toEqual([]);
  });
});

describe('closures', () => {
  //   a → b → d
  //   c ↗   ↘ e      f (alone)
  const index = indexGraph(graphOf(['a', 'b', 'c', 'd', 'e', 'f'], ['a>b', 'c>b', 'b>d', 'b>e']));

  it('upstream closure holds the node and all it reads from', () => {
    expect([...upstreamClosure(index, 'd')].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...upstreamClosure(index, 'a')]).toEqual(['a']);
  });

  it('downstream closure holds the node and all that reads from it', () => {
    expect([...downstreamClosure(index, 'c')].sort()).toEqual(['b', 'c', 'd', 'e']);
  });

  it('terminates on cycles', () => {
    const cyclic = indexGraph(graphOf(['a', 'b'], ['a>b', 'b>a']));
    expect([...upstreamClosure(cyclic, 'a')].sort()).toEqual(['a', 'b']);
  });
});

describe('subgraphUpTo', () => {
  const node = (id: string) => ({ id, type: 't', version: 1, params: {}, position: { x: 0, y: 0 } });
  const edge = (id: string, source: string, target: string) => ({
    id,
    source,
    sourceHandle: 'out',
    target,
    targetHandle: 'in',
  });
  const doc: PipelineDoc = {
    schemaVersion: 1,
    id: 'p',
    name: 'P',
    nodes: ['a', 'b', 'c', 'd'].map(node),
    edges: [edge('ab', 'a', 'b'), edge('bc', 'b', 'c'), edge('ad', 'a', 'd'), edge('xb', 'ghost', 'b')],
  };

  it('keeps the upstream closure and the edges into it, and nothing downstream or beside', () => {
    const sub = subgraphUpTo(doc, 'b');
    expect(sub.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    // The dangling edge into b stays so that compile can still report it.
    expect(sub.edges.map((e) => e.id)).toEqual(['ab', 'xb']);
    expect(sub.name).toBe('P');
  });
});
