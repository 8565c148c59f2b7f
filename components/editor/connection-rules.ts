// Whether a connection may be drawn, and if not, why, in words an analyst can act on. The same
// rules the server applies when it compiles (engine/compile-edges.ts, compile-graph.ts): ports
// must exist and carry the same kind, an input takes one edge, and the graph has no loops.
import { displayName, typeOf, type ConnectionAttempt, type NodeInstance, type PipelineDoc, type TypeIndex } from './editor-types';

export function connectionRefusal(doc: PipelineDoc, types: TypeIndex, c: ConnectionAttempt): string | null {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const source = byId.get(c.source);
  const target = byId.get(c.target);
  if (!source || !target) return 'That node is no longer in the pipeline';
  const name = (n: NodeInstance) => displayName(n, types);
  if (source.id === target.id) return `${name(source)} cannot connect to itself`;

  const sourceType = typeOf(types, source);
  const targetType = typeOf(types, target);
  for (const [node, type] of [[source, sourceType], [target, targetType]] as const) {
    if (!type) return `${name(node)} is an unknown node type (${node.type} v${node.version}); its ports cannot be connected`;
  }
  const output = sourceType!.outputs.find((p) => p.name === c.sourceHandle);
  if (!output) return `${name(source)} has no output '${c.sourceHandle ?? ''}'`;
  const input = targetType!.inputs.find((p) => p.name === c.targetHandle);
  if (!input) return `${name(target)} has no input '${c.targetHandle ?? ''}'`;
  if (output.kind !== input.kind) return `A ${output.kind} output cannot go into a ${input.kind} input`;

  if (doc.edges.some((e) => e.target === target.id && e.targetHandle === input.name)) {
    return `Input '${input.name}' of ${name(target)} already has a connection — remove it first`;
  }

  const loop = pathBetween(doc, target.id, source.id);
  if (loop) {
    const names = [source.id, ...loop].map((id) => name(byId.get(id)!));
    return `This connection would make a loop (${names.join(' → ')}); a pipeline must not feed back into itself`;
  }
  return null;
}

/** A path of node ids from `from` to `to` along edges (both ends included), or null. */
function pathBetween(doc: PipelineDoc, from: string, to: string): string[] | null {
  const outgoing = new Map<string, string[]>();
  for (const e of doc.edges) {
    const list = outgoing.get(e.source);
    if (list) list.push(e.target);
    else outgoing.set(e.source, [e.target]);
  }
  const cameFrom = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i];
    if (at === to) {
      const path: string[] = [];
      for (let step: string | null = at; step !== null; step = cameFrom.get(step) ?? null) path.unshift(step);
      return path;
    }
    for (const next of outgoing.get(at) ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, at);
      queue.push(next);
    }
  }
  return null;
}
