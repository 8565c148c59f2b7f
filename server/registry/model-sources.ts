// What compile needs to know about registered models: the artifact of a model's version named
// by "latest", a number or an alias, so a node that reads one (deploy/batch-score's `model` param)
// has a source key that follows the version an alias points at. Models are looked up in the
// pipeline's project; a pipeline not saved yet sees a name only when one project has it.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { SourceKeyEnv } from '../../engine/node-definition';
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
