// Reference statistics of a model version: computed once, when it is registered from a run, from
// the table its train step read, and stored beside the version (model_version_references), so a
// drift check never re-reads the training data.
import { and, eq } from 'drizzle-orm';
import type { PlanStep } from '../../engine/plan';
import { decodeValue } from '../../nodes/codec';
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import { referenceProfile, type ReferenceColumn } from '../../nodes/monitor/drift/reference-profile';
import type { ReferenceProfile } from '../../nodes/monitor/drift/reference-types';
import { readColumn } from '../../nodes/table/read-column';
import type { Db } from '../db/client';
import { stepRuns } from '../db/schema';
import { readArtifactBytesSync } from '../store/artifact-files';

export interface VersionReference {
  dataArtifactId: string;
  profile: ReferenceProfile;
}

/**
 * The profile of the table on the train step's `train` input (its only table input otherwise), for
 * the model's raw input columns and its target. Null when the step read no table.
 */
export function referenceOfTrainStep(db: Db, dataDir: string, runId: string, step: PlanStep, model: ModelArtifact): VersionReference | null {
  const input = step.inputs.train ?? Object.values(step.inputs)[0];
  if (!input) return null;
  const upstream = db
    .select({ outputs: stepRuns.outputs })
    .from(stepRuns)
    .where(and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, input.fromStep)))
    .get();
  const ref = upstream?.outputs?.[input.output];
  if (!ref || ref.kind !== 'table') return null;
  const decoded = decodeValue('table', readArtifactBytesSync(dataDir, ref.id));
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
  return { dataArtifactId: ref.id, profile: referenceProfile(features as ReferenceColumn[], column(model.target), table.numRows) };
}
