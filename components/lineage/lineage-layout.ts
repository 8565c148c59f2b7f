// Places a lineage graph left to right with dagre. Nodes with a parent (steps inside their pipeline
// version) are laid out as a cluster; the parent gets the cluster's box. Positions are top-left
// corners; a child's position is relative to its parent, as React Flow expects.
import { Graph, layout } from '@dagrejs/dagre';

export interface LayoutNode {
  id: string;
  parent?: string;
  width: number;
  height: number;
}

export interface Placed {
  x: number;
  y: number;
  width: number;
  height: number;
}

const PADDING = { top: 40, side: 20 };

export function layoutLineage(nodes: readonly LayoutNode[], edges: readonly { source: string; target: string }[]): Map<string, Placed> {
  const g = new Graph({ compound: true });
  g.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 70, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  const parents = new Set(nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
  for (const n of nodes) g.setNode(n.id, parents.has(n.id) ? { paddingTop: PADDING.top, paddingLeft: PADDING.side, paddingRight: PADDING.side, paddingBottom: PADDING.side } : { width: n.width, height: n.height });
  for (const n of nodes) if (n.parent && g.hasNode(n.parent)) g.setParent(n.id, n.parent);
  for (const e of edges) if (g.hasNode(e.source) && g.hasNode(e.target) && !parents.has(e.source) && !parents.has(e.target)) g.setEdge(e.source, e.target);
  layout(g);
  const absolute = new Map<string, Placed>();
  for (const n of nodes) {
    const p = g.node(n.id);
    if (p?.x === undefined || p.y === undefined) continue;
    const width = p.width ?? n.width;
    const height = p.height ?? n.height;
    absolute.set(n.id, { x: p.x - width / 2, y: p.y - height / 2, width, height });
  }
  const placed = new Map<string, Placed>();
  for (const n of nodes) {
    const box = absolute.get(n.id);
    if (!box) continue;
    const parent = n.parent ? absolute.get(n.parent) : undefined;
    placed.set(n.id, parent ? { ...box, x: box.x - parent.x, y: box.y - parent.y } : box);
  }
  return placed;
}
