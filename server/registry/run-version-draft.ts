// A version drafted from a train step's output in a run: the model's bytes and signature, the
// metrics of the evaluate step that scored it, the train params, and the frozen lineage.
import { and, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { Plan, PlanStep } from '../../engine/plan';
import { decodeValue } from '../../nodes/codec';
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import type { Db } from '../db/client';
import { pipelines, runs, stepRuns, type Run } from '../db/schema';
import { serverRegistry } from '../pipelines/registry';
import { flatParams } from '../runs/param-rows';
import { readArtifactBytesSync } from '../store/artifact-files';
import { lineageOfRunStep } from './lineage-snapshot';
import { referenceOfTrainStep } from './reference-stats';
import type { VersionDraft } from './register';
import type { ModelSignature } from './version-types';

export interface RunStepSource {
  runId: string;
  stepId: string;
  /** The model output to register; may be left out when the step has exactly one. */
  output?: string;
}

/** The draft plus the project it belongs to (the run's pipeline's). */
export function draftFromRunStep(db: Db, dataDir: string, source: RunStepSource): { projectId: string; draft: VersionDraft } {
  const run = db.select().from(runs).where(eq(runs.id, source.runId)).get();
  if (!run) throw new UserError(`Run ${source.runId} was not found`);
  const plan = run.plan as Plan;
  const step = plan.steps.find((s) => s.id === source.stepId);
  if (!step) throw new UserError(`Run ${shortRun(run)} has no step "${source.stepId}"`, { nodeId: source.stepId });
  const output = modelOutput(step, source.output);
  const row = db.select().from(stepRuns).where(and(eq(stepRuns.runId, run.id), eq(stepRuns.stepId, step.id))).get();
  const ref = row?.outputs?.[output];
  if (!row || (row.status !== 'succeeded' && row.status !== 'cached') || !ref) {
    throw new UserError(`Step "${step.id}" has no model in run ${shortRun(run)} (it ${row?.status ?? 'did not run'}); register a model from a step that succeeded`, { nodeId: step.id });
  }
  const decoded = decodeValue('model', readArtifactBytesSync(dataDir, ref.id));
  if (decoded.kind !== 'model') throw new Error(`Artifact ${ref.id} is not a model`);
  const model = decoded.model;
  const evaluation = evaluationOf(dataDir, plan, db, run, step.id, output);
  const project = db.select({ projectId: pipelines.projectId }).from(pipelines).where(eq(pipelines.id, run.pipelineId)).get();
  if (!project) throw new UserError(`The pipeline of run ${shortRun(run)} no longer exists`);
  const publish = new Set(serverRegistry().get(step.type, step.version)?.publishParams ?? []);
  const params = Object.fromEntries(Object.entries(step.params).filter(([key]) => !publish.has(key)));
  return {
    projectId: project.projectId,
    draft: {
      source: 'run',
      format: model.format,
      artifactId: ref.id,
      signature: signatureOf(model),
      metrics: evaluation?.metrics ?? {},
      params: Object.fromEntries(flatParams(params).map((row) => [row.key, row.value])),
      runId: run.id,
      stepId: step.id,
      pipelineId: run.pipelineId,
      pipelineVersionId: run.pipelineVersionId,
      lineage: lineageOfRunStep(db, run, step.id, output, evaluation ? { stepId: evaluation.stepId, artifactId: evaluation.artifactId } : null),
      reference: referenceOfTrainStep(db, dataDir, run.id, step, model),
    },
  };
}

export function signatureOf(model: ModelArtifact): ModelSignature {
  return { inputs: model.inputs, target: model.target, task: model.task, labels: model.labels };
}

function modelOutput(step: PlanStep, wanted: string | undefined): string {
  const models = Object.entries(step.outputs).filter(([, kind]) => kind === 'model').map(([name]) => name);
  if (wanted !== undefined) {
    if (models.includes(wanted)) return wanted;
    throw new UserError(`Step "${step.id}" has no model output "${wanted}"${models.length ? `; its model outputs: ${models.join(', ')}` : ''}`, { nodeId: step.id });
  }
  if (models.length === 1) return models[0];
  throw new UserError(
    models.length === 0 ? `Step "${step.id}" (${step.type}) does not output a model` : `Step "${step.id}" has several model outputs; name one of ${models.join(', ')}`,
    { nodeId: step.id },
  );
}

/**
 * The metrics of the evaluate step that scored this model in the run. When several did (validation
 * and test, say), the last in plan order: the one furthest downstream, usually the held-out test.
 */
function evaluationOf(dataDir: string, plan: Plan, db: Db, run: Run, stepId: string, output: string) {
  const readers = plan.steps.filter(
    (s) => Object.values(s.inputs).some((i) => i.fromStep === stepId && i.output === output) && Object.values(s.outputs).includes('metrics'),
  );
  for (const reader of readers.reverse()) {
    const row = db.select({ status: stepRuns.status, outputs: stepRuns.outputs }).from(stepRuns).where(and(eq(stepRuns.runId, run.id), eq(stepRuns.stepId, reader.id))).get();
    const ref = Object.values(row?.outputs ?? {}).find((r) => r.kind === 'metrics');
    if (!ref || (row?.status !== 'succeeded' && row?.status !== 'cached')) continue;
    const decoded = decodeValue('metrics', readArtifactBytesSync(dataDir, ref.id));
    const values = decoded.kind === 'metrics' ? decoded.metrics.metrics : undefined;
    const metrics: Record<string, number> = {};
    if (values && typeof values === 'object' && !Array.isArray(values)) {
      for (const [name, value] of Object.entries(values)) if (typeof value === 'number' && Number.isFinite(value)) metrics[name] = value;
    }
    return { stepId: reader.id, artifactId: ref.id, metrics };
  }
  return null;
}

function shortRun(run: Run): string {
  return run.id.slice(0, 8);
}
