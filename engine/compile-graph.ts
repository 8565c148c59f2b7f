// Compile, pass 3: the graph as a whole: run order, cycles, and nodes wired to nothing.
import type { CheckedNode } from './compile-nodes';
import { nodeName } from './compile-names';
import type { EdgeInstance } from './document';
import { indexGraph } from './graph';
import { findCycles, topologicalOrder } from './graph-order';
import type { CompileIssue } from './plan';

export function checkGraph(
  nodes: Map<string, CheckedNode>,
  edges: readonly EdgeInstance[],
  /** Every edge in the document, duplicates included: any of them means a node is wired. */
  allEdges: readonly EdgeInstance[] = edges,
): { order: string[]; issues: CompileIssue[] } {
  const index = indexGraph({ nodes: [...nodes.values()].map((c) => c.node), edges });
  const { order, blocked } = topologicalOrder(index);
  const issues: CompileIssue[] = [];
  if (blocked.length > 0) {
    for (const cycle of findCycles(index)) {
      const names = [...cycle, cycle[0]].map((id) => nodeName(nodes.get(id)!.node).replace(/^Node /, ''));
      const message = `These nodes form a loop: ${names.join(' → ')}; a pipeline must not feed back into itself`;
      issues.push({ severity: 'error', code: 'cycle', nodeIds: cycle, message });
    }
  }
  if (nodes.size > 1) {
    const touched = new Set(allEdges.flatMap((e) => [e.source, e.target]));
    for (const id of [...nodes.keys()].sort()) {
      if (touched.has(id)) continue;
      const { node, def } = nodes.get(id)!;
      const message = `${nodeName(node, def)} is not connected to anything and will run on its own`;
      issues.push({ severity: 'warning', code: 'disconnected_node', nodeId: id, message });
    }
  }
  return { order, issues };
}
