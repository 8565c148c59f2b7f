// A train node's `register` option: when its run succeeds, the step's model becomes the next
// version of the named model, through the same registerModelVersion as the button. What happened
// is written to the step's log, so the run shows "Registered as churn v4" or why it could not.
import { eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { Plan, PlanStep } from '../../engine/plan';
import { first, type AnyDb } from '../db/any-db';
import { registerModelVersion, type RegisteredVersion } from './register';
import { draftFromRunStep } from './run-version-draft';

export async function registerRequestedModels(db: AnyDb, dataDir: string, runId: string): Promise<void> {
  const { runs, stepLogs } = db.t;
  const run = first(await db.select({ plan: runs.plan, createdBy: runs.createdBy }).from(runs).where(eq(runs.id, runId)).limit(1));
  if (!run) return;
  for (const [step, name] of requestedRegistrations(run.plan as Plan)) {
    let outcome: { level: 'info' | 'warn'; message: string };
    try {
      const { projectId, draft } = await draftFromRunStep(db, dataDir, { runId, stepId: step.id });
      outcome = registeredMessage(await registerModelVersion(db, { projectId, modelName: name, draft, userId: run.createdBy, via: 'auto' }));
    } catch (error) {
      outcome = failedMessage(runId, step, name, error);
    }
    await db.insert(stepLogs).values({ runId, stepId: step.id, at: Date.now(), ...outcome });
  }
}

/** The model-output steps whose `register` param names a model. */
function requestedRegistrations(plan: Plan): [PlanStep, string][] {
  return plan.steps.flatMap((step): [PlanStep, string][] => {
    const name = step.params.register;
    return typeof name === 'string' && name !== '' && Object.values(step.outputs).includes('model') ? [[step, name]] : [];
  });
}

function registeredMessage(registered: RegisteredVersion): { level: 'info'; message: string } {
  return {
    level: 'info',
    message: registered.created ? `Registered as ${registered.modelName} v${registered.version}` : `Already registered as ${registered.modelName} v${registered.version} (the same model); no new version`,
  };
}

/** The run itself succeeded; a registration that could not happen is reported, not fatal. */
function failedMessage(runId: string, step: PlanStep, name: string, error: unknown): { level: 'warn'; message: string } {
  if (!(error instanceof UserError)) console.error(`[run ${runId}] registering ${step.id}`, error);
  return { level: 'warn', message: `Could not register the model as "${name}": ${(error as Error).message}` };
}
