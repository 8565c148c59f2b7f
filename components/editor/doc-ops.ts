// Edits of a pipeline document as pure functions. Each returns the same document object when it
// changes nothing, so history and autosave can tell a real edit from a no-op by identity, and
// untouched nodes and edges keep their identity so the canvas redraws only what changed.
import type { PlacementSetting } from '../../engine/node-definition';
import type { ConnectionAttempt, EdgeInstance, EditorNodeType, NodeInstance, PipelineDoc, XY } from './editor-types';
import { nextEdgeId, nodeIdForType } from './node-ids';

export function nodeIds(doc: PipelineDoc): Set<string> {
  return new Set(doc.nodes.map((n) => n.id));
}

export function addNode(doc: PipelineDoc, type: EditorNodeType, position: XY): { doc: PipelineDoc; id: string } {
  const id = nodeIdForType(type.type, nodeIds(doc));
  const node: NodeInstance = {
    id,
    type: type.type,
    version: type.version,
    params: structuredClone(type.paramDefaults ?? {}),
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  };
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

/** Removes the nodes, every edge touching them, and the edges named. */
export function removeElements(doc: PipelineDoc, nodeIdsToRemove: Iterable<string>, edgeIdsToRemove: Iterable<string> = []): PipelineDoc {
  const nodes = new Set(nodeIdsToRemove);
  const edges = new Set(edgeIdsToRemove);
  const keptNodes = doc.nodes.filter((n) => !nodes.has(n.id));
  const keptEdges = doc.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target));
  if (keptNodes.length === doc.nodes.length && keptEdges.length === doc.edges.length) return doc;
  return { ...doc, nodes: keptNodes, edges: keptEdges };
}

function updateNode(doc: PipelineDoc, id: string, update: (node: NodeInstance) => NodeInstance): PipelineDoc {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    if (n.id !== id) return n;
    const next = update(n);
    changed ||= next !== n;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

/**
 * Puts a node of another type in a node's place, keeping its id (so its edges stay) and position;
 * its own placement goes, since the new type may not run where the old one did.
 */
export function replaceNode(doc: PipelineDoc, id: string, next: { type: string; version: number; label: string; params: Record<string, unknown> }): PipelineDoc {
  return updateNode(doc, id, (n) => ({ id: n.id, type: next.type, version: next.version, label: next.label, params: next.params, position: n.position }));
}

/** An empty label removes it, so the node shows its type's title again. */
export function renameNode(doc: PipelineDoc, id: string, label: string): PipelineDoc {
  return updateNode(doc, id, (n) => {
    if ((n.label ?? '') === label) return n;
    const { label: _old, ...rest } = n;
    return label === '' ? rest : { ...rest, label };
  });
}

export function setNodeParams(doc: PipelineDoc, id: string, params: Record<string, unknown>): PipelineDoc {
  return updateNode(doc, id, (n) => (n.params === params ? n : { ...n, params }));
}

/** 'inherit' removes the node's own setting, so the pipeline's applies. */
export function setNodePlacement(doc: PipelineDoc, id: string, placement: PlacementSetting | 'inherit'): PipelineDoc {
  return updateNode(doc, id, (n) => {
    if ((n.placement ?? 'inherit') === placement) return n;
    const { placement: _old, ...rest } = n;
    return placement === 'inherit' ? rest : { ...rest, placement };
  });
}

export function setPipelinePlacement(doc: PipelineDoc, placement: PlacementSetting): PipelineDoc {
  if ((doc.settings?.placement ?? 'auto') === placement) return doc;
  return { ...doc, settings: { ...doc.settings, placement } };
}

/** Positions are rounded: sub-pixel drags would otherwise make every save look like a change. */
export function moveNodes(doc: PipelineDoc, positions: ReadonlyMap<string, XY>): PipelineDoc {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const to = positions.get(n.id);
    if (!to) return n;
    const x = Math.round(to.x);
    const y = Math.round(to.y);
    if (x === n.position.x && y === n.position.y) return n;
    changed = true;
    return { ...n, position: { x, y } };
  });
  return changed ? { ...doc, nodes } : doc;
}

/** Adds the edge as given; whether it is allowed is connection-rules.ts's question. */
export function connect(doc: PipelineDoc, c: ConnectionAttempt): { doc: PipelineDoc; id: string } {
  const id = nextEdgeId(new Set(doc.edges.map((e) => e.id)));
  const edge: EdgeInstance = { id, source: c.source, sourceHandle: c.sourceHandle ?? '', target: c.target, targetHandle: c.targetHandle ?? '' };
  return { doc: { ...doc, edges: [...doc.edges, edge] }, id };
}
