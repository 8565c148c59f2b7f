// How a version's decisions are scored: the positive class, the threshold and the cost matrix of
// the evaluate step whose metrics the version carries (lineage.metricsFrom), as that step ran in
// its run's plan. No evaluate step: the evaluate node's decision defaults, and no cost figures.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { costMatrixOf, costParams, decisionParams } from '../../nodes/evaluate/evaluate-params';
import type { CostMatrix } from '../../nodes/evaluate/cost';
import type { Db } from '../db/client';
import { runs } from '../db/schema';
import type { ModelLineage } from '../registry/version-types';

export interface DecisionSettings {
  positiveLabel: string;
  threshold: number;
  /** Null when no evaluate step priced the decisions: cost_per_1000 is then not computed. */
  cost: { matrix: CostMatrix; currency: string; fromStep: string } | null;
}

const evaluateDecision = z.object({ ...decisionParams, ...costParams });
const COSTED_TYPES = new Set(['evaluate/model', 'evaluate/predictions']);

export function decisionSettings(db: Db, lineage: ModelLineage): DecisionSettings {
  const none: DecisionSettings = { positiveLabel: '', threshold: 0.5, cost: null };
  const from = lineage.metricsFrom;
  if (!from || !lineage.run) return none;
  const run = db.select({ plan: runs.plan }).from(runs).where(eq(runs.id, lineage.run.id)).get();
  const step = run?.plan.steps.find((s) => s.id === from.stepId);
  if (!step || !COSTED_TYPES.has(step.type)) return none;
  const parsed = evaluateDecision.safeParse(step.params);
  if (!parsed.success) return none;
  const { positiveLabel, threshold } = parsed.data;
  const { matrix, currency } = costMatrixOf(parsed.data);
  return { positiveLabel, threshold, cost: { matrix, currency, fromStep: step.id } };
}
