// A train node's `register` option: when its run succeeds, the step's model becomes the next
// version of the named model, through the same registerModelVersion as the button. What happened
// is written to the step's log, so the run shows "Registered as churn v4" or why it could not.
import { UserError } from '../../engine/errors';
import type { Plan } from '../../engine/plan';
import type { Db } from '../db/client';
import { runs, stepLogs } from '../db/schema';
import { eq } from 'drizzle-orm';
import { registerModelVersion } from './register';
import { draftFromRunStep } from './run-version-draft';

export function registerRequestedModels(db: Db, dataDir: string, runId: string): void {
  const run = db.select({ plan: runs.plan, createdBy: runs.createdBy }).from(runs).where(eq(runs.id, runId)).get();
  if (!run) return;
  for (const step of (run.plan as Plan).steps) {
    const name = step.params.register;
    if (typeof name !== 'string' || name === '' || !Object.values(step.outputs).includes('model')) continue;
    const log = (level: 'info' | 'warn', message: string) => db.insert(stepLogs).values({ runId, stepId: step.id, at: Date.now(), level, message }).run();
    try {
      const { projectId, draft } = draftFromRunStep(db, dataDir, { runId, stepId: step.id });
      const registered = registerModelVersion(db, { projectId, modelName: name, draft, userId: run.createdBy, via: 'auto' });
      log('info', registered.created ? `Registered as ${registered.modelName} v${registered.version}` : `Already registered as ${registered.modelName} v${registered.version} (the same model); no new version`);
    } catch (error) {
      // The run itself succeeded; a registration that could not happen is reported, not fatal.
      log('warn', `Could not register the model as "${name}": ${(error as Error).message}`);
      if (!(error instanceof UserError)) console.error(`[run ${runId}] registering ${step.id}`, error);
    }
  }
}
