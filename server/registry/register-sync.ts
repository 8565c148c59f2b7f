// pg: deploy. The synchronous twin of registerModelVersion (register.ts), for the serving test
// kit's registerModel, which still takes the legacy Db. Delete this file when it awaits
// registerModelVersion on an AnyDb.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import type { Db } from '../db/client';
import { modelVersionMetrics, modelVersionParams, modelVersionReferences, modelVersions, projects, registeredModels, stepRuns } from '../db/schema';
import { isTrusted, trustOf } from '../trust/result-trust';
import { assertApproved, parseModelName, type RegisteredVersion, type RegisterRequest, type UnverifiedStep, type VersionDraft } from './register';

/** Lineage steps of a run-made draft whose result the server neither computed nor verified. */
function unverifiedLineage(db: Db, draft: VersionDraft): UnverifiedStep[] {
  if (!draft.runId) return [];
  const ids = draft.lineage.steps.map((s) => s.id);
  if (ids.length === 0) return [];
  return db
    .select({ stepId: stepRuns.stepId, trust: stepRuns.trust, runner: stepRuns.runner })
    .from(stepRuns)
    .where(and(eq(stepRuns.runId, draft.runId), inArray(stepRuns.stepId, ids)))
    .all()
    .map((row) => ({ stepId: row.stepId, trust: trustOf(row.trust, row.runner) }))
    .filter((row) => !isTrusted(row.trust));
}

export function registerModelVersionSync(db: Db, request: RegisterRequest): RegisteredVersion {
  const name = { data: parseModelName(request.modelName) };
  const { draft } = request;
  // IMMEDIATE: the write lock is taken before anything is read, so a second process registering
  // at the same moment waits (busy_timeout) instead of failing to upgrade a read lock.
  return db.transaction(
    (tx) => {
      const now = Date.now();
      if (!tx.select({ id: projects.id }).from(projects).where(eq(projects.id, request.projectId)).get()) {
        throw new UserError(`Project "${request.projectId}" was not found`);
      }
      tx.insert(registeredModels)
        .values({ id: randomUUID(), projectId: request.projectId, name: name.data, description: '', createdBy: request.userId, createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: [registeredModels.projectId, registeredModels.name] })
        .run();
      const unverified = unverifiedLineage(tx, draft);
      if (unverified.length > 0) assertApproved(request, unverified);
      const model = tx
        .select({ id: registeredModels.id })
        .from(registeredModels)
        .where(and(eq(registeredModels.projectId, request.projectId), eq(registeredModels.name, name.data)))
        .get()!;
      if (request.via === 'auto') {
        const newest = tx
          .select({ id: modelVersions.id, version: modelVersions.version, artifactId: modelVersions.artifactId })
          .from(modelVersions)
          .where(and(eq(modelVersions.modelId, model.id), isNull(modelVersions.deletedAt)))
          .orderBy(desc(modelVersions.version))
          .get();
        if (newest?.artifactId === draft.artifactId) {
          return { modelId: model.id, modelName: name.data, versionId: newest.id, version: newest.version, created: false };
        }
      }
      // The number comes from the model row, bumped and read in one statement inside this
      // transaction: two registrations can never see the same number, and a deleted version's
      // number is never handed out again.
      const { lastVersion: version } = tx
        .update(registeredModels)
        .set({ lastVersion: sql`${registeredModels.lastVersion} + 1`, updatedAt: now })
        .where(eq(registeredModels.id, model.id))
        .returning({ lastVersion: registeredModels.lastVersion })
        .get()!;
      const versionId = randomUUID();
      tx.insert(modelVersions)
        .values({
          id: versionId,
          modelId: model.id,
          version,
          source: draft.source,
          format: draft.format,
          artifactId: draft.artifactId,
          signature: draft.signature,
          metrics: draft.metrics,
          runId: draft.runId,
          stepId: draft.stepId,
          pipelineId: draft.pipelineId,
          pipelineVersionId: draft.pipelineVersionId,
          lineage: draft.lineage,
          description: request.description?.trim() ?? '',
          createdBy: request.userId,
          createdAt: now,
        })
        .run();
      const metrics = Object.entries(draft.metrics).map(([metric, value]) => ({ versionId, name: metric, value }));
      if (metrics.length) tx.insert(modelVersionMetrics).values(metrics).run();
      const params = Object.entries(draft.params).map(([key, value]) => ({ versionId, key, value }));
      if (params.length) tx.insert(modelVersionParams).values(params).run();
      if (draft.reference) tx.insert(modelVersionReferences).values({ versionId, ...draft.reference, createdAt: now }).run();
      audit(tx, {
        userId: request.userId,
        action: 'model.register',
        targetType: 'model_version',
        targetId: versionId,
        detail: { model: name.data, modelId: model.id, version, via: request.via, runId: draft.runId, stepId: draft.stepId, artifactId: draft.artifactId },
      });
      if (unverified.length > 0) {
        audit(tx, {
          userId: request.userId,
          action: 'model.approve_unverified',
          targetType: 'model_version',
          targetId: versionId,
          detail: { model: name.data, version, runId: draft.runId, steps: unverified },
        });
      }
      return { modelId: model.id, modelName: name.data, versionId, version, created: true };
    },
    { behavior: 'immediate' },
  );
}
