// Reference statistics of a model version: computed once, when it is registered from a run (or,
// for a version registered before they existed, at its first check), from the table its train step
// read, and stored beside the version (model_version_references), so checks never re-read it.
import { and, eq } from 'drizzle-orm';
import type { Plan, PlanStep } from '../../engine/plan';
import { decodeValue } from '../../nodes/codec';
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import { referenceProfile, type ReferenceColumn } from '../../nodes/monitor/drift/reference-profile';
import type { ReferenceProfile } from '../../nodes/monitor/drift/reference-types';
import { readColumn } from '../../nodes/table/read-column';
import { first, type AnyDb } from '../db/any-db';
import { ArtifactMissingError } from '../store/artifact-errors';
import { readArtifactBytes } from '../store/artifact-files';

export interface VersionReference {
  dataArtifactId: string;
  profile: ReferenceProfile;
}

/** The table input a train step learned from: its `train` input, its only input otherwise. */
function trainInput(step: PlanStep): { fromStep: string; output: string } | null {
  return step.inputs.train ?? Object.values(step.inputs)[0] ?? null;
}

/**
 * The profile of the table on the train step's `train` input (its only table input otherwise), for
 * the model's raw input columns and its target. Null when the step read no table.
 */
export async function referenceOfTrainStep(db: AnyDb, dataDir: string, runId: string, step: PlanStep, model: ModelArtifact): Promise<VersionReference | null> {
  const input = trainInput(step);
  if (!input) return null;
  const { stepRuns } = db.t;
  const upstream = first(await db.select({ outputs: stepRuns.outputs }).from(stepRuns).where(and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, input.fromStep))).limit(1));
  const ref = upstream?.outputs?.[input.output];
  if (!ref || ref.kind !== 'table') return null;
  return referenceOfTable(ref.id, await readArtifactBytes(dataDir, ref.id), model);
}

/** The reference profile of a stored training table's bytes, for the model's inputs and target. */
function referenceOfTable(artifactId: string, bytes: Uint8Array, model: ModelArtifact): VersionReference | null {
  const decoded = decodeValue('table', bytes);
  if (decoded.kind !== 'table') return null;
  const { table, columns } = decoded;
  const known = new Map(columns.map((c) => [c.name, c]));
  const column = (name: string): ReferenceColumn | null => {
    const info = known.get(name);
    return info ? { name, type: info.type, values: readColumn(table, name) } : null;
  };
  const features = model.inputs.filter((c) => c.name !== model.target).map((c) => column(c.name));
  if (features.some((f) => f === null)) {
    const missing = model.inputs.filter((c) => !known.has(c.name)).map((c) => c.name);
    throw new Error(`The training table lacks the model's input columns ${missing.join(', ')}`);
  }
  return { dataArtifactId: artifactId, profile: referenceProfile(features as ReferenceColumn[], column(model.target), table.numRows) };
}

/**
 * The stored reference of a version, computed once now (and stored) for a version registered from
 * a run before reference statistics existed, while its run and training table are still there.
 * Null when there is nothing to compute it from: `why` says what is missing.
 */
export async function ensureReference(db: AnyDb, dataDir: string, versionId: string): Promise<{ profile: ReferenceProfile } | { why: string }> {
  const { modelVersionReferences, modelVersions, runs } = db.t;
  const stored = first(await db.select({ profile: modelVersionReferences.profile }).from(modelVersionReferences).where(eq(modelVersionReferences.versionId, versionId)).limit(1));
  if (stored) return stored;
  const version = first(
    await db.select({ runId: modelVersions.runId, stepId: modelVersions.stepId, artifactId: modelVersions.artifactId }).from(modelVersions).where(eq(modelVersions.id, versionId)).limit(1),
  );
  if (!version?.runId || !version.stepId) return { why: 'it was not registered from a run, so there is no training table to describe' };
  const run = first(await db.select({ plan: runs.plan }).from(runs).where(eq(runs.id, version.runId)).limit(1));
  const step = (run?.plan as Plan | undefined)?.steps.find((s) => s.id === version.stepId);
  if (!step) return { why: 'the run that trained it is gone' };
  let reference: VersionReference | null;
  try {
    const decoded = decodeValue('model', await readArtifactBytes(dataDir, version.artifactId));
    if (decoded.kind !== 'model') return { why: 'its artifact is not a model' };
    reference = await referenceOfTrainStep(db, dataDir, version.runId, step, decoded.model);
  } catch (error) {
    if (error instanceof ArtifactMissingError) return { why: 'its training table is no longer stored' };
    throw error;
  }
  if (!reference) return { why: 'its train step read no table' };
  await db.insert(modelVersionReferences).values({ versionId, ...reference, createdAt: Date.now() }).onConflictDoNothing();
  return { profile: reference.profile };
}
