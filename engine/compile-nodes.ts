// Compile, pass 1: each node on its own: unique id, known type and version, valid params
// (parsed, so the plan carries the defaults) and a runtime that the node supports.
import { canonicalJSON } from './canonical-json';
import { fieldProblem, listNames, nodeName } from './compile-names';
import type { NodeInstance, PipelineDoc } from './document';
import type { NodeDefinition, NodeRegistry, Placement } from './node-definition';
import { resolvePlacement } from './placement';
import type { CompileIssue } from './plan';
import { didYouMean } from './did-you-mean';
import { unknownKeys, type UnknownKey } from './unknown-keys';
import { humanZodMessage } from './zod-messages';

export interface CheckedNode {
  node: NodeInstance;
  /** Absent when the type or version is unknown. */
  def?: NodeDefinition;
  /** Parsed params with defaults applied; absent when they are invalid. */
  params?: Record<string, unknown>;
  placement?: Placement;
}

export function checkNodes(
  doc: PipelineDoc,
  registry: NodeRegistry,
  preferred: Placement | undefined,
): { nodes: Map<string, CheckedNode>; issues: CompileIssue[] } {
  const nodes = new Map<string, CheckedNode>();
  const issues: CompileIssue[] = [];
  const counts = new Map<string, number>();
  for (const node of doc.nodes) {
    counts.set(node.id, (counts.get(node.id) ?? 0) + 1);
    if (!nodes.has(node.id)) nodes.set(node.id, { node });
  }
  for (const id of [...nodes.keys()].sort()) {
    const count = counts.get(id)!;
    if (count > 1) {
      const message = `Node id "${id}" is used by ${count} nodes; each node needs its own id`;
      issues.push({ severity: 'error', code: 'duplicate_id', nodeId: id, field: 'id', message });
    }
    const checked = nodes.get(id)!;
    checked.def = findDefinition(checked.node, registry, issues);
    if (!checked.def) continue;
    checked.params = parseParams(checked.node, checked.def, issues);
    const setting = checked.node.placement ?? doc.settings?.placement ?? 'auto';
    checked.placement = resolvePlacement(setting, checked.def.runsOn, preferred) ?? undefined;
    if (!checked.placement) issues.push(placementIssue(checked.node, checked.def, setting));
  }
  return { nodes, issues };
}

function placementIssue(node: NodeInstance, def: NodeDefinition, setting: string): CompileIssue {
  const field = node.placement ? 'placement' : 'settings.placement';
  const asked = node.placement ? `placement "${setting}"` : `the pipeline's placement "${setting}"`;
  const message =
    def.runsOn.length === 0
      ? `${nodeName(node, def)}: this node type declares no runtime it can run on`
      : `${nodeName(node, def)}: ${asked} is not supported; this node runs on ${def.runsOn.join(' or ')} only`;
  return { severity: 'error', code: 'placement_unsupported', nodeId: node.id, field, message };
}

function findDefinition(node: NodeInstance, registry: NodeRegistry, issues: CompileIssue[]) {
  const latest = registry.latestVersion(node.type);
  if (latest === undefined) {
    const message = `${nodeName(node)}: "${node.type}" is not a known node type`;
    issues.push({ severity: 'error', code: 'unknown_node_type', nodeId: node.id, field: 'type', message });
    return undefined;
  }
  const def = registry.get(node.type, node.version);
  if (!def) {
    const message =
      `${nodeName(node)}: version ${node.version} of "${node.type}" does not exist (the newest is ${latest})`;
    issues.push({ severity: 'error', code: 'unknown_node_version', nodeId: node.id, field: 'version', message });
  }
  return def;
}

function parseParams(node: NodeInstance, def: NodeDefinition, issues: CompileIssue[]) {
  const name = nodeName(node, def);
  // zod would strip a misspelt key and run the default in its place, so it is an error here.
  const unknown = unknownKeys(def.params, node.params);
  for (const u of unknown) issues.push(unknownParamIssue(node, name, u));
  const parsed = def.params.safeParse(node.params, { error: humanZodMessage });
  if (!parsed.success || unknown.length > 0) {
    for (const issue of parsed.error?.issues ?? []) {
      if (issue.code === 'unrecognized_keys') continue; // reported above, with a suggestion
      const field = ['params', ...issue.path.map(String)].join('.');
      const message = `${name}: ${fieldProblem(field, issue.message)}`;
      issues.push({ severity: 'error', code: 'invalid_params', nodeId: node.id, field, message });
    }
    return undefined;
  }
  // Parsed params go into the plan and the cache key, so they must be plain JSON.
  try {
    canonicalJSON(parsed.data);
  } catch (error) {
    const message = `${name}: params cannot be stored as JSON (${(error as Error).message})`;
    issues.push({ severity: 'error', code: 'invalid_params', nodeId: node.id, field: 'params', message });
    return undefined;
  }
  return parsed.data as Record<string, unknown>;
}

function unknownParamIssue(node: NodeInstance, name: string, u: UnknownKey): CompileIssue {
  const key = [...u.path, u.key].join('.');
  const where = u.path.length === 0 ? "this node's params" : `params.${u.path.join('.')}`;
  const hint = didYouMean(u.key, u.known) || ` (${where}: ${listNames(u.known, 'none')})`;
  const message = `${name}: unknown param "${key}".${hint}`;
  return { severity: 'error', code: 'unknown_param', nodeId: node.id, field: `params.${key}`, message };
}
