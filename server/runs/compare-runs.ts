// What the compare page draws for 2–10 runs: each run's params and metrics (from their tables),
// the ROC and PR curves of each evaluation (from its metrics artifact, thinned for an overlay) and
// each training step's loss series (recorded as it trained).
import { and, eq, inArray } from 'drizzle-orm';
import type { PrSeries, RocSeries } from '../../nodes/evaluate/curves';
import { pickFrom, pickIndices } from '../../nodes/evaluate/metrics/downsample';
import { first, type AnyDb } from '../db/any-db';
import type { ProgressPoint } from '../db/schema';
import { readArtifactBytes } from '../store/artifact-files';

/** Points per overlaid curve: ten runs' curves in one chart need far fewer than one run's. */
export const COMPARE_CURVE_POINTS = 150;

export interface ComparedCurves {
  stepId: string;
  label: string | null;
  roc: { label: string; auc: number; fpr: number[]; tpr: number[] }[];
  pr: { label: string; averagePrecision: number; prevalence: number; recall: number[]; precision: number[] }[];
}

export interface ComparedLoss {
  stepId: string;
  label: string | null;
  series: ProgressPoint[];
}

export async function compareRuns(db: AnyDb, dataDir: string, ids: string[]) {
  const { pipelines, pipelineVersions, runMetrics, runParams, runs, stepRuns } = db.t;
  const rows = await db
    .select({
      id: runs.id,
      name: runs.name,
      status: runs.status,
      pipelineId: runs.pipelineId,
      pipelineName: pipelines.name,
      version: pipelineVersions.version,
      createdAt: runs.createdAt,
      startedAt: runs.startedAt,
      finishedAt: runs.finishedAt,
      parentRunId: runs.parentRunId,
    })
    .from(runs)
    .innerJoin(pipelines, eq(pipelines.id, runs.pipelineId))
    .leftJoin(pipelineVersions, eq(pipelineVersions.id, runs.pipelineVersionId))
    .where(inArray(runs.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  const params = await db.select().from(runParams).where(inArray(runParams.runId, ids));
  const metrics = await db.select().from(runMetrics).where(inArray(runMetrics.runId, ids));
  const steps = await db
    .select({ runId: stepRuns.runId, stepId: stepRuns.stepId, label: stepRuns.label, status: stepRuns.status, outputs: stepRuns.outputs, progressSeries: stepRuns.progressSeries, cacheKey: stepRuns.cacheKey, cachedFromRunId: stepRuns.cachedFromRunId })
    .from(stepRuns)
    .where(and(inArray(stepRuns.runId, ids), inArray(stepRuns.status, ['succeeded', 'cached'])));
  const curves = new Map<string, Promise<Omit<ComparedCurves, 'stepId' | 'label'> | null>>();
  const compared = await Promise.all(
    ids.flatMap((id) => {
      const run = byId.get(id);
      if (!run) return [];
      const own = steps.filter((s) => s.runId === id);
      return [
        (async () => ({
          ...run,
          params: Object.fromEntries(params.filter((p) => p.runId === id).map((p) => [p.key, p.value])),
          metrics: Object.fromEntries(metrics.filter((m) => m.runId === id).map((m) => [m.key, m.value])),
          curves: (
            await Promise.all(
              own.flatMap((s) =>
                Object.values(s.outputs ?? {})
                  .filter((ref) => ref.kind === 'metrics')
                  .map((ref) => {
                    // Cached steps share their producer's artifact: read each once.
                    if (!curves.has(ref.id)) curves.set(ref.id, readCurves(dataDir, ref.id));
                    return curves.get(ref.id)!.then((c) => (c ? { ...c, stepId: s.stepId, label: s.label } : null));
                  }),
              ),
            )
          ).filter((c) => c !== null),
          losses: await lossesOf(db, own),
        }))(),
      ];
    }),
  );
  return { runs: compared, missing };
}

type StepRow = { stepId: string; label: string | null; status: string; progressSeries: ProgressPoint[] | null; cacheKey: string | null; cachedFromRunId: string | null };

/** Training steps' loss series; a cached step's is its producer's, as on the run page. */
async function lossesOf(db: AnyDb, steps: StepRow[]): Promise<ComparedLoss[]> {
  const { stepRuns } = db.t;
  const out: ComparedLoss[] = [];
  for (const s of steps) {
    let series = s.progressSeries;
    if (!series && s.status === 'cached' && s.cachedFromRunId && s.cacheKey) {
      series = first(await db.select({ p: stepRuns.progressSeries }).from(stepRuns).where(and(eq(stepRuns.runId, s.cachedFromRunId), eq(stepRuns.cacheKey, s.cacheKey))).limit(1))?.p ?? null;
    }
    const points = (series ?? []).filter((p) => p.data.loss !== undefined || p.data.valLoss !== undefined);
    if (points.length > 0) out.push({ stepId: s.stepId, label: s.label, series: points });
  }
  return out;
}

async function readCurves(dataDir: string, artifactId: string): Promise<Omit<ComparedCurves, 'stepId' | 'label'> | null> {
  try {
    const report = JSON.parse(Buffer.from(await readArtifactBytes(dataDir, artifactId)).toString('utf8')) as { curves?: { roc?: RocSeries[]; pr?: PrSeries[] } };
    const roc = (report.curves?.roc ?? []).map((s) => {
      const keep = pickIndices(s.fpr.length, COMPARE_CURVE_POINTS);
      return { label: s.label, auc: s.auc, ...pickFrom({ fpr: s.fpr, tpr: s.tpr }, keep) };
    });
    const pr = (report.curves?.pr ?? []).map((s) => {
      const keep = pickIndices(s.recall.length, COMPARE_CURVE_POINTS);
      return { label: s.label, averagePrecision: s.averagePrecision, prevalence: s.prevalence, ...pickFrom({ recall: s.recall, precision: s.precision }, keep) };
    });
    return roc.length || pr.length ? { roc, pr } : null;
  } catch (error) {
    console.error(`[compare] could not read the curves of artifact ${artifactId}`, error);
    return null;
  }
}

export type ComparedRuns = Awaited<ReturnType<typeof compareRuns>>;
