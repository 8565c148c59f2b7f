// PipelineDoc → Plan. Pure: no I/O, no clock, no randomness. Every issue is returned, each tied
// to a node, an edge or a field, so the canvas can mark all of them at once.
import { docContentHash } from './cache-key';
import { checkEdges, missingInputIssues } from './compile-edges';
import { checkGraph } from './compile-graph';
import { checkNodes } from './compile-nodes';
import { buildSteps } from './compile-steps';
import type { PipelineDoc } from './document';
import { subgraphUpTo } from './graph';
import type { NodeRegistry, SourceKeyEnv } from './node-definition';
import type { PlacementEnv } from './placement';
import type { CompileIssue, Plan } from './plan';
import { err, ok, type Result } from './result';

export type CompileEnv = SourceKeyEnv & PlacementEnv & CodeKeyEnv;

export interface CodeKeyEnv {
  /**
   * The admin's "treat upgrades as cache-compatible": built-in nodes are keyed by type and
   * version only, so results computed by an earlier build's code stay reusable. Off by default.
   */
  upgradesCacheCompatible?: boolean;
}

const EMPTY_PIPELINE: CompileIssue = {
  severity: 'error',
  code: 'empty_pipeline',
  message: 'This pipeline has no nodes yet: add one from the palette (or start from a template), then connect them',
};

export function compile(doc: PipelineDoc, registry: NodeRegistry, env: CompileEnv = {}): Result<Plan, CompileIssue[]> {
  const checked = checkNodes(doc, registry, env.defaultPlacement);
  const edges = checkEdges(doc.edges, checked.nodes);
  const graph = checkGraph(checked.nodes, edges.edges, doc.edges);
  const issues = [
    ...checked.issues,
    ...edges.issues,
    ...missingInputIssues(checked.nodes, edges.wired),
    ...graph.issues,
    // An empty plan would "succeed" having done nothing; say what to do instead.
    ...(doc.nodes.length === 0 ? [EMPTY_PIPELINE] : []),
  ];
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return err([...errors, ...issues.filter((i) => i.severity === 'warning')]);
  return ok({
    pipelineId: doc.id,
    docHash: docContentHash(doc),
    steps: buildSteps(graph.order, checked.nodes, edges.wired, env, doc.settings?.placement),
    warnings: issues,
    ...planBuild(registry, env),
  });
}

/**
 * Plans "run up to here": the node and what it reads from, ignoring problems elsewhere in the
 * document. docHash stays the whole document's, since the run belongs to that version.
 */
export function compileForRunUpTo(
  doc: PipelineDoc,
  registry: NodeRegistry,
  nodeId: string,
  env: CompileEnv = {},
): Result<Plan, CompileIssue[]> {
  if (!doc.nodes.some((n) => n.id === nodeId)) {
    const message = `Node "${nodeId}" is not in this pipeline, so there is nothing to run up to`;
    return err([{ severity: 'error', code: 'invalid_document', nodeId, message }]);
  }
  const result = compile(subgraphUpTo(doc, nodeId), registry, env);
  return result.ok ? ok({ ...result.value, docHash: docContentHash(doc) }) : result;
}

function planBuild(registry: NodeRegistry, env: CodeKeyEnv): Pick<Plan, 'build'> {
  if (!registry.build) return {};
  return { build: { ...registry.build, ...(env.upgradesCacheCompatible ? { upgradesCacheCompatible: true } : {}) } };
}
