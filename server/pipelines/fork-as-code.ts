// "Fork as code node" on the server: reads the node's params as its schema does and the columns
// arriving at it as the live compile knows them, checks them as the node would, and answers the
// code/transform that replaces it (same id, so its edges stay): the code, and the node's own
// output columns declared, so pickers downstream keep seeing them. The editor applies it.
import { parseDocument } from '../../engine/document';
import { UserError } from '../../engine/errors';
import { FORK_TYPE, FORK_VERSION, forkCode, forkRefusal } from '../../nodes/code/fork/fork-as-code';
import type { ColumnInfo } from '../../nodes/values';
import type { AnyDb } from '../db/any-db';
import { docColumns } from './compile-doc';
import { serverRegistry } from './registry';

export interface ForkedNode {
  type: string;
  version: number;
  label: string;
  params: { code: string; outputColumns: ColumnInfo[] };
}

export async function forkAsCode(db: AnyDb, input: { doc: unknown; nodeId: string }): Promise<ForkedNode> {
  const parsed = parseDocument(input.doc);
  if (!parsed.ok) throw new UserError(`The pipeline document is not valid: ${parsed.error[0]?.message ?? 'unknown problem'}`);
  const node = parsed.value.nodes.find((n) => n.id === input.nodeId);
  if (!node) throw new UserError(`There is no node "${input.nodeId}" in this pipeline`, { nodeId: input.nodeId });
  const def = serverRegistry().get(node.type, node.version);
  if (!def) throw new UserError(`Node "${node.id}" has an unknown type ${node.type}@${node.version}`, { nodeId: node.id });
  const refusal = forkRefusal(def);
  if (refusal) throw new UserError(`"${def.title}" does not fork as code: ${refusal}`, { nodeId: node.id });
  const params = def.params.safeParse(node.params);
  if (!params.success) throw new UserError(`Fix the params of "${node.label ?? def.title}" first: ${params.error.issues[0]?.message ?? 'they do not parse'}`, { nodeId: node.id });
  const columns = (await docColumns(db, parsed.value))[node.id]?.inputs.table;
  if (!columns) {
    throw new UserError(`The columns arriving at "${node.label ?? def.title}" are not known before a run, and the code is written for them; connect its input to data whose columns are known (a dataset, or a code node with declared output columns)`, { nodeId: node.id });
  }
  const inputColumns = columns as ColumnInfo[];
  const output = def.outputColumns ? def.outputColumns(params.data, { table: inputColumns }, {}).table : inputColumns;
  if (!output) throw new UserError(`The columns "${node.label ?? def.title}" returns are not known before a run`, { nodeId: node.id });
  const code = forkCode(def.type, params.data, inputColumns);
  return {
    type: FORK_TYPE,
    version: FORK_VERSION,
    label: `${node.label?.trim() || def.title} (code)`,
    params: { code, outputColumns: output.map(({ name, type, role }) => ({ name, type, role }) as ColumnInfo) },
  };
}
