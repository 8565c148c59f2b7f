// What compile needs to know about datasets, answered from the prefetched sources: each name's
// latest version (the ingest/dataset node's source key), its size, shape and columns, and an issue
// for every name or pinned version that does not exist, tied to the node and field, so the canvas
// marks it before anything runs.
import { nodeName } from '../../engine/compile-names';
import type { ColumnsEnv } from '../../engine/columns';
import type { PipelineDoc } from '../../engine/document';
import type { NodeRegistry, SourceKeyEnv } from '../../engine/node-definition';
import type { CompileIssue } from '../../engine/plan';
import { didYouMean } from '../../engine/did-you-mean';
import { datasetNode } from '../../nodes/ingest/dataset.node.ts';
import type { CompileSources } from './compile-sources';

/** Source keys read the pinned version of a pinned name (sources.pins), else the latest. */
export function datasetSourceEnv(sources: CompileSources): SourceKeyEnv {
  const datasetHash = (name: string) => sources.pins.get(name) ?? sources.latestHash(name);
  return {
    datasetHash,
    datasetBytes(name, hash) {
      const id = hash ?? datasetHash(name);
      return id ? sources.artifactBytes(id) : undefined;
    },
    datasetShape(name, hash) {
      const id = hash ?? datasetHash(name);
      const version = id ? sources.version(name, id) : undefined;
      return version ? { rows: version.rows, columns: version.columns.length } : undefined;
    },
  };
}

/** Columns of stored dataset versions (the latest when no hash is given), for column inference before running. */
export function datasetColumnsEnv(sources: CompileSources): ColumnsEnv {
  return {
    datasetColumns(name, hash) {
      const id = hash ?? sources.latestHash(name);
      return id ? sources.version(name, id)?.columns : undefined;
    },
  };
}

export function datasetIssues(sources: CompileSources, doc: PipelineDoc, registry: NodeRegistry, env: SourceKeyEnv): CompileIssue[] {
  const issues: CompileIssue[] = [];
  for (const node of doc.nodes) {
    if (node.type !== datasetNode.type) continue;
    const def = registry.get(node.type, node.version);
    const parsed = def?.params.safeParse(node.params);
    if (!def || !parsed?.success) continue; // compile reports those itself
    const { name, version } = parsed.data as { name: string; version: string };
    const base = { severity: 'error' as const, code: 'invalid_params' as const, nodeId: node.id };
    if (!name) {
      issues.push({ ...base, field: 'params.name', message: `${nodeName(node, def)}: choose a dataset by name` });
    } else if (env.datasetHash?.(name) === undefined) {
      const hint = didYouMean(name, sources.datasetNames());
      issues.push({
        ...base,
        field: 'params.name',
        message: `${nodeName(node, def)}: there is no dataset named "${name}".${hint || ' Upload it on the Datasets page.'}`,
      });
    } else if (version !== 'latest' && sources.version(name, version) === undefined) {
      issues.push({ ...base, field: 'params.version', message: `${nodeName(node, def)}: version ${version.slice(0, 12)}… is not a version of dataset "${name}"` });
    }
  }
  return issues;
}
