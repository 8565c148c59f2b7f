// Deleting a model version keeps its row (the record of what existed, and its lineage) and marks
// its model artifact released, so GC can free the bytes once no other version or run needs them.
// A version an alias points at, or that an endpoint serves, cannot go: serving and people follow them.
import { and, eq, isNull } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { markReleased } from './release';
import { audit } from '../auth/audit';

export function deleteModelVersion(db: AnyDb, input: { modelId: string; version: number; userId: string | null }): Promise<{ modelId: string; version: number }> {
  return withTransaction(db, async (tx) => {
    // pg: registry, deploy (models, versions, aliases and requests are pg-registry's; deployments,
    // endpoints and deploy requests pg-deploy's); read and updated here on the handle.
    const { aliasRequests, deployments, deployRequests, endpoints, modelAliases, modelVersions, registeredModels } = tx.t;
    const model = first(await tx.select().from(registeredModels).where(eq(registeredModels.id, input.modelId)).limit(1));
    if (!model) throw new UserError(`Model ${input.modelId} does not exist`, { field: 'modelId' });
    const version = first(
      await tx
        .select()
        .from(modelVersions)
        .where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, input.version)))
        .limit(1),
    );
    if (!version) throw new UserError(`"${model.name}" has no version ${input.version}`, { field: 'version' });
    if (version.deletedAt !== null) throw new UserError(`Version ${input.version} of "${model.name}" is deleted already`, { field: 'version' });
    const aliases = await tx.select({ alias: modelAliases.alias }).from(modelAliases).where(eq(modelAliases.versionId, version.id));
    if (aliases.length > 0) {
      const names = aliases.map((a) => a.alias).join(', ');
      throw new UserError(`Version ${input.version} of "${model.name}" holds ${names}; move ${aliases.length === 1 ? 'that alias' : 'those aliases'} first`, { field: 'version' });
    }
    // Serving loads a live deployment's artifact: GC must never free it under a running endpoint.
    const serving = await tx
      .select({ endpoint: endpoints.name, role: deployments.role })
      .from(deployments)
      .innerJoin(endpoints, eq(endpoints.id, deployments.endpointId))
      .where(and(eq(deployments.versionId, version.id), isNull(deployments.retiredAt)));
    if (serving.length > 0) {
      const where = serving.map((d) => `"${d.endpoint}" as ${d.role}`).join(', ');
      throw new UserError(`Version ${input.version} of "${model.name}" serves ${where}; roll it back, replace it or undeploy first`, { field: 'version' });
    }
    const now = Date.now();
    await tx.update(modelVersions).set({ deletedAt: now, deletedBy: input.userId }).where(eq(modelVersions.id, version.id));
    // A pending request to move an alias onto it can no longer be granted.
    await tx.update(aliasRequests).set({ state: 'withdrawn', decidedAt: now, decisionComment: 'the version was deleted' }).where(and(eq(aliasRequests.versionId, version.id), eq(aliasRequests.state, 'pending')));
    await tx.update(deployRequests).set({ state: 'withdrawn', decidedAt: now, decisionComment: 'the version was deleted' }).where(and(eq(deployRequests.versionId, version.id), eq(deployRequests.state, 'pending')));
    await markReleased(tx, [version.artifactId], `${model.name} v${input.version} deleted`, now);
    await audit(tx, {
      userId: input.userId,
      action: 'model.version.delete',
      targetType: 'model',
      targetId: model.id,
      detail: { model: model.name, version: input.version },
    });
    return { modelId: model.id, version: input.version };
  });
}
