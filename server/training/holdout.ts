// What a finished retrain run offers a challenge: the version it registered of the endpoint's model
// (the challenger), and the table its evaluate step scored that model on (the fresh holdout: the
// split's test side in this run) with that step's params (decision threshold, costs, gates).
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ArtifactRef, Plan, PlanStep } from '../../engine/plan';
import { first, type AnyDb } from '../db/any-db';
import type { ModelVersion } from '../db/schema';

export interface RetrainOutcome {
  challenger: ModelVersion;
  evaluate: PlanStep;
  holdout: ArtifactRef;
}

/** The outcome, or in words why the run offers none. */
export async function retrainOutcome(db: AnyDb, run: { id: string; plan: Plan }, modelId: string): Promise<RetrainOutcome | { missing: string }> {
  const { modelVersions, registeredModels, stepRuns } = db.t;
  const challenger = first(
    await db
      .select()
      .from(modelVersions)
      .where(and(eq(modelVersions.runId, run.id), eq(modelVersions.modelId, modelId), isNull(modelVersions.deletedAt)))
      .orderBy(desc(modelVersions.version))
      .limit(1),
  );
  if (!challenger) {
    const name = first(await db.select({ name: registeredModels.name }).from(registeredModels).where(eq(registeredModels.id, modelId)).limit(1))?.name ?? modelId;
    return { missing: `The run registered no new version of "${name}" (set its train step's "register" to "${name}"; a model identical to the newest version registers nothing)` };
  }
  const evaluate = run.plan.steps.find((s) => s.type === 'evaluate/model' && s.inputs.model?.fromStep === challenger.stepId);
  if (!evaluate?.inputs.table) return { missing: `No evaluate step of the run scores the model of step "${challenger.stepId}", so there is no holdout to compare on` };
  const source = evaluate.inputs.table;
  const outputs = first(await db.select({ outputs: stepRuns.outputs }).from(stepRuns).where(and(eq(stepRuns.runId, run.id), eq(stepRuns.stepId, source.fromStep))).limit(1))?.outputs;
  const holdout = outputs?.[source.output];
  if (!holdout) return { missing: `Step "${source.fromStep}" recorded no "${source.output}" table in the run` };
  return { challenger, evaluate, holdout: { id: holdout.id, kind: holdout.kind, size: holdout.size } };
}
