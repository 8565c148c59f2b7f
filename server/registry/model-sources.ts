// What compile needs to know about registered models: the artifact of a model's version named
// by "latest", a number or an alias, so a node that reads one (deploy/batch-score's `model` param)
// has a source key that follows the version an alias points at. Models are looked up in the
// pipeline's project; a pipeline not saved yet sees a name only when one project has it.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { nodeName } from '../../engine/compile-names';
import { didYouMean } from '../../engine/did-you-mean';
import type { PipelineDoc } from '../../engine/document';
import type { NodeRegistry, SourceKeyEnv } from '../../engine/node-definition';
import type { CompileIssue } from '../../engine/plan';
import { batchScoreNode } from '../../nodes/deploy/batch-score.node.ts';
import type { Db } from '../db/client';
import { modelAliases, modelVersions, pipelines, registeredModels } from '../db/schema';

export function modelSourceEnv(db: Db, pipelineId: string): Pick<SourceKeyEnv, 'modelVersionArtifact'> {
  const projectId = db.select({ projectId: pipelines.projectId }).from(pipelines).where(eq(pipelines.id, pipelineId)).get()?.projectId;
  return {
    modelVersionArtifact(name, version) {
      const models = db
        .select({ id: registeredModels.id })
        .from(registeredModels)
        .where(projectId ? and(eq(registeredModels.projectId, projectId), eq(registeredModels.name, name)) : eq(registeredModels.name, name))
        .all();
      if (models.length !== 1) return undefined;
      const live = and(eq(modelVersions.modelId, models[0].id), isNull(modelVersions.deletedAt));
      const artifact = { id: modelVersions.artifactId };
      if (version === 'latest') return db.select(artifact).from(modelVersions).where(live).orderBy(desc(modelVersions.version)).limit(1).get()?.id;
      if (/^[1-9][0-9]*$/.test(version)) return db.select(artifact).from(modelVersions).where(and(live, eq(modelVersions.version, Number(version)))).get()?.id;
      return db
        .select(artifact)
        .from(modelAliases)
        .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
        .where(and(eq(modelAliases.modelId, models[0].id), eq(modelAliases.alias, version), isNull(modelVersions.deletedAt)))
        .get()?.id;
    },
  };
}

/** An issue for every batch score node naming a model or version the project does not have, tied to its field. */
export function modelIssues(db: Db, doc: PipelineDoc, registry: NodeRegistry, env: Pick<SourceKeyEnv, 'modelVersionArtifact'>): CompileIssue[] {
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
      const names = db.select({ name: registeredModels.name }).from(registeredModels).all().map((m) => m.name);
      issues.push({ ...base, field: 'params.model', message: `${nodeName(node, def)}: there is no registered model "${model}" in this project.${didYouMean(model, names)}` });
    } else {
      const which = /^\d+$/.test(version) ? `version ${version}` : `alias "${version}"`;
      issues.push({ ...base, field: 'params.version', message: `${nodeName(node, def)}: model "${model}" has no ${which}` });
    }
  }
  return issues;
}
