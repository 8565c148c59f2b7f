// Lineage as a graph the canvas component draws: backward from a model version to the data it
// was trained on (through every step, with params and code hashes, inside its pipeline version),
// and forward from a dataset version to the runs that read it and the models registered from them.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import { versionAliases } from './registry-list';
import type { LineageSource, ModelLineage } from './version-types';

export type LineageNode =
  | ({ id: string; kind: 'dataset'; focus?: boolean } & Omit<Extract<LineageSource, { kind: 'dataset' }>, 'kind' | 'stepId'>)
  | { id: string; kind: 'sample'; name: string; artifactId: string }
  | {
      id: string;
      kind: 'step';
      parent?: string;
      stepId: string;
      type: string;
      nodeVersion: number;
      label: string | null;
      codeHash: string;
      implementationHash: string | null;
      pipeworksVersion: string | null;
      upgradesCacheCompatible: boolean;
      cacheKey: string | null;
      params: Record<string, unknown>;
      status: string;
      cachedFromRunId: string | null;
      outputs: { name: string; id: string; kind: string; size: number }[];
      /** Provenance, filled in by lineage-provenance.ts where known. */
      runner?: string | null;
      backend?: string | null;
      /** Where the run's plan put the step: 'browser' where a queue worker ran it in its headless browser. */
      placement?: 'browser' | 'server' | null;
      ranByName?: string | null;
      trust?: string | null;
    }
  | { id: string; kind: 'pipeline'; pipelineId: string; name: string; version: number; runId: string | null; runs?: number }
  | { id: string; kind: 'run'; runId: string; status: string; createdAt: number; pipelineId: string }
  | { id: string; kind: 'model'; modelId: string; modelName: string; version: number; aliases: string[]; deleted: boolean; focus?: boolean };

export interface LineageEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
}

export interface LineageGraph {
  nodes: LineageNode[];
  edges: LineageEdge[];
  /** Runs that read the dataset version but are not drawn (the newest are). */
  moreRuns: number;
}

const MAX_RUNS = 30;

/** From a model version back to its sources, with the steps grouped inside their pipeline version. */
export function modelLineageGraph(version: { id: string; modelId: string; modelName: string; version: number; deletedAt: number | null; aliases: string[]; lineage: ModelLineage }): LineageGraph {
  const { lineage } = version;
  const nodes: LineageNode[] = [];
  const edges: LineageEdge[] = [];
  const group = lineage.pipeline ? 'pipeline' : undefined;
  if (lineage.pipeline) {
    nodes.push({ id: 'pipeline', kind: 'pipeline', pipelineId: lineage.pipeline.id, name: lineage.pipeline.name, version: lineage.pipeline.version, runId: lineage.run?.id ?? null });
  }
  for (const source of lineage.sources) {
    const id = `source:${source.stepId}`;
    nodes.push(source.kind === 'dataset' ? { ...withoutStep(source), id, kind: 'dataset' } : { id, kind: 'sample', name: source.name, artifactId: source.artifactId });
    edges.push({ id: `${id}->${source.stepId}`, source: id, target: `step:${source.stepId}`, label: 'read' });
  }
  for (const step of lineage.steps) {
    nodes.push({
      id: `step:${step.id}`,
      kind: 'step',
      ...(group ? { parent: group } : {}),
      stepId: step.id,
      type: step.type,
      nodeVersion: step.version,
      label: step.label ?? null,
      codeHash: step.codeHash,
      implementationHash: step.implementationHash ?? null,
      pipeworksVersion: step.pipeworksVersion ?? null,
      upgradesCacheCompatible: step.upgradesCacheCompatible === true,
      cacheKey: step.cacheKey,
      params: step.params,
      status: step.status,
      cachedFromRunId: step.cachedFromRunId,
      outputs: Object.entries(step.outputs).map(([name, ref]) => ({ name, ...ref })),
    });
    for (const [port, input] of Object.entries(step.inputs)) {
      edges.push({ id: `${input.fromStep}.${input.output}->${step.id}.${port}`, source: `step:${input.fromStep}`, target: `step:${step.id}`, label: input.output });
    }
  }
  const model = `model:${version.id}`;
  nodes.push({ id: model, kind: 'model', modelId: version.modelId, modelName: version.modelName, version: version.version, aliases: version.aliases, deleted: version.deletedAt !== null, focus: true });
  if (lineage.stepId) edges.push({ id: `${lineage.stepId}->model`, source: `step:${lineage.stepId}`, target: model, label: lineage.output ?? 'model' });
  return { nodes, edges, moreRuns: 0 };
}

function withoutStep(source: Extract<LineageSource, { kind: 'dataset' }>) {
  const { stepId: _s, kind: _k, ...rest } = source;
  return rest;
}

/** From a dataset version forward: pipeline versions that read it, their runs, models registered from them. */
export async function datasetLineageGraph(db: AnyDb, datasetVersionId: string): Promise<LineageGraph | null> {
  const { datasets, datasetVersions } = db.t;
  const root = first(
    await db
      .select({
        datasetVersionId: datasetVersions.id,
        datasetId: datasets.id,
        name: datasets.name,
        version: datasetVersions.version,
        artifactId: datasetVersions.artifactId,
        sourceFilename: datasetVersions.sourceFilename,
        format: datasetVersions.format,
        rows: datasetVersions.rows,
      })
      .from(datasetVersions)
      .innerJoin(datasets, eq(datasets.id, datasetVersions.datasetId))
      .where(eq(datasetVersions.id, datasetVersionId))
      .limit(1),
  );
  if (!root) return null;
  const rootId = `dataset:${root.datasetVersionId}`;
  const nodes: LineageNode[] = [{ id: rootId, kind: 'dataset', ...root, focus: true }];
  const edges: LineageEdge[] = [];
  const readers = await runsReading(db, root.datasetVersionId);
  const byVersion = new Map<string, typeof readers>();
  for (const run of readers) byVersion.set(run.pipelineVersionId ?? `none:${run.pipelineId}`, [...(byVersion.get(run.pipelineVersionId ?? `none:${run.pipelineId}`) ?? []), run]);
  const versions = await pipelineVersionRows(db, readers.flatMap((r) => (r.pipelineVersionId ? [r.pipelineVersionId] : [])));
  for (const [key, group] of byVersion) {
    const pv = versions.get(key);
    const id = `pipeline:${key}`;
    nodes.push({ id, kind: 'pipeline', pipelineId: group[0].pipelineId, name: pv?.name ?? group[0].pipelineId, version: pv?.version ?? 0, runId: null, runs: group.length });
    edges.push({ id: `${rootId}->${id}`, source: rootId, target: id, label: group.length === 1 ? 'read by 1 run' : `read by ${group.length} runs` });
  }
  const shown = readers.slice(0, MAX_RUNS);
  for (const run of shown) {
    const id = `run:${run.id}`;
    nodes.push({ id, kind: 'run', runId: run.id, status: run.status, createdAt: run.createdAt, pipelineId: run.pipelineId });
    edges.push({ id: `pipeline:${run.pipelineVersionId ?? `none:${run.pipelineId}`}->${id}`, source: `pipeline:${run.pipelineVersionId ?? `none:${run.pipelineId}`}`, target: id });
  }
  const shownRuns = new Set(shown.map((r) => r.id));
  for (const model of await modelsFrom(db, root.datasetVersionId, root.artifactId)) {
    const id = `model:${model.id}`;
    nodes.push({ id, kind: 'model', modelId: model.modelId, modelName: model.modelName, version: model.version, aliases: model.aliases, deleted: model.deletedAt !== null });
    const from = model.runId && shownRuns.has(model.runId) ? `run:${model.runId}` : model.pipelineVersionId && byVersion.has(model.pipelineVersionId) ? `pipeline:${model.pipelineVersionId}` : rootId;
    edges.push({ id: `${from}->${id}`, source: from, target: id, label: `v${model.version}` });
  }
  return { nodes, edges, moreRuns: readers.length - shown.length };
}

/** Runs that read the dataset version (run_datasets, written when a run is created), newest first. */
function runsReading(db: AnyDb, datasetVersionId: string) {
  const { runs, runDatasets } = db.t;
  return db
    .selectDistinct({ id: runs.id, pipelineId: runs.pipelineId, pipelineVersionId: runs.pipelineVersionId, status: runs.status, createdAt: runs.createdAt })
    .from(runDatasets)
    .innerJoin(runs, eq(runs.id, runDatasets.runId))
    .where(eq(runDatasets.datasetVersionId, datasetVersionId))
    .orderBy(desc(runs.createdAt));
}

async function pipelineVersionRows(db: AnyDb, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; version: number }>();
  const { pipelines, pipelineVersions } = db.t;
  const rows = await db
    .select({ id: pipelineVersions.id, version: pipelineVersions.version, name: pipelines.name })
    .from(pipelineVersions)
    .innerJoin(pipelines, eq(pipelines.id, pipelineVersions.pipelineId))
    .where(inArray(pipelineVersions.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Model versions registered from those runs, or whose frozen lineage names the bytes (their run may be gone). */
async function modelsFrom(db: AnyDb, datasetVersionId: string, artifactId: string) {
  const { modelVersions, registeredModels, runDatasets } = db.t;
  // The frozen lineage is JSON text on SQLite and jsonb on Postgres: search its text for the bytes' id.
  const namesBytes = db.dialect === 'pg' ? sql`strpos(${modelVersions.lineage}::text, ${artifactId}) > 0` : sql`instr(${modelVersions.lineage}, ${artifactId}) > 0`;
  const rows = await db
    .select({
      id: modelVersions.id,
      modelId: modelVersions.modelId,
      modelName: registeredModels.name,
      version: modelVersions.version,
      runId: modelVersions.runId,
      pipelineVersionId: modelVersions.pipelineVersionId,
      deletedAt: modelVersions.deletedAt,
    })
    .from(modelVersions)
    .innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId))
    .where(
      and(
        isNull(modelVersions.deletedAt),
        sql`(${modelVersions.runId} in (select ${runDatasets.runId} from ${runDatasets} where ${runDatasets.datasetVersionId} = ${datasetVersionId}) or ${namesBytes})`,
      ),
    )
    .orderBy(registeredModels.name, modelVersions.version);
  const aliases = await versionAliases(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, aliases: aliases.get(r.id) ?? [] }));
}
