// How compile messages name things: by the label the user sees, falling back to the id.
import type { EdgeInstance, NodeInstance } from './document';
import { assertNever } from './assert-never';
import type { NodeDefinition } from './node-definition';
import type { PortKind } from './port-kinds';

export function nodeName(node: Pick<NodeInstance, 'id' | 'label'>, def?: Pick<NodeDefinition, 'title'>): string {
  const shown = node.label?.trim() || node.id;
  return def ? `Node "${shown}" (${def.title})` : `Node "${shown}"`;
}

export function edgeName(edge: Pick<EdgeInstance, 'id'>): string {
  return `Edge "${edge.id}"`;
}

export function listNames(names: readonly string[], none: string): string {
  return names.length === 0 ? none : names.map((n) => `"${n}"`).join(', ');
}

/** `field` then the problem; a problem written as a sentence gets a colon before it. */
export function fieldProblem(field: string, problem: string): string {
  return /^[a-z]/.test(problem) ? `${field} ${problem}` : `${field}: ${problem}`;
}

/** "a table", "metrics": a port kind as a phrase in a sentence. */
export function kindPhrase(kind: PortKind): string {
  switch (kind) {
    case 'table':
    case 'model':
    case 'deployment':
    case 'report':
      return `a ${kind}`;
    case 'metrics':
      return 'metrics';
    default:
      return assertNever(kind, 'port kind');
  }
}
