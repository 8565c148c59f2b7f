// Champion against challenger: a retrain run fired for an endpoint has ended. Its new version (the
// challenger) and the version serving as primary (the champion) are scored on the same fresh
// holdout (the run's test split) by the evaluate node; the deploy gates judge the challenger
// (the evaluate step's thresholds, and "beats the champion on the primary metric"). Then, as the
// endpoint's monitor settings say: promote at once through the rollout code, or ask a manager
// through a deploy request; a failed gate keeps the champion. One challenges row per run, audited.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Plan } from '../../engine/plan';
import { evaluateDeployGates, type DeployGateResult } from '../../nodes/deploy/deploy-gates';
import type { Gate } from '../../nodes/evaluate/gates';
import { importanceMetric } from '../../nodes/evaluate/importance-metric';
import type { ModelTask } from '../../nodes/models/model-artifact';
import { audit } from '../auth/audit';
import type { Db } from '../db/client';
import { challenges, modelVersions, monitorSettings, type ChallengeDecision, type Endpoint, type PromotionMode } from '../db/schema';
import { liveDeployments } from '../deployments/rollout';
import { retrainOutcome } from './holdout';
import { scoreOnHoldout, type ComputeStep, type HoldoutScore } from './score-on-holdout';
import { decideChallenge } from './promote-challenger';

export interface ChallengeInput {
  endpoint: Endpoint;
  run: { id: string; status: string; plan: Plan; errorMessage: string | null };
  fireId: string | null;
  /** Who the trigger acts for (its creator): deploys and requests are theirs. */
  userId: string | null;
}

export interface ChallengeFigures {
  primaryMetric: string;
  holdoutRows: number | null;
  challenger: HoldoutScore;
  champion: HoldoutScore | null;
}

export async function runChallenge(db: Db, dataDir: string, compute: ComputeStep, input: ChallengeInput): Promise<{ id: string; decision: ChallengeDecision } | null> {
  const { endpoint, run } = input;
  const base = { endpointId: endpoint.id, runId: run.id, triggerFireId: input.fireId };
  if (run.status !== 'succeeded') return recordOnce(db, input, { ...base, decision: 'failed', figures: { reason: `The retrain run ${run.status}${run.errorMessage ? `: ${run.errorMessage}` : ''}` }, gates: [] });
  const outcome = retrainOutcome(db, run, endpoint.modelId);
  if ('missing' in outcome) return recordOnce(db, input, { ...base, decision: 'failed', figures: { reason: outcome.missing }, gates: [] });
  const { challenger, evaluate, holdout } = outcome;
  const primary = live(db, endpoint);
  const task = challenger.signature.task as ModelTask;
  const primaryMetric = importanceMetric('auto', task).metric;
  let figures: ChallengeFigures;
  try {
    const challengerScore = await scoreOnHoldout(db, dataDir, compute, evaluate, challenger, holdout);
    const championScore = primary && primary.id !== challenger.id ? await scoreOnHoldout(db, dataDir, compute, evaluate, primary, holdout) : null;
    figures = { primaryMetric, holdoutRows: rowsOf(holdout.meta), challenger: challengerScore, champion: championScore };
  } catch (error) {
    const reason = `Scoring on the holdout failed: ${(error as Error).message}`;
    return recordOnce(db, input, { ...base, challengerVersionId: challenger.id, championVersionId: primary?.id ?? null, holdoutArtifactId: holdout.id, decision: 'failed', figures: { reason }, gates: [] });
  }
  const gates = evaluateDeployGates((evaluate.params.gates ?? []) as Gate[], { metric: primaryMetric, margin: 0 }, figures.challenger.metrics, figures.champion && { version: figures.champion.version, metrics: figures.champion.metrics });
  const passed = gates.every((g) => g.passed);
  const mode: PromotionMode = db.select({ mode: monitorSettings.promotionMode }).from(monitorSettings).where(eq(monitorSettings.endpointId, endpoint.id)).get()?.mode ?? 'approval';
  return once(db, run.id, (tx) => {
    const decided = passed ? decideChallenge(tx, { endpoint, challenger, mode, runId: run.id, userId: input.userId, gates }) : { decision: 'kept_champion' as const, deployRequestId: null };
    return record(tx, input, { ...base, challengerVersionId: challenger.id, championVersionId: primary?.id ?? null, holdoutArtifactId: holdout.id, figures: { ...figures, promotionMode: mode }, gates, ...decided });
  });
}

/** One challenge per run, also when two processes settle the same run: the check and the write share one IMMEDIATE transaction. */
function once<T>(db: Db, runId: string, write: (tx: Db) => T): T | null {
  return db.transaction((tx) => (tx.select({ id: challenges.id }).from(challenges).where(eq(challenges.runId, runId)).get() ? null : write(tx)), { behavior: 'immediate' });
}

function recordOnce(db: Db, input: ChallengeInput, row: Row) {
  return once(db, input.run.id, (tx) => record(tx, input, row));
}

function live(db: Db, endpoint: Endpoint) {
  if (endpoint.undeployedAt !== null) return null;
  const primary = liveDeployments(db, endpoint.id).find((d) => d.role === 'primary');
  return primary ? (db.select().from(modelVersions).where(eq(modelVersions.id, primary.versionId)).get() ?? null) : null;
}

function rowsOf(meta: Record<string, unknown> | undefined): number | null {
  const rows = meta?.rows;
  return typeof rows === 'number' ? rows : null;
}

type Row = Omit<typeof challenges.$inferInsert, 'id' | 'createdAt' | 'figures' | 'gates'> & { figures: object; gates: DeployGateResult[] };

function record(db: Db, input: ChallengeInput, row: Row): { id: string; decision: ChallengeDecision } {
  const id = randomUUID();
  const now = Date.now();
  db.insert(challenges)
    .values({ ...row, id, createdAt: now, decidedAt: row.decision === 'awaiting_approval' ? null : now, figures: row.figures as Record<string, unknown>, gates: row.gates as unknown as Record<string, unknown>[] })
    .run();
  audit(db, {
    userId: input.userId,
    action: 'challenge.decide',
    targetType: 'challenge',
    targetId: id,
    detail: { endpointId: row.endpointId, runId: row.runId, fireId: row.triggerFireId, challengerVersionId: row.challengerVersionId ?? null, championVersionId: row.championVersionId ?? null, decision: row.decision, gates: row.gates, figures: row.figures },
  });
  return { id, decision: row.decision };
}
