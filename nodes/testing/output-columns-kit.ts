// For node tests: what a node's outputColumns (or the engine's default) says next to the columns
// a real run writes into its output tables' Arrow schemas, so a test can require them equal.
import type { ColumnsEnv, PortColumns } from '../../engine/columns';
import { nodeOutputColumns } from '../../engine/column-flow';
import type { NodeRunContext } from '../../engine/node-definition';
import type { PipeworksNode } from '../define-node';
import { readColumnSchema } from '../table/column-schema';
import type { PortValue } from '../values';
import { fakeContext } from './fake-context';

const columnsOf = (value: PortValue | undefined) => (value?.kind === 'table' ? readColumnSchema(value.table) : null);

export async function inferredAndRun<P>(
  node: PipeworksNode<P>,
  raw: Record<string, unknown>,
  inputs: Record<string, PortValue>,
  options: { env?: ColumnsEnv; ctx?: NodeRunContext } = {},
): Promise<{ inferred: PortColumns; ran: PortColumns }> {
  const params = node.params.parse(raw);
  const known = Object.fromEntries(node.inputs.map((p) => [p.name, columnsOf(inputs[p.name])]));
  const inferred = nodeOutputColumns(node, params, known, options.env);
  const outputs = await node.run({ inputs, params, ctx: options.ctx ?? fakeContext() });
  const ran = Object.fromEntries(node.outputs.map((p) => [p.name, columnsOf(outputs[p.name])]));
  return { inferred, ran };
}
