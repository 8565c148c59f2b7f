// pg: runs. The synchronous twin of draftFromRunStep (and the lineage and reference it
// reads), for the run store's auto-register, still inside its sync event handler.
// The shaping is shared with the async versions; only the reads are here. Delete this file when
// the run store awaits draftFromRunStep on an AnyDb.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Plan, PlanStep } from '../../engine/plan';
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import { UserError } from '../../engine/errors';
import type { Db } from '../db/client';
import { datasets, datasetVersions, pipelines, pipelineVersions, runs, stepRuns, type Run } from '../db/schema';
import { readArtifactBytesSync } from '../store/artifact-files';
import { lineageOf, lineageSteps, upstreamSteps } from './lineage-snapshot';
import { referenceOfTable, trainInput, type VersionReference } from './reference-stats';
import type { VersionDraft } from './register';
import { draftOf, evaluationReaders, metricsOf, modelArtifactId, modelOf, modelOutput, planStep, scoringStep, shortRun, type RunStepSource } from './run-version-draft';
import type { ModelLineage } from './version-types';

export function draftFromRunStepSync(db: Db, dataDir: string, source: RunStepSource): { projectId: string; draft: VersionDraft } {
  const run = db.select().from(runs).where(eq(runs.id, source.runId)).get();
  if (!run) throw new UserError(`Run ${source.runId} was not found`);
  const step = planStep(run, source.stepId);
  const output = modelOutput(step, source.output);
  const row = db.select().from(stepRuns).where(and(eq(stepRuns.runId, run.id), eq(stepRuns.stepId, step.id))).get();
  const artifactId = modelArtifactId(run, step, row, output);
  const model = modelOf(artifactId, readArtifactBytesSync(dataDir, artifactId));
  const readers = evaluationReaders(run.plan as Plan, step.id, output);
  const scored = readers.length
    ? db.select({ stepId: stepRuns.stepId, status: stepRuns.status, outputs: stepRuns.outputs }).from(stepRuns).where(and(eq(stepRuns.runId, run.id), inArray(stepRuns.stepId, readers.map((r) => r.id)))).all()
    : [];
  const scorer = scoringStep(readers, scored);
  const evaluation = scorer && { ...scorer, metrics: metricsOf(readArtifactBytesSync(dataDir, scorer.artifactId)) };
  const project = db.select({ projectId: pipelines.projectId }).from(pipelines).where(eq(pipelines.id, run.pipelineId)).get();
  if (!project) throw new UserError(`The pipeline of run ${shortRun(run)} no longer exists`);
  const lineage = lineageOfRunStepSync(db, run, step.id, output, scorer);
  const reference = referenceOfTrainStepSync(db, dataDir, run.id, step, model);
  return { projectId: project.projectId, draft: draftOf(run, step, artifactId, model, evaluation, lineage, reference) };
}

function lineageOfRunStepSync(db: Db, run: Run, stepId: string, output: string, metricsFrom: ModelLineage['metricsFrom']): ModelLineage {
  const planned = upstreamSteps(run.plan as Plan, stepId);
  const rows = db
    .select({
      stepId: stepRuns.stepId,
      status: stepRuns.status,
      outputs: stepRuns.outputs,
      cachedFromRunId: stepRuns.cachedFromRunId,
      implementationHash: stepRuns.implementationHash,
      pipeworksVersion: stepRuns.pipeworksVersion,
      runner: stepRuns.runner,
      backend: stepRuns.backend,
      ranBy: stepRuns.ranBy,
      trust: stepRuns.trust,
    })
    .from(stepRuns)
    .where(and(eq(stepRuns.runId, run.id), inArray(stepRuns.stepId, planned.map((s) => s.id))))
    .all();
  const steps = lineageSteps(run.plan as Plan, planned, rows);
  const pipeline = run.pipelineVersionId
    ? (db
        .select({ id: pipelines.id, name: pipelines.name, version: pipelineVersions.version, versionId: pipelineVersions.id, contentHash: pipelineVersions.contentHash })
        .from(pipelineVersions)
        .innerJoin(pipelines, eq(pipelines.id, pipelineVersions.pipelineId))
        .where(eq(pipelineVersions.id, run.pipelineVersionId))
        .get() ?? null)
    : null;
  const keys = [...new Set(steps.flatMap((s) => (s.sourceKey ? [s.sourceKey] : [])))];
  const versions = keys.length
    ? db
        .select({
          artifactId: datasetVersions.artifactId,
          datasetId: datasets.id,
          name: datasets.name,
          datasetVersionId: datasetVersions.id,
          version: datasetVersions.version,
          sourceFilename: datasetVersions.sourceFilename,
          format: datasetVersions.format,
          rows: datasetVersions.rows,
        })
        .from(datasetVersions)
        .innerJoin(datasets, eq(datasets.id, datasetVersions.datasetId))
        .where(inArray(datasetVersions.artifactId, keys))
        .orderBy(asc(datasetVersions.createdAt), asc(datasetVersions.id))
        .all()
    : [];
  return lineageOf(run, stepId, output, steps, pipeline, versions, metricsFrom);
}

function referenceOfTrainStepSync(db: Db, dataDir: string, runId: string, step: PlanStep, model: ModelArtifact): VersionReference | null {
  const input = trainInput(step);
  if (!input) return null;
  const upstream = db.select({ outputs: stepRuns.outputs }).from(stepRuns).where(and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, input.fromStep))).get();
  const ref = upstream?.outputs?.[input.output];
  if (!ref || ref.kind !== 'table') return null;
  return referenceOfTable(ref.id, readArtifactBytesSync(dataDir, ref.id), model);
}
