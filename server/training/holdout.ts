// What a finished retrain run offers a challenge: the version it registered of the endpoint's model
// (the challenger), and the table its evaluate step scored that model on (the fresh holdout: the
// split's test side in this run) with that step's params (decision threshold, costs, gates).
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ArtifactRef, Plan, PlanStep } from '../../engine/plan';
import type { Db } from '../db/client';
import { modelVersions, registeredModels, stepRuns, type ModelVersion } from '../db/schema';

export interface RetrainOutcome {
  challenger: ModelVersion;
  evaluate: PlanStep;
  holdout: ArtifactRef;
}

/** The outcome, or in words why the run offers none. */
export function retrainOutcome(db: Db, run: { id: string; plan: Plan }, modelId: string): RetrainOutcome | { missing: string } {
  const challenger = db
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.runId, run.id), eq(modelVersions.modelId, modelId), isNull(modelVersions.deletedAt)))
    .orderBy(desc(modelVersions.version))
    .get();
  if (!challenger) {
    const name = db.select({ name: registeredModels.name }).from(registeredModels).where(eq(registeredModels.id, modelId)).get()?.name ?? modelId;
    return { missing: `The run registered no new version of "${name}" (set its train step's "register" to "${name}"; a model identical to the newest version registers nothing)` };
  }
  const evaluate = run.plan.steps.find((s) => s.type === 'evaluate/model' && s.inputs.model?.fromStep === challenger.stepId);
  if (!evaluate?.inputs.table) return { missing: `No evaluate step of the run scores the model of step "${challenger.stepId}", so there is no holdout to compare on` };
  const source = evaluate.inputs.table;
  const outputs = db.select({ outputs: stepRuns.outputs }).from(stepRuns).where(and(eq(stepRuns.runId, run.id), eq(stepRuns.stepId, source.fromStep))).get()?.outputs;
  const holdout = outputs?.[source.output];
  if (!holdout) return { missing: `Step "${source.fromStep}" recorded no "${source.output}" table in the run` };
  return { challenger, evaluate, holdout: { id: holdout.id, kind: holdout.kind, size: holdout.size } };
}
