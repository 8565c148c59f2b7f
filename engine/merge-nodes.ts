// Merging one node present in the base and on both sides, or added on both: field by field, and
// params key by key. Position is cosmetic: when both moved a node, ours wins without a conflict.
import type { NodeInstance } from './document';
import { NODE_FIELDS, type MergeConflict, type MergeSide } from './merge-types';
import { pick3, sameValue } from './merge-values';

/** A node as it behaves: everything but where it sits on the canvas. */
export function nodeBehaviour(node: NodeInstance): Omit<NodeInstance, 'position'> {
  const { position: _position, ...rest } = node;
  return rest;
}

export function nodeEdited(base: NodeInstance, side: NodeInstance): boolean {
  return !sameValue(nodeBehaviour(base), nodeBehaviour(side));
}

export function mergeNode(base: NodeInstance | undefined, theirs: NodeInstance, ours: NodeInstance, prefer: MergeSide, conflicts: MergeConflict[]): NodeInstance {
  if (!base) {
    // Added on both sides under one id: the same node twice is one node; two different ones clash.
    if (sameValue(nodeBehaviour(theirs), nodeBehaviour(ours))) return { ...theirs, position: ours.position };
    conflicts.push({ kind: 'added-twice', nodeId: ours.id, theirs, ours });
    return prefer === 'ours' ? ours : theirs;
  }
  const merged: Record<string, unknown> = { id: ours.id };
  for (const field of NODE_FIELDS) {
    const picked = pick3(base[field], theirs[field], ours[field]);
    if (picked.ok) merged[field] = picked.value;
    else {
      conflicts.push({ kind: 'node-field', nodeId: ours.id, field, base: base[field], theirs: theirs[field], ours: ours[field] });
      merged[field] = prefer === 'ours' ? ours[field] : theirs[field];
    }
  }
  const position = pick3(base.position, theirs.position, ours.position);
  merged.position = position.ok ? position.value : ours.position;
  merged.params = mergeParams(ours.id, base.params, theirs.params, ours.params, prefer, conflicts);
  for (const field of NODE_FIELDS) if (merged[field] === undefined) delete merged[field];
  return merged as NodeInstance;
}

function mergeParams(
  nodeId: string,
  base: Record<string, unknown>,
  theirs: Record<string, unknown>,
  ours: Record<string, unknown>,
  prefer: MergeSide,
  conflicts: MergeConflict[],
): Record<string, unknown> {
  const keys = [...new Set([...Object.keys(theirs), ...Object.keys(ours), ...Object.keys(base)])];
  const params: Record<string, unknown> = {};
  for (const param of keys) {
    const picked = pick3(base[param], theirs[param], ours[param]);
    let value: unknown;
    if (picked.ok) value = picked.value;
    else {
      conflicts.push({ kind: 'param', nodeId, param, base: base[param], theirs: theirs[param], ours: ours[param] });
      value = prefer === 'ours' ? ours[param] : theirs[param];
    }
    // A param removed on one side and untouched on the other stays removed.
    if (value !== undefined) params[param] = value;
  }
  return params;
}
