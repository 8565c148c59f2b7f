// Index and walks over a flat nodes[] + edges[] graph. Duplicate ids and edges to unknown nodes
// are tolerated here (first node wins, such edges are left out) because compile reports them
// itself and still wants to check the rest of the graph.
import type { PipelineDoc } from './document';

export interface GraphNode {
  id: string;
}
export interface GraphEdge {
  source: string;
  target: string;
}

export interface GraphIndex<N extends GraphNode = GraphNode, E extends GraphEdge = GraphEdge> {
  nodes: Map<string, N>;
  /** Edges whose two ends exist, by target id. Every node has an entry. */
  incoming: Map<string, E[]>;
  /** Edges whose two ends exist, by source id. Every node has an entry. */
  outgoing: Map<string, E[]>;
}

export function indexGraph<N extends GraphNode, E extends GraphEdge>(graph: {
  nodes: readonly N[];
  edges: readonly E[];
}): GraphIndex<N, E> {
  const nodes = new Map<string, N>();
  const incoming = new Map<string, E[]>();
  const outgoing = new Map<string, E[]>();
  for (const node of graph.nodes) {
    if (nodes.has(node.id)) continue;
    nodes.set(node.id, node);
    incoming.set(node.id, []);
    outgoing.set(node.id, []);
  }
  for (const edge of graph.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    outgoing.get(edge.source)!.push(edge);
    incoming.get(edge.target)!.push(edge);
  }
  return { nodes, incoming, outgoing };
}

/** The node and everything it reads from, directly or not: what "run up to here" must run. */
export function upstreamClosure(index: GraphIndex, nodeId: string): Set<string> {
  return walk(nodeId, (id) => index.incoming.get(id)?.map((e) => e.source) ?? []);
}

/** The node and everything that reads from it, directly or not. */
export function downstreamClosure(index: GraphIndex, nodeId: string): Set<string> {
  return walk(nodeId, (id) => index.outgoing.get(id)?.map((e) => e.target) ?? []);
}

function walk(start: string, next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const id of next(queue.pop()!)) {
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(id);
    }
  }
  return seen;
}

/**
 * The document cut down to `nodeId` and its upstream closure. Edges into kept nodes stay even
 * when their source is unknown, so compile still reports them instead of planning around them.
 */
export function subgraphUpTo(doc: PipelineDoc, nodeId: string): PipelineDoc {
  const keep = upstreamClosure(indexGraph(doc), nodeId);
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => keep.has(n.id)),
    edges: doc.edges.filter((e) => keep.has(e.target)),
  };
}
