// "Tidy up": a left-to-right layered layout with dagre, using the sizes React Flow measured
// (an unmeasured node counts as DEFAULT_NODE_SIZE). Only positions change.
import { Graph, layout } from '@dagrejs/dagre';
import { DEFAULT_NODE_SIZE, type PipelineDoc, type Size, type XY } from './editor-types';

const SPACING = { nodesep: 40, ranksep: 90, marginx: 0, marginy: 0 };

export function layoutPositions(doc: PipelineDoc, sizes: ReadonlyMap<string, Size>): Map<string, XY> {
  const g = new Graph();
  g.setGraph({ rankdir: 'LR', ...SPACING });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of doc.nodes) {
    const size = sizes.get(n.id) ?? DEFAULT_NODE_SIZE;
    g.setNode(n.id, { width: size.width, height: size.height });
  }
  for (const e of doc.edges) if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  layout(g);
  const positions = new Map<string, XY>();
  for (const n of doc.nodes) {
    const placed = g.node(n.id);
    const size = sizes.get(n.id) ?? DEFAULT_NODE_SIZE;
    // dagre gives centres; React Flow positions are top-left corners.
    if (placed?.x !== undefined && placed.y !== undefined) positions.set(n.id, { x: placed.x - size.width / 2, y: placed.y - size.height / 2 });
  }
  return positions;
}
