// What compile needs to know about datasets, read from the database: each name's latest version
// (the ingest/dataset node's source key), and an issue for every name or pinned version that
// does not exist, tied to the node and field, so the canvas marks it before anything runs.
import { nodeName } from '../../engine/compile-names';
import type { PipelineDoc } from '../../engine/document';
import type { NodeRegistry, SourceKeyEnv } from '../../engine/node-definition';
import type { CompileIssue } from '../../engine/plan';
import { datasetNode } from '../../nodes/ingest/dataset.node.ts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { artifacts, datasets, datasetVersions } from '../db/schema';
import { didYouMean } from '../../engine/did-you-mean';
import { isVersionOf, latestHashByName } from '../datasets/dataset-store';

/** `pins`: dataset name → version hash to read instead of the latest (reproducing a run). */
export function datasetSourceEnv(db: Db, pins?: ReadonlyMap<string, string>): SourceKeyEnv {
  const seen = new Map<string, string | undefined>(pins);
  const datasetHash = (name: string) => {
    if (!seen.has(name)) seen.set(name, latestHashByName(db, name));
    return seen.get(name);
  };
  return {
    datasetHash,
    datasetBytes(name, hash) {
      const id = hash ?? datasetHash(name);
      return id ? db.select({ size: artifacts.size }).from(artifacts).where(eq(artifacts.id, id)).get()?.size : undefined;
    },
    datasetShape(name, hash) {
      const id = hash ?? datasetHash(name);
      if (!id) return undefined;
      const version = db
        .select({ rows: datasetVersions.rows, columns: datasetVersions.columns })
        .from(datasetVersions)
        .innerJoin(datasets, eq(datasets.id, datasetVersions.datasetId))
        .where(and(eq(datasets.name, name), eq(datasetVersions.artifactId, id)))
        .get();
      return version ? { rows: version.rows, columns: version.columns.length } : undefined;
    },
  };
}

export function datasetIssues(db: Db, doc: PipelineDoc, registry: NodeRegistry, env: SourceKeyEnv): CompileIssue[] {
  const issues: CompileIssue[] = [];
  let names: string[] | undefined;
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
      const hint = didYouMean(name, (names ??= datasetNames(db)));
      issues.push({
        ...base,
        field: 'params.name',
        message: `${nodeName(node, def)}: there is no dataset named "${name}".${hint || ' Upload it on the Datasets page.'}`,
      });
    } else if (version !== 'latest' && !isVersionOf(db, name, version)) {
      issues.push({ ...base, field: 'params.version', message: `${nodeName(node, def)}: version ${version.slice(0, 12)}… is not a version of dataset "${name}"` });
    }
  }
  return issues;
}

function datasetNames(db: Db): string[] {
  return db.select({ name: datasets.name }).from(datasets).all().map((d) => d.name);
}
