// Freezes what produced a model at registration: the train step and everything upstream of it in
// its run's plan (params, code hashes, cache keys, the artifacts each step wrote), the data that
// entered from outside, and the pipeline version. Kept with the version, it outlives the run.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Plan, PlanStep } from '../../engine/plan';
import { sampleDatasetNode } from '../../nodes/ingest/sample-dataset.node.ts';
import { first, type AnyDb } from '../db/any-db';
import type { Run, StepRun } from '../db/schema';
import type { LineageSource, LineageStep, ModelLineage } from './version-types';

/** The ids of `stepId` and every step it reads from, directly or not, in plan order. */
export function upstreamSteps(plan: Plan, stepId: string): PlanStep[] {
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const wanted = new Set<string>();
  const visit = (id: string) => {
    if (wanted.has(id) || !byId.has(id)) return;
    wanted.add(id);
    for (const input of Object.values(byId.get(id)!.inputs)) visit(input.fromStep);
  };
  visit(stepId);
  return plan.steps.filter((s) => wanted.has(s.id));
}

export async function lineageOfRunStep(db: AnyDb, run: Run, stepId: string, output: string, metricsFrom: ModelLineage['metricsFrom']): Promise<ModelLineage> {
  const { stepRuns, pipelines, pipelineVersions, datasets, datasetVersions } = db.t;
  const planned = upstreamSteps(run.plan as Plan, stepId);
  const rows = await db
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
    .where(and(eq(stepRuns.runId, run.id), inArray(stepRuns.stepId, planned.map((s) => s.id))));
  const steps = lineageSteps(run.plan as Plan, planned, rows);
  const pipeline = run.pipelineVersionId
    ? first(
        await db
          .select({ id: pipelines.id, name: pipelines.name, version: pipelineVersions.version, versionId: pipelineVersions.id, contentHash: pipelineVersions.contentHash })
          .from(pipelineVersions)
          .innerJoin(pipelines, eq(pipelines.id, pipelineVersions.pipelineId))
          .where(eq(pipelineVersions.id, run.pipelineVersionId))
          .limit(1),
      )
    : null;
  const keys = [...new Set(steps.flatMap((s) => (s.sourceKey ? [s.sourceKey] : [])))];
  const versions = keys.length
    ? await db
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
    : [];
  return lineageOf(run, stepId, output, steps, pipeline, versions, metricsFrom);
}

type LineageRow = Pick<StepRun, 'stepId' | 'status' | 'outputs' | 'cachedFromRunId' | 'implementationHash' | 'pipeworksVersion' | 'runner' | 'backend' | 'ranBy' | 'trust'>;

/** A dataset version whose artifact an ingest step read, with that artifact's id. */
type SourceVersion = Omit<Extract<LineageSource, { kind: 'dataset' }>, 'kind' | 'stepId'>;

/** Each planned step as it ran (or was queued) in the run. */
function lineageSteps(plan: Plan, planned: PlanStep[], rows: LineageRow[]): LineageStep[] {
  const ran = new Map(rows.map((r) => [r.stepId, r]));
  return planned.map((s) => {
    const row = ran.get(s.id);
    const outputs = Object.fromEntries(Object.entries(row?.outputs ?? {}).map(([name, ref]) => [name, { id: ref.id, kind: ref.kind, size: ref.size }]));
    return {
      id: s.id,
      type: s.type,
      version: s.version,
      ...(s.label ? { label: s.label } : {}),
      params: s.params,
      codeHash: s.fingerprint?.codeHash ?? `builtin:${s.type}@${s.version}`,
      implementationHash: row?.implementationHash ?? s.implementationHash ?? null,
      pipeworksVersion: row?.pipeworksVersion ?? plan.build?.pipeworksVersion ?? null,
      ...(plan.build?.upgradesCacheCompatible ? { upgradesCacheCompatible: true as const } : {}),
      cacheKey: s.cacheKey,
      ...(s.fingerprint && 'sourceKey' in s.fingerprint ? { sourceKey: s.fingerprint.sourceKey ?? null } : {}),
      inputs: s.inputs,
      outputs,
      status: row?.status ?? 'queued',
      cachedFromRunId: row?.cachedFromRunId ?? null,
      runner: row?.runner ?? null,
      backend: row?.backend ?? null,
      ranBy: row?.ranBy ?? null,
      trust: row?.trust ?? null,
    };
  });
}

function lineageOf(
  run: Run,
  stepId: string,
  output: string,
  steps: LineageStep[],
  pipeline: ModelLineage['pipeline'],
  versions: SourceVersion[],
  metricsFrom: ModelLineage['metricsFrom'],
): ModelLineage {
  return {
    run: { id: run.id, trigger: run.trigger, createdAt: run.createdAt, createdBy: run.createdBy },
    pipeline,
    stepId,
    output,
    steps,
    sources: steps.flatMap((s) => sourceOf(s, versions)),
    metricsFrom,
  };
}

/** The outside data an ingest step read: a dataset version (by its artifact), or a bundled sample. */
function sourceOf(step: LineageStep, versions: SourceVersion[]): LineageSource[] {
  if (!step.sourceKey) return [];
  const read = versions.filter((v) => v.artifactId === step.sourceKey);
  // The same bytes can be a version of two datasets; the one the step named wins.
  const named = read.find((v) => v.name === step.params.name) ?? read[0];
  if (named) return [{ kind: 'dataset', stepId: step.id, ...named }];
  if (step.type === sampleDatasetNode.type) return [{ kind: 'sample', stepId: step.id, name: String(step.params.dataset ?? step.id), artifactId: step.sourceKey }];
  return [];
}
