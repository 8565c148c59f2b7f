// Column schemas flowing along edges before anything runs, for the inspector's column pickers.
// Reads the document the way compile does (same node, param and edge checks) but never fails:
// whatever compile would reject just leaves its columns unknown (null).
import type { ColumnsEnv, DocColumns, PortColumns } from './columns';
import { checkEdges } from './compile-edges';
import { checkNodes, type CheckedNode } from './compile-nodes';
import type { EdgeInstance, PipelineDoc } from './document';
import { indexGraph } from './graph';
import { topologicalOrder } from './graph-order';
import type { NodeDefinition, NodeRegistry, PortSpec } from './node-definition';

export function inferColumns(doc: PipelineDoc, registry: NodeRegistry, env: ColumnsEnv = {}): DocColumns {
  const { nodes } = checkNodes(doc, registry, undefined);
  const { edges, wired } = checkEdges(doc.edges, nodes);
  const { order, blocked } = topologicalOrder(indexGraph({ nodes: [...nodes.values()].map((c) => c.node), edges }));
  const columns: DocColumns = {};
  // Own keys only: an edge's handle is user text, and '__proto__' must not reach Object.prototype.
  const outputOf = (nodeId: string, port: string) => {
    const node = Object.hasOwn(columns, nodeId) ? columns[nodeId] : undefined;
    return node && Object.hasOwn(node.outputs, port) ? node.outputs[port] : null;
  };
  for (const id of order) {
    const checked = nodes.get(id)!;
    const inputs = inputColumns(checked, wired.get(id), outputOf);
    columns[id] = { inputs, outputs: checked.def ? outputsOf(checked, inputs, env) : {} };
  }
  // On a loop or below one: what flows in from outside the loop is known, nothing flows out.
  for (const id of blocked) {
    const checked = nodes.get(id)!;
    const inputs = inputColumns(checked, wired.get(id), outputOf);
    columns[id] = { inputs, outputs: nullPorts(checked.def?.outputs ?? []) };
  }
  return columns;
}

function inputColumns(
  { def }: CheckedNode,
  edges: ReadonlyMap<string, EdgeInstance> | undefined,
  outputOf: (nodeId: string, port: string) => PortColumns[string],
): PortColumns {
  const inputs: PortColumns = {};
  for (const port of def?.inputs ?? []) {
    const edge = edges?.get(port.name);
    inputs[port.name] = port.kind === 'table' && edge ? outputOf(edge.source, edge.sourceHandle) : null;
  }
  return inputs;
}

function outputsOf(checked: CheckedNode, inputs: PortColumns, env: ColumnsEnv): PortColumns {
  const def = checked.def!;
  // Invalid params: a node's own outputColumns cannot say; the default copy does not read params.
  if (def.outputColumns && checked.params === undefined) return nullPorts(def.outputs);
  try {
    return nodeOutputColumns(def, checked.params, inputs, env);
  } catch {
    // A node's schema code must not break the editor; an unknown schema only turns pickers into text.
    return nullPorts(def.outputs);
  }
}

/**
 * One node's output columns: its own outputColumns, or by default a copy of the first table
 * input's columns on every table output. Only table outputs carry columns; the rest are null.
 * Exported so node tests can compare it with a real run.
 */
export function nodeOutputColumns(def: NodeDefinition, params: unknown, inputs: PortColumns, env: ColumnsEnv = {}): PortColumns {
  const declared = def.outputColumns ? def.outputColumns(params, inputs, env) : defaultOutputColumns(def, inputs);
  const outputs: PortColumns = {};
  for (const port of def.outputs) outputs[port.name] = port.kind === 'table' ? (declared[port.name] ?? null) : null;
  return outputs;
}

function defaultOutputColumns(def: NodeDefinition, inputs: PortColumns): PortColumns {
  const first = def.inputs.find((p) => p.kind === 'table');
  const columns = first ? (inputs[first.name] ?? null) : null;
  return Object.fromEntries(def.outputs.map((p) => [p.name, columns && columns.map((c) => ({ ...c }))]));
}

function nullPorts(ports: readonly PortSpec[]): PortColumns {
  return Object.fromEntries(ports.map((p) => [p.name, null]));
}
