// Column params checked against the columns that flow into the node (engine/column-flow.ts, as the
// canvas infers them): a name the input does not have is reported with the columns it does have.
// Where an input's columns are not known before running, its params are not checked.
import type { DocColumns } from './columns';
import { namedColumns } from './column-params';
import { checkNodes } from './compile-nodes';
import { nodeName } from './compile-names';
import { closestName } from './did-you-mean';
import type { PipelineDoc } from './document';
import type { NodeRegistry } from './node-definition';
import type { CompileIssue } from './plan';

/**
 * Nodes whose column params state what the data should hold rather than what to read: a missing
 * column there is the data-validation gate failing at run time (`run --gate`), so only a warning.
 */
const EXPECTATION_NODES = new Set(['clean/validate']);
const SHOWN_COLUMNS = 30;

export function columnParamIssues(doc: PipelineDoc, registry: NodeRegistry, columns: DocColumns): CompileIssue[] {
  const { nodes } = checkNodes(doc, registry, undefined);
  const issues: CompileIssue[] = [];
  for (const { node, def, params } of nodes.values()) {
    if (!def || params === undefined || !Object.hasOwn(columns, node.id)) continue;
    const inputs = columns[node.id].inputs;
    for (const named of namedColumns(def.params, params)) {
      const available = Object.hasOwn(inputs, named.port) ? inputs[named.port] : null;
      if (!available || available.some((c) => c.name === named.column)) continue;
      const names = available.map((c) => c.name);
      const guess = closestName(named.column, names);
      const shown = names.length > SHOWN_COLUMNS ? `${names.slice(0, SHOWN_COLUMNS).join(', ')} and ${names.length - SHOWN_COLUMNS} more` : names.join(', ');
      issues.push({
        severity: EXPECTATION_NODES.has(def.type) ? 'warning' : 'error',
        code: 'unknown_column',
        nodeId: node.id,
        field: `params.${named.path}`,
        message: `${nodeName(node, def)}: params.${named.path} names column "${named.column}", which its ${named.port} input does not have.${guess ? ` Did you mean "${guess}"?` : ''} Available columns: ${shown || 'none'}`,
      });
    }
  }
  return issues;
}
