// Copy, paste and duplicate. A copy keeps the chosen nodes and only the edges between them; a
// paste gives every node a fresh id, rewires those edges to the copies, and shifts the positions
// so the copies never sit exactly on top of what they came from.
import type { EdgeInstance, NodeInstance, PipelineDoc, XY } from './editor-types';
import { nextEdgeId, nodeIdForCopy } from './node-ids';

export interface ClipboardContent {
  nodes: readonly NodeInstance[];
  edges: readonly EdgeInstance[];
}

/** How far each paste moves the copies from the originals. */
export const PASTE_OFFSET: XY = { x: 40, y: 40 };

export function copyNodes(doc: PipelineDoc, ids: Iterable<string>): ClipboardContent | null {
  const chosen = new Set(ids);
  const nodes = doc.nodes.filter((n) => chosen.has(n.id));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target));
  return structuredClone({ nodes, edges });
}

export function pasteNodes(doc: PipelineDoc, content: ClipboardContent, offset: XY): { doc: PipelineDoc; nodeIds: string[] } {
  const takenNodes = new Set(doc.nodes.map((n) => n.id));
  const renamed = new Map<string, string>();
  const nodes = content.nodes.map((n) => {
    const id = nodeIdForCopy(n.id, takenNodes);
    takenNodes.add(id);
    renamed.set(n.id, id);
    return { ...structuredClone(n), id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
  });
  const takenEdges = new Set(doc.edges.map((e) => e.id));
  const edges = content.edges.map((e) => {
    const id = nextEdgeId(takenEdges);
    takenEdges.add(id);
    return { ...e, id, source: renamed.get(e.source)!, target: renamed.get(e.target)! };
  });
  return { doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] }, nodeIds: nodes.map((n) => n.id) };
}
