// Three-way merge of pipeline documents (base, theirs, ours) by node and edge id. Documents are
// flat lists keyed by id, so each node, edge, param and pipeline field merges on its own: a change
// on one side is taken, the same change on both is one change, and two different changes to one
// thing are a conflict. Pure: the server merges saves with it and the editor settles conflicts.
import type { EdgeInstance, NodeInstance, PipelineDoc } from './document';
import { mergeNode, nodeEdited } from './merge-nodes';
import { PIPELINE_FIELDS, type MergeConflict, type MergeResult, type MergeSide } from './merge-types';
import { pick3, sameValue } from './merge-values';

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((i) => [i.id, i]));

/** Ids in theirs' order, then those only ours has, in ours' order: a stable, readable result. */
function idsInOrder(theirs: readonly { id: string }[], ours: readonly { id: string }[]): string[] {
  return [...new Set([...theirs.map((i) => i.id), ...ours.map((i) => i.id)])];
}

export function mergeDocs(base: PipelineDoc, theirs: PipelineDoc, ours: PipelineDoc, prefer: MergeSide = 'theirs'): MergeResult {
  const conflicts: MergeConflict[] = [];
  const nodes = mergeNodes(base, theirs, ours, prefer, conflicts);
  const edges = mergeEdges(base, theirs, ours, nodes, prefer, conflicts);
  const doc: Record<string, unknown> = { ...theirs, nodes: [...nodes.values()], edges };
  for (const field of PIPELINE_FIELDS) {
    const picked = pick3(base[field], theirs[field], ours[field]);
    if (!picked.ok) conflicts.push({ kind: 'pipeline-field', field, base: base[field], theirs: theirs[field], ours: ours[field] });
    const value = picked.ok ? picked.value : prefer === 'ours' ? ours[field] : theirs[field];
    if (value === undefined) delete doc[field];
    else doc[field] = value;
  }
  return { doc: doc as PipelineDoc, conflicts };
}

function mergeNodes(base: PipelineDoc, theirs: PipelineDoc, ours: PipelineDoc, prefer: MergeSide, conflicts: MergeConflict[]) {
  const [b, t, o] = [byId(base.nodes), byId(theirs.nodes), byId(ours.nodes)];
  const merged = new Map<string, NodeInstance>();
  for (const id of idsInOrder(theirs.nodes, ours.nodes)) {
    const [bn, tn, on] = [b.get(id), t.get(id), o.get(id)];
    if (tn && on) merged.set(id, mergeNode(bn, tn, on, prefer, conflicts));
    else if (!bn) merged.set(id, (tn ?? on)!); // added on one side
    else {
      // In the base, deleted on one side: gone, unless the other side edited it meanwhile.
      const kept = (tn ?? on)!;
      if (!nodeEdited(bn, kept)) continue;
      const deletedBy: MergeSide = tn ? 'ours' : 'theirs';
      conflicts.push({ kind: 'deleted-edited', nodeId: id, deletedBy, edited: kept });
      if (prefer !== deletedBy) merged.set(id, kept);
    }
  }
  return merged;
}

function mergeEdges(base: PipelineDoc, theirs: PipelineDoc, ours: PipelineDoc, nodes: Map<string, NodeInstance>, prefer: MergeSide, conflicts: MergeConflict[]): EdgeInstance[] {
  const [b, t, o] = [byId(base.edges), byId(theirs.edges), byId(ours.edges)];
  const taken = new Set([...b.keys(), ...t.keys(), ...o.keys()]);
  const kept: { edge: EdgeInstance; addedBy: MergeSide | null }[] = [];
  for (const id of idsInOrder(theirs.edges, ours.edges)) {
    const [be, te, oe] = [b.get(id), t.get(id), o.get(id)];
    if (!be) {
      if (te && oe && !sameValue(te, oe)) {
        // Both drew a new edge and the editor numbered them alike: two edges, ours renumbered.
        kept.push({ edge: te, addedBy: 'theirs' }, { edge: { ...oe, id: freeId(oe.id, taken) }, addedBy: 'ours' });
      } else kept.push({ edge: (te ?? oe)!, addedBy: te ? 'theirs' : 'ours' });
      continue;
    }
    const picked = pick3<EdgeInstance | null>(be, te ?? null, oe ?? null);
    if (!picked.ok) conflicts.push({ kind: 'edge', edgeId: id, base: be, theirs: te ?? null, ours: oe ?? null });
    const edge = picked.ok ? picked.value : prefer === 'ours' ? (oe ?? null) : (te ?? null);
    if (edge) kept.push({ edge, addedBy: null });
  }
  const edges: EdgeInstance[] = [];
  for (const { edge, addedBy } of kept) {
    const missing = [edge.source, edge.target].find((n) => !nodes.has(n));
    if (missing === undefined) {
      edges.push(edge);
      continue;
    }
    // An edge one side drew to a node the other side deleted: never silently dropped.
    const adder = addedBy ?? (t.has(edge.id) ? 'theirs' : 'ours');
    const deletedBy: MergeSide = adder === 'ours' ? 'theirs' : 'ours';
    if (!conflicts.some((c) => c.kind === 'edge-to-deleted-node' && c.edgeId === edge.id)) {
      conflicts.push({ kind: 'edge-to-deleted-node', edgeId: edge.id, nodeId: missing, deletedBy });
    }
    if (prefer !== adder) continue;
    for (const end of [edge.source, edge.target]) {
      const node = (adder === 'ours' ? ours : theirs).nodes.find((n) => n.id === end);
      if (node && !nodes.has(end)) nodes.set(end, node);
    }
    edges.push(edge);
  }
  return edges;
}

function freeId(id: string, taken: Set<string>): string {
  const stem = id.replace(/-\d+$/, '').slice(0, 56);
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}
