// Registration: every new model version goes through registerModelVersion, whichever way it
// came (a button on a node or run page, a train node's `register` option, an import), so a rule
// that applies to every version has one place to go.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { modelNameSchema } from '../../nodes/models/model-name';
import { audit } from '../auth/audit';
import { canApproveUnverified, type Role } from '../auth/roles';
import { first, type AnyDb } from '../db/any-db';
import type { ModelVersionSource } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { isTrusted, trustOf, trustPhrase, type ResultTrust } from '../trust/result-trust';
import type { VersionReference } from './reference-stats';
import type { ModelLineage, ModelSignature } from './version-types';

/** Everything a new version records, before it has a number. */
export interface VersionDraft {
  source: ModelVersionSource;
  /** The predictor that reads the artifact: a ModelArtifact's format, or 'onnx' for ONNX bytes. */
  format: string;
  artifactId: string;
  signature: ModelSignature;
  metrics: Record<string, number>;
  /** Flattened train params, keyed as run_params are without the step (server/runs/param-rows.ts). */
  params: Record<string, string>;
  runId: string | null;
  stepId: string | null;
  pipelineId: string | null;
  pipelineVersionId: string | null;
  lineage: ModelLineage;
  /** Training-data statistics for drift checks; absent when there is no training table to read. */
  reference?: VersionReference | null;
}

export type RegisterVia = 'manual' | 'auto' | 'import';

export interface RegisterRequest {
  projectId: string;
  modelName: string;
  description?: string;
  draft: VersionDraft;
  userId: string | null;
  /**
   * 'auto' is a train node's `register` option: a re-run whose model is byte-identical to the
   * model's newest version registers nothing new (a cached re-run would otherwise add a copy each time).
   */
  via: RegisterVia;
  /** The registering person's role: only a scientist or admin may approve unverified lineage. */
  role?: Role | null;
  /** An explicit approval of lineage steps the server neither ran nor verified (audited). */
  approveUnverified?: boolean;
}

export interface RegisteredVersion {
  modelId: string;
  modelName: string;
  versionId: string;
  version: number;
  /** False when `via: 'auto'` found the same model already registered as the newest version. */
  created: boolean;
}

/** Lineage steps of a run-made draft whose result the server neither computed nor verified. */
async function unverifiedLineage(db: AnyDb, draft: VersionDraft): Promise<UnverifiedStep[]> {
  if (!draft.runId) return [];
  const ids = draft.lineage.steps.map((s) => s.id);
  if (ids.length === 0) return [];
  const { stepRuns } = db.t;
  const rows = await db
    .select({ stepId: stepRuns.stepId, trust: stepRuns.trust, runner: stepRuns.runner })
    .from(stepRuns)
    .where(and(eq(stepRuns.runId, draft.runId), inArray(stepRuns.stepId, ids)));
  return rows.map((row) => ({ stepId: row.stepId, trust: trustOf(row.trust, row.runner) })).filter((row) => !isTrusted(row.trust));
}

export interface UnverifiedStep {
  stepId: string;
  trust: ResultTrust;
}

export function assertApproved(request: RegisterRequest, unverified: UnverifiedStep[]): void {
  const steps = unverified.map((s) => `"${s.stepId}" (${trustPhrase(s.trust)})`).join(', ');
  if (unverified.some((s) => s.trust === 'mismatch' || s.trust === 'tainted')) {
    throw new UserError(`This model cannot be registered: its lineage has steps that failed the server's verification: ${steps}`);
  }
  if (!request.approveUnverified) {
    throw new UserError(`This model's lineage has steps the server neither ran nor verified: ${steps}. A scientist or an administrator must approve registering it.`, { field: 'approveUnverified' });
  }
  if (!request.role || !canApproveUnverified(request.role)) {
    throw new UserError(`Only a scientist or an administrator may approve a model built on unverified browser results (${steps})`, { field: 'approveUnverified' });
  }
}

export function parseModelName(modelName: string): string {
  const name = modelNameSchema.safeParse(modelName);
  if (!name.success) throw new UserError(name.error.issues[0].message, { field: 'name' });
  return name.data;
}

export async function registerModelVersion(db: AnyDb, request: RegisterRequest): Promise<RegisteredVersion> {
  const modelName = parseModelName(request.modelName);
  const { draft } = request;
  // One transaction (BEGIN IMMEDIATE on SQLite, the advisory lock on Postgres): a second
  // registration at the same moment waits for this one instead of reading the same numbers.
  return withTransaction(db, async (tx) => {
    const { projects, registeredModels, modelVersions, modelVersionMetrics, modelVersionParams, modelVersionReferences } = tx.t;
    const now = Date.now();
    if (!first(await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, request.projectId)).limit(1))) {
      throw new UserError(`Project "${request.projectId}" was not found`);
    }
    await tx
      .insert(registeredModels)
      .values({ id: randomUUID(), projectId: request.projectId, name: modelName, description: '', createdBy: request.userId, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: [registeredModels.projectId, registeredModels.name] });
    const unverified = await unverifiedLineage(tx, draft);
    if (unverified.length > 0) assertApproved(request, unverified);
    const model = first(
      await tx
        .select({ id: registeredModels.id })
        .from(registeredModels)
        .where(and(eq(registeredModels.projectId, request.projectId), eq(registeredModels.name, modelName)))
        .limit(1),
    )!;
    if (request.via === 'auto') {
      const newest = first(
        await tx
          .select({ id: modelVersions.id, version: modelVersions.version, artifactId: modelVersions.artifactId })
          .from(modelVersions)
          .where(and(eq(modelVersions.modelId, model.id), isNull(modelVersions.deletedAt)))
          .orderBy(desc(modelVersions.version))
          .limit(1),
      );
      if (newest?.artifactId === draft.artifactId) {
        return { modelId: model.id, modelName, versionId: newest.id, version: newest.version, created: false };
      }
    }
    // The number comes from the model row, bumped and read in one statement inside this
    // transaction: two registrations can never see the same number, and a deleted version's
    // number is never handed out again.
    const { lastVersion: version } = first(
      await tx
        .update(registeredModels)
        .set({ lastVersion: sql`${registeredModels.lastVersion} + 1`, updatedAt: now })
        .where(eq(registeredModels.id, model.id))
        .returning({ lastVersion: registeredModels.lastVersion }),
    )!;
    const versionId = randomUUID();
    await tx.insert(modelVersions).values({
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
    });
    const metrics = Object.entries(draft.metrics).map(([metric, value]) => ({ versionId, name: metric, value }));
    if (metrics.length) await tx.insert(modelVersionMetrics).values(metrics);
    const params = Object.entries(draft.params).map(([key, value]) => ({ versionId, key, value }));
    if (params.length) await tx.insert(modelVersionParams).values(params);
    if (draft.reference) await tx.insert(modelVersionReferences).values({ versionId, ...draft.reference, createdAt: now });
    await audit(tx, {
      userId: request.userId,
      action: 'model.register',
      targetType: 'model_version',
      targetId: versionId,
      detail: { model: modelName, modelId: model.id, version, via: request.via, runId: draft.runId, stepId: draft.stepId, artifactId: draft.artifactId },
    });
    if (unverified.length > 0) {
      await audit(tx, {
        userId: request.userId,
        action: 'model.approve_unverified',
        targetType: 'model_version',
        targetId: versionId,
        detail: { model: modelName, version, runId: draft.runId, steps: unverified },
      });
    }
    return { modelId: model.id, modelName, versionId, version, created: true };
  });
}

/** Sets a model's description (edited on its page), audited; false when there is no such model. */
export async function describeModel(db: AnyDb, modelId: string, description: string, userId: string): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const { registeredModels } = tx.t;
    const updated = await tx.update(registeredModels).set({ description: description.trim(), updatedAt: Date.now() }).where(eq(registeredModels.id, modelId)).returning({ id: registeredModels.id });
    if (updated.length === 0) return false;
    await audit(tx, { userId, action: 'model.describe', targetType: 'model', targetId: modelId, detail: {} });
    return true;
  });
}
