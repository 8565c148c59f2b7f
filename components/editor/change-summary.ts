// The message a saved version carries, worked out from what changed since the last save:
// "Added Logistic regression", "Connected Split → Train", "Edited params of Split", …
import { stableKey } from '../inspector/params-doc';
import { displayName, typeOf, type EdgeInstance, type NodeInstance, type PipelineDoc, type TypeIndex } from './editor-types';

const MAX_PARTS = 3;
const MAX_LENGTH = 500; // pipeline.save's limit

export function describeChange(before: PipelineDoc, after: PipelineDoc, types: TypeIndex): string {
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const nameIn = (id: string) => {
    const n = now.get(id) ?? old.get(id);
    return n ? displayName(n, types) : id;
  };
  const parts: string[] = [];

  for (const n of after.nodes) if (!old.has(n.id)) parts.push(`Added ${typeOf(types, n)?.title ?? n.type}`);
  for (const n of before.nodes) if (!now.has(n.id)) parts.push(`Removed ${displayName(n, types)}`);

  const edgeKey = (e: EdgeInstance) => `${e.source}\u0000${e.sourceHandle}\u0000${e.target}\u0000${e.targetHandle}`;
  const oldEdges = new Set(before.edges.map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  for (const e of after.edges) if (!oldEdges.has(edgeKey(e))) parts.push(`Connected ${nameIn(e.source)} → ${nameIn(e.target)}`);
  for (const e of before.edges) {
    // Edges that went with a removed node are said by "Removed …" already.
    if (!newEdges.has(edgeKey(e)) && now.has(e.source) && now.has(e.target)) parts.push(`Disconnected ${nameIn(e.source)} → ${nameIn(e.target)}`);
  }

  let moved = 0;
  for (const n of after.nodes) {
    const was = old.get(n.id);
    if (!was || was === n) continue;
    if ((was.label ?? '') !== (n.label ?? '')) parts.push(`Renamed ${displayName(was, types)} to ${displayName(n, types)}`);
    if (was.params !== n.params && stableKey(was.params) !== stableKey(n.params)) parts.push(...paramChanges(was, n, types));
    if (otherFieldsChanged(was, n)) parts.push(`Changed ${displayName(n, types)}`);
    if (was.position.x !== n.position.x || was.position.y !== n.position.y) moved++;
  }
  if (moved > 0 && parts.length === 0) parts.push(moved === 1 ? 'Moved a node' : `Moved ${moved} nodes`);
  if (parts.length === 0) parts.push(docFieldsChanged(before, after) ? 'Changed pipeline settings' : 'Saved');

  const shown = parts.slice(0, MAX_PARTS).join('; ');
  const rest = parts.length - MAX_PARTS;
  const message = rest > 0 ? `${shown}; and ${rest} more change${rest === 1 ? '' : 's'}` : shown;
  return message.length > MAX_LENGTH ? `${message.slice(0, MAX_LENGTH - 1)}…` : message;
}

/** "Edited the code of X" for code params (versions list code edits apart), "Edited params of X" for the rest. */
function paramChanges(was: NodeInstance, n: NodeInstance, types: TypeIndex): string[] {
  const code = new Set(typeOf(types, n)?.codeParams ?? []);
  const keys = new Set([...Object.keys(was.params), ...Object.keys(n.params)]);
  const changed = [...keys].filter((k) => stableKey(was.params[k]) !== stableKey(n.params[k]));
  const out: string[] = [];
  if (changed.some((k) => code.has(k))) out.push(`Edited the code of ${displayName(n, types)}`);
  if (changed.some((k) => !code.has(k))) out.push(`Edited params of ${displayName(n, types)}`);
  return out;
}

function otherFieldsChanged(a: NodeInstance, b: NodeInstance): boolean {
  return a.type !== b.type || a.version !== b.version || a.placement !== b.placement;
}

function docFieldsChanged(a: PipelineDoc, b: PipelineDoc): boolean {
  return a.name !== b.name || a.description !== b.description || stableKey(a.settings) !== stableKey(b.settings) || stableKey(a.triggers) !== stableKey(b.triggers);
}
