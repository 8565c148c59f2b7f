// Starting a run: pin the pipeline version, compile it, store the plan, hand it to the runner.
import { UserError } from '../../engine/errors';
import { parseDocument } from '../../engine/document';
import type { Db } from '../db/client';
import { DocumentIssuesError } from '../api/errors';
import { insertRun, type RunTrigger } from '../runners/run-store';
import { getRunManager } from '../runtime';
import { compileDoc } from './compile-doc';
import { getVersion } from './versions';

export interface StartRunInput {
  pipelineId: string;
  version?: number;
  upTo?: string;
  trigger: RunTrigger;
  userId: string | null;
}

export function startRun(db: Db, input: StartRunInput): { runId: string; version: number } {
  const stored = getVersion(db, input.pipelineId, input.version);
  if (!stored) throw new UserError(`Pipeline "${input.pipelineId}"${input.version ? ` version ${input.version}` : ''} does not exist`);
  const parsed = parseDocument(stored.doc);
  if (!parsed.ok) throw new DocumentIssuesError('The saved pipeline is not valid', parsed.error);
  const compiled = compileDoc(db, parsed.value, input.upTo);
  if (!compiled.ok) {
    const errors = compiled.error.filter((i) => i.severity === 'error');
    throw new DocumentIssuesError(`The pipeline has ${errors.length} problem${errors.length === 1 ? '' : 's'}; fix them before running`, compiled.error);
  }
  const plan = compiled.value.plan;
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
