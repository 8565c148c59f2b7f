// Scores one model version on a holdout with the evaluate node itself (the same code, params and
// worker threads as the run's own evaluate step), without importance or gates: the challenge
// judges gates once, on both sides' figures.
import { eq } from 'drizzle-orm';
import type { ArtifactRef, PlanStep } from '../../engine/plan';
import { decodeValue } from '../../nodes/codec';
import { first, type AnyDb } from '../db/any-db';
import type { ModelVersion } from '../db/schema';
import { readArtifactBytes } from '../store/artifact-files';

export type ComputeStep = (step: PlanStep, inputs: Record<string, ArtifactRef>) => Promise<Record<string, ArtifactRef>>;

export interface HoldoutScore {
  version: number;
  versionId: string;
  metrics: Record<string, number>;
  /** What the decisions cost per 1,000 at the evaluate step's threshold (binary, with its cost params). */
  costPer1000: number | null;
  currency: string | null;
}

export async function scoreOnHoldout(db: AnyDb, dataDir: string, compute: ComputeStep, evaluate: PlanStep, version: ModelVersion, holdout: ArtifactRef): Promise<HoldoutScore> {
  const { artifacts } = db.t;
  const size = first(await db.select({ size: artifacts.size }).from(artifacts).where(eq(artifacts.id, version.artifactId)).limit(1))?.size ?? 0;
  const step: PlanStep = {
    ...evaluate,
    id: `challenge-v${version.version}`,
    params: { ...evaluate.params, importance: false, gates: [] },
    inputs: { model: { fromStep: 'version', output: 'model' }, table: { fromStep: 'holdout', output: 'table' } },
    placement: 'server',
    cacheKey: null,
  };
  const outputs = await compute(step, { model: { id: version.artifactId, kind: 'model', size }, table: holdout });
  const report = decodeValue('metrics', await readArtifactBytes(dataDir, outputs.metrics.id));
  if (report.kind !== 'metrics') throw new Error('The evaluate step did not return metrics');
  const body = report.metrics as { metrics?: Record<string, number | null>; cost?: { atThreshold?: { costPer1000?: number }; currency?: string } };
  const metrics = Object.fromEntries(Object.entries(body.metrics ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])));
  const cost = body.cost?.atThreshold?.costPer1000;
  return { version: version.version, versionId: version.id, metrics, costPer1000: typeof cost === 'number' ? cost : null, currency: body.cost ? (body.cost.currency ?? '') : null };
}
