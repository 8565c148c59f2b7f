// Compile, pass 2: each edge: unique id, both ends exist, both ports exist, kinds agree, and
// at most one edge per input. Then every required input must have its edge.
import type { CheckedNode } from './compile-nodes';
import { edgeName, kindPhrase, listNames, nodeName } from './compile-names';
import type { EdgeInstance } from './document';
import type { PortSpec } from './node-definition';
import type { CompileIssue } from './plan';

export interface CheckedEdges {
  /** First occurrence of each edge id, sorted by id. */
  edges: EdgeInstance[];
  /** target node id → input port → the edge feeding it (the first by id when there are several). */
  wired: Map<string, Map<string, EdgeInstance>>;
  issues: CompileIssue[];
}

export function checkEdges(all: readonly EdgeInstance[], nodes: Map<string, CheckedNode>): CheckedEdges {
  const issues: CompileIssue[] = [];
  const edges = uniqueEdges(all, issues);
  const wired = new Map<string, Map<string, EdgeInstance>>();
  for (const edge of edges) {
    const from = endOf(edge, 'source', nodes, issues);
    const to = endOf(edge, 'target', nodes, issues);
    if (to) {
      const inputs = wired.get(edge.target) ?? new Map<string, EdgeInstance>();
      wired.set(edge.target, inputs);
      const first = inputs.get(edge.targetHandle);
      if (first) issues.push(secondEdgeIssue(edge, first, nodes.get(edge.target)!));
      else inputs.set(edge.targetHandle, edge);
    }
    if (from && to && from.kind !== to.kind) {
      const source = nodeName(nodes.get(edge.source)!.node, nodes.get(edge.source)!.def);
      const target = nodeName(nodes.get(edge.target)!.node, nodes.get(edge.target)!.def);
      const message =
        `${edgeName(edge)}: output "${from.name}" of ${source} carries ${kindPhrase(from.kind)}, ` +
        `but input "${to.name}" of ${target} takes ${kindPhrase(to.kind)}`;
      issues.push({ severity: 'error', code: 'port_kind_mismatch', edgeId: edge.id, nodeId: edge.target, message });
    }
  }
  return { edges, wired, issues };
}

function uniqueEdges(all: readonly EdgeInstance[], issues: CompileIssue[]): EdgeInstance[] {
  const first = new Map<string, EdgeInstance>();
  const counts = new Map<string, number>();
  for (const edge of all) {
    counts.set(edge.id, (counts.get(edge.id) ?? 0) + 1);
    if (!first.has(edge.id)) first.set(edge.id, edge);
  }
  const ids = [...first.keys()].sort();
  for (const id of ids) {
    if (counts.get(id)! === 1) continue;
    const message = `Edge id "${id}" is used by ${counts.get(id)} edges; each edge needs its own id`;
    issues.push({ severity: 'error', code: 'duplicate_id', edgeId: id, field: 'id', message });
  }
  return ids.map((id) => first.get(id)!);
}

/** The port at one end of an edge, or undefined (with an issue when the graph is at fault). */
function endOf(
  edge: EdgeInstance,
  end: 'source' | 'target',
  nodes: Map<string, CheckedNode>,
  issues: CompileIssue[],
): PortSpec | undefined {
  const checked = nodes.get(edge[end]);
  if (!checked) {
    const where = end === 'source' ? 'comes from' : 'goes to';
    const message = `${edgeName(edge)} ${where} node "${edge[end]}", which is not in the pipeline`;
    issues.push({ severity: 'error', code: 'dangling_edge', edgeId: edge.id, field: end, message });
    return undefined;
  }
  if (!checked.def) return undefined; // Its unknown type is reported already; ports can't be checked.
  const [ports, handle, word] =
    end === 'source'
      ? [checked.def.outputs, edge.sourceHandle, 'output']
      : [checked.def.inputs, edge.targetHandle, 'input'];
  const port = ports.find((p) => p.name === handle);
  if (!port) {
    const names = listNames(ports.map((p) => p.name), `it has no ${word}s`);
    const owner = nodeName(checked.node, checked.def);
    const message = `${edgeName(edge)}: ${owner} has no ${word} "${handle}" (${word}s: ${names})`;
    const field = `${end}Handle`;
    issues.push({ severity: 'error', code: 'unknown_port', edgeId: edge.id, nodeId: checked.node.id, field, message });
  }
  return port;
}

function secondEdgeIssue(edge: EdgeInstance, first: EdgeInstance, target: CheckedNode): CompileIssue {
  const message =
    `${nodeName(target.node, target.def)}: input "${edge.targetHandle}" takes one edge, ` +
    `but edges "${first.id}" and "${edge.id}" both lead into it`;
  const field = `inputs.${edge.targetHandle}`;
  return { severity: 'error', code: 'multiple_edges_into_input', edgeId: edge.id, nodeId: edge.target, field, message };
}

export function missingInputIssues(nodes: Map<string, CheckedNode>, wired: CheckedEdges['wired']): CompileIssue[] {
  const issues: CompileIssue[] = [];
  for (const id of [...nodes.keys()].sort()) {
    const { node, def } = nodes.get(id)!;
    for (const input of def?.inputs ?? []) {
      if (input.optional || wired.get(id)?.has(input.name)) continue;
      const message = `${nodeName(node, def)}: input "${input.name}" (${input.kind}) is not connected`;
      issues.push({ severity: 'error', code: 'missing_input', nodeId: id, field: `inputs.${input.name}`, message });
    }
  }
  return issues;
}
