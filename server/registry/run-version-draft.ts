// A version drafted from a train step's output in a run: the model's bytes and signature, the
// metrics of the evaluate step that scored it, the train params, and the frozen lineage.
import { and, eq, inArray } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { Plan, PlanStep } from '../../engine/plan';
import { decodeValue } from '../../nodes/codec';
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import { first, type AnyDb } from '../db/any-db';
import type { Run, StepRun } from '../db/schema';
import { serverRegistry } from '../pipelines/registry';
import { flatParams } from '../runs/param-rows';
import { readArtifactBytes } from '../store/artifact-files';
import { lineageOfRunStep } from './lineage-snapshot';
import { referenceOfTrainStep, type VersionReference } from './reference-stats';
import type { VersionDraft } from './register';
import type { ModelLineage, ModelSignature } from './version-types';

export interface RunStepSource {
  runId: string;
  stepId: string;
  /** The model output to register; may be left out when the step has exactly one. */
  output?: string;
}

/** The evaluate step whose metrics a version carries, and those metrics. */
export interface Evaluation {
  stepId: string;
  artifactId: string;
  metrics: Record<string, number>;
}

/** The draft plus the project it belongs to (the run's pipeline's). */
export async function draftFromRunStep(db: AnyDb, dataDir: string, source: RunStepSource): Promise<{ projectId: string; draft: VersionDraft }> {
  const { runs, stepRuns, pipelines } = db.t;
  const run = first(await db.select().from(runs).where(eq(runs.id, source.runId)).limit(1));
  if (!run) throw new UserError(`Run ${source.runId} was not found`);
  const step = planStep(run, source.stepId);
  const output = modelOutput(step, source.output);
  const row = first(await db.select().from(stepRuns).where(and(eq(stepRuns.runId, run.id), eq(stepRuns.stepId, step.id))).limit(1));
  const artifactId = modelArtifactId(run, step, row, output);
  const model = modelOf(artifactId, await readArtifactBytes(dataDir, artifactId));
  const readers = evaluationReaders(run.plan as Plan, step.id, output);
  const scored = readers.length
    ? await db
        .select({ stepId: stepRuns.stepId, status: stepRuns.status, outputs: stepRuns.outputs })
        .from(stepRuns)
        .where(and(eq(stepRuns.runId, run.id), inArray(stepRuns.stepId, readers.map((r) => r.id))))
    : [];
  const scorer = scoringStep(readers, scored);
  const evaluation = scorer && { ...scorer, metrics: metricsOf(await readArtifactBytes(dataDir, scorer.artifactId)) };
  const project = first(await db.select({ projectId: pipelines.projectId }).from(pipelines).where(eq(pipelines.id, run.pipelineId)).limit(1));
  if (!project) throw new UserError(`The pipeline of run ${shortRun(run)} no longer exists`);
  const lineage = await lineageOfRunStep(db, run, step.id, output, scorer);
  const reference = await referenceOfTrainStep(db, dataDir, run.id, step, model);
  return { projectId: project.projectId, draft: draftOf(run, step, artifactId, model, evaluation, lineage, reference) };
}

export function signatureOf(model: ModelArtifact): ModelSignature {
  return { inputs: model.inputs, target: model.target, task: model.task, labels: model.labels };
}

function planStep(run: Run, stepId: string): PlanStep {
  const step = (run.plan as Plan).steps.find((s) => s.id === stepId);
  if (!step) throw new UserError(`Run ${shortRun(run)} has no step "${stepId}"`, { nodeId: stepId });
  return step;
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

/** The artifact of the step's model output, which must have succeeded (or been cached). */
function modelArtifactId(run: Run, step: PlanStep, row: Pick<StepRun, 'status' | 'outputs'> | null | undefined, output: string): string {
  const ref = row?.outputs?.[output];
  if (!row || (row.status !== 'succeeded' && row.status !== 'cached') || !ref) {
    throw new UserError(`Step "${step.id}" has no model in run ${shortRun(run)} (it ${row?.status ?? 'did not run'}); register a model from a step that succeeded`, { nodeId: step.id });
  }
  return ref.id;
}

function modelOf(artifactId: string, bytes: Uint8Array): ModelArtifact {
  const decoded = decodeValue('model', bytes);
  if (decoded.kind !== 'model') throw new Error(`Artifact ${artifactId} is not a model`);
  return decoded.model;
}

/** The steps that read this model output and write metrics, furthest downstream first. */
function evaluationReaders(plan: Plan, stepId: string, output: string): PlanStep[] {
  return plan.steps
    .filter((s) => Object.values(s.inputs).some((i) => i.fromStep === stepId && i.output === output) && Object.values(s.outputs).includes('metrics'))
    .reverse();
}

/**
 * The evaluate step that scored this model in the run, and its metrics artifact. When several did
 * (validation and test, say), the last in plan order: the one furthest downstream, usually the held-out test.
 */
function scoringStep(readers: PlanStep[], rows: Pick<StepRun, 'stepId' | 'status' | 'outputs'>[]): Omit<Evaluation, 'metrics'> | null {
  for (const reader of readers) {
    const row = rows.find((r) => r.stepId === reader.id);
    const ref = Object.values(row?.outputs ?? {}).find((r) => r.kind === 'metrics');
    if (ref && (row?.status === 'succeeded' || row?.status === 'cached')) return { stepId: reader.id, artifactId: ref.id };
  }
  return null;
}

/** The finite numbers of a metrics artifact. */
function metricsOf(bytes: Uint8Array): Record<string, number> {
  const decoded = decodeValue('metrics', bytes);
  const values = decoded.kind === 'metrics' ? decoded.metrics.metrics : undefined;
  const metrics: Record<string, number> = {};
  if (values && typeof values === 'object' && !Array.isArray(values)) {
    for (const [name, value] of Object.entries(values)) if (typeof value === 'number' && Number.isFinite(value)) metrics[name] = value;
  }
  return metrics;
}

/** The draft a run step's model makes, from what was read of it. */
function draftOf(
  run: Run,
  step: PlanStep,
  artifactId: string,
  model: ModelArtifact,
  evaluation: Evaluation | null,
  lineage: ModelLineage,
  reference: VersionReference | null,
): VersionDraft {
  const publish = new Set(serverRegistry().get(step.type, step.version)?.publishParams ?? []);
  const params = Object.fromEntries(Object.entries(step.params).filter(([key]) => !publish.has(key)));
  return {
    source: 'run',
    format: model.format,
    artifactId,
    signature: signatureOf(model),
    metrics: evaluation?.metrics ?? {},
    params: Object.fromEntries(flatParams(params).map((row) => [row.key, row.value])),
    runId: run.id,
    stepId: step.id,
    pipelineId: run.pipelineId,
    pipelineVersionId: run.pipelineVersionId,
    lineage,
    reference,
  };
}

function shortRun(run: Pick<Run, 'id'>): string {
  return run.id.slice(0, 8);
}
