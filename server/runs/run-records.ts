// A run as a record: when it is created, its params (every step's, as compiled) and the dataset
// versions its ingest steps read; when a step finishes, the metrics its outputs report. Every
// runner's path ends here (the server's worker pool and a browser's reports), so runs from either
// sort and filter alike in SQL.
import { and, desc, eq } from 'drizzle-orm';
import type { ArtifactRef, Plan, PlanStep } from '../../engine/plan';
import { datasetNode } from '../../nodes/ingest/dataset.node.ts';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { paramRows } from './param-rows';

/** Writes a new run's params and dataset versions; call inside the transaction that inserts the run. */
export async function recordRunInputs(db: AnyDb, runId: string, plan: Plan): Promise<void> {
  const { runParams, runDatasets } = db.t;
  const params = plan.steps.flatMap((step) => paramRows(step.id, step.params).map((row) => ({ runId, ...row })));
  for (const part of chunks(params)) await db.insert(runParams).values(part).onConflictDoNothing();
  for (const step of plan.steps) {
    const sourceKey = step.fingerprint?.sourceKey;
    if (!sourceKey) continue;
    const datasetVersionId = await datasetVersionOf(db, step, sourceKey);
    await db.insert(runDatasets).values({ runId, stepId: step.id, nodeType: step.type, sourceKey, datasetVersionId }).onConflictDoNothing();
  }
}

/** The dataset version an ingest/dataset step read: its name's newest version holding that table. */
async function datasetVersionOf(db: AnyDb, step: PlanStep, sourceKey: string): Promise<string | null> {
  if (step.type !== datasetNode.type || typeof step.params.name !== 'string') return null;
  const { datasets, datasetVersions } = db.t;
  const row = first(
    await db
      .select({ id: datasetVersions.id })
      .from(datasetVersions)
      .innerJoin(datasets, eq(datasets.id, datasetVersions.datasetId))
      .where(and(eq(datasets.name, step.params.name), eq(datasetVersions.artifactId, sourceKey)))
      .orderBy(desc(datasetVersions.version))
      .limit(1),
  );
  return row?.id ?? null;
}

/** Replaces one step's metric rows (a resumed or re-reported step writes them again). */
export async function writeStepMetrics(db: AnyDb, runId: string, stepId: string, metrics: Record<string, number>): Promise<void> {
  const { runMetrics } = db.t;
  const rows = Object.entries(metrics).map(([name, value]) => ({ runId, stepId, key: `${stepId}.${name}`, value }));
  await withTransaction(db, async (tx) => {
    await tx.delete(runMetrics).where(and(eq(runMetrics.runId, runId), eq(runMetrics.stepId, stepId)));
    for (const part of chunks(rows)) await tx.insert(runMetrics).values(part);
  });
}

/** Rows in slices one multi-row insert takes on either database (bound-parameter limits). */
export function chunks<T>(rows: readonly T[], size = 200): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export type StepOutputs = Record<string, ArtifactRef>;
