// Starting a run: pin the pipeline version, compile it, store the plan, hand it to the runner.
import type { Db } from '../db/client';
import { insertRun, type RunTrigger } from '../runners/run-store';
import { getRunManager } from '../runtime';
import { compileStoredVersion } from './compile-doc';

export interface StartRunInput {
  pipelineId: string;
  version?: number;
  upTo?: string;
  trigger: RunTrigger;
  userId: string | null;
}

export function startRun(db: Db, input: StartRunInput): { runId: string; version: number } {
  const { stored, plan } = compileStoredVersion(db, input.pipelineId, input.version, input.upTo);
  const runId = insertRun(db, {
    pipelineId: input.pipelineId,
    pipelineVersionId: stored.id,
    plan,
    trigger: input.trigger,
    createdBy: input.userId,
    targetStep: input.upTo ?? null,
  });
  void getRunManager().start(runId, plan);
  return { runId, version: stored.version };
}
