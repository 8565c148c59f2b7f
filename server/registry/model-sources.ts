// What compile needs to know about registered models, answered from the prefetched sources
// (server/pipelines/compile-sources.ts): the artifact of a model's version named by "latest", a
// number or an alias, so a node that reads one (deploy/batch-score's `model` param) has a source
// key that follows the version an alias points at. Models are looked up in the pipeline's project;
// a pipeline not saved yet sees a name only when one project has it.
import { nodeName } from '../../engine/compile-names';
import { didYouMean } from '../../engine/did-you-mean';
import type { PipelineDoc } from '../../engine/document';
import type { NodeRegistry, SourceKeyEnv } from '../../engine/node-definition';
import type { CompileIssue } from '../../engine/plan';
import { batchScoreNode } from '../../nodes/deploy/batch-score.node.ts';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import type { CompileSources } from '../pipelines/compile-sources';

/** The key of one [model name, version] asked about. */
export const pairKey = (name: string, version: string) => JSON.stringify([name, version]);

async function projectOf(db: AnyDb, pipelineId: string): Promise<string | undefined> {
  const { pipelines } = db.t;
  return first(await db.select({ projectId: pipelines.projectId }).from(pipelines).where(eq(pipelines.id, pipelineId)).limit(1))?.projectId;
}

/**
 * The model names the pipeline could name, for "did you mean": its project's, or for a pipeline not
 * saved yet those only one project has (modelVersionArtifacts finds no other). Another project's
 * name would be a suggestion the pipeline cannot follow.
 */
export async function usableModelNames(db: AnyDb, pipelineId: string): Promise<string[]> {
  const { registeredModels } = db.t;
  const projectId = await projectOf(db, pipelineId);
  if (projectId) return (await db.select({ name: registeredModels.name }).from(registeredModels).where(eq(registeredModels.projectId, projectId))).map((m) => m.name);
  const names = (await db.select({ name: registeredModels.name }).from(registeredModels)).map((m) => m.name);
  return names.filter((name) => names.indexOf(name) === names.lastIndexOf(name));
}

/** The artifact of each [model name, version] in the pipeline's project, by pairKey; absent when there is none. */
export async function modelVersionArtifacts(db: AnyDb, pipelineId: string, pairs: readonly [string, string][]): Promise<Map<string, string>> {
  const { registeredModels, modelVersions, modelAliases } = db.t;
  const projectId = await projectOf(db, pipelineId);
  const modelIds = new Map<string, string | null>();
  const out = new Map<string, string>();
  for (const [name, version] of pairs) {
    if (!modelIds.has(name)) {
      const models = await db
        .select({ id: registeredModels.id })
        .from(registeredModels)
        .where(projectId ? and(eq(registeredModels.projectId, projectId), eq(registeredModels.name, name)) : eq(registeredModels.name, name));
      modelIds.set(name, models.length === 1 ? models[0].id : null);
    }
    const modelId = modelIds.get(name);
    if (!modelId) continue;
    const live = and(eq(modelVersions.modelId, modelId), isNull(modelVersions.deletedAt));
    const pick = { id: modelVersions.artifactId };
    let found: { id: string } | null;
    if (version === 'latest') found = first(await db.select(pick).from(modelVersions).where(live).orderBy(desc(modelVersions.version)).limit(1));
    else if (/^[1-9][0-9]*$/.test(version)) found = first(await db.select(pick).from(modelVersions).where(and(live, eq(modelVersions.version, Number(version)))).limit(1));
    else {
      found = first(
        await db
          .select(pick)
          .from(modelAliases)
          .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
          .where(and(eq(modelAliases.modelId, modelId), eq(modelAliases.alias, version), isNull(modelVersions.deletedAt)))
          .limit(1),
      );
    }
    if (found) out.set(pairKey(name, version), found.id);
  }
  return out;
}

export function modelSourceEnv(sources: CompileSources): Pick<SourceKeyEnv, 'modelVersionArtifact'> {
  return { modelVersionArtifact: (name, version) => sources.modelArtifact(name, version) };
}

/** An issue for every batch score node naming a model or version the project does not have, tied to its field. */
export function modelIssues(sources: CompileSources, doc: PipelineDoc, registry: NodeRegistry, env: Pick<SourceKeyEnv, 'modelVersionArtifact'>): CompileIssue[] {
  const issues: CompileIssue[] = [];
  for (const node of doc.nodes) {
    if (node.type !== batchScoreNode.type) continue;
    const def = registry.get(node.type, node.version);
    const parsed = def?.params.safeParse(node.params);
    if (!def || !parsed?.success) continue; // compile reports those itself
    const { model, version } = parsed.data as { model: string; version: string };
    if (model === '' || env.modelVersionArtifact?.(model, version) !== undefined) continue;
    const base = { severity: 'error' as const, code: 'invalid_params' as const, nodeId: node.id };
    const known = env.modelVersionArtifact?.(model, 'latest') !== undefined;
    if (!known) {
      issues.push({ ...base, field: 'params.model', message: `${nodeName(node, def)}: there is no registered model "${model}" in this project.${didYouMean(model, sources.modelNames())}` });
    } else {
      const which = /^\d+$/.test(version) ? `version ${version}` : `alias "${version}"`;
      issues.push({ ...base, field: 'params.version', message: `${nodeName(node, def)}: model "${model}" has no ${which}` });
    }
  }
  return issues;
}
