// How a version's decisions are scored and priced. The model's business KPI settings come first
// (server/dashboard/kpi-settings.ts: positive class, threshold, costs, optionally weighted by a
// value column); otherwise the evaluate step whose metrics the version carries (lineage
// .metricsFrom), as it ran in its run's plan. Neither: the evaluate node's decision defaults, and
// no cost figure.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { costMatrixOf, costParams, decisionParams } from '../../nodes/evaluate/evaluate-params';
import type { CostMatrix } from '../../nodes/evaluate/cost';
import { getKpiSettings } from '../dashboard/kpi-settings';
import { first, type AnyDb } from '../db/any-db';
import type { ModelLineage } from '../registry/version-types';

export interface ValueWeights {
  /** The input column whose value an outcome's cost or value is multiplied by (0 when missing). */
  valueColumn: string;
  tp: boolean;
  fp: boolean;
  fn: boolean;
}

export interface DecisionSettings {
  positiveLabel: string;
  threshold: number;
  /** Null when nothing prices the decisions: cost_per_1000 is then not computed. */
  cost: { matrix: CostMatrix; currency: string; source: string; weights?: ValueWeights } | null;
}

const evaluateDecision = z.object({ ...decisionParams, ...costParams });
const COSTED_TYPES = new Set(['evaluate/model', 'evaluate/predictions']);

export async function decisionSettings(db: AnyDb, modelId: string, lineage: ModelLineage): Promise<DecisionSettings> {
  const kpi = await getKpiSettings(db, modelId);
  if (kpi) {
    const weighted = kpi.valueColumn !== null && (kpi.tpWeighted || kpi.fpWeighted || kpi.fnWeighted);
    return {
      positiveLabel: kpi.positiveLabel,
      threshold: kpi.threshold,
      cost: {
        matrix: { truePositiveValue: kpi.tpValue, falsePositiveCost: kpi.fpCost, falseNegativeCost: kpi.fnCost, trueNegativeValue: 0 },
        currency: kpi.currency,
        source: "the model's business KPI settings",
        ...(weighted ? { weights: { valueColumn: kpi.valueColumn!, tp: kpi.tpWeighted, fp: kpi.fpWeighted, fn: kpi.fnWeighted } } : {}),
      },
    };
  }
  const none: DecisionSettings = { positiveLabel: '', threshold: 0.5, cost: null };
  const from = lineage.metricsFrom;
  if (!from || !lineage.run) return none;
  const run = first(await db.select({ plan: db.t.runs.plan }).from(db.t.runs).where(eq(db.t.runs.id, lineage.run.id)).limit(1));
  const step = run?.plan.steps.find((s) => s.id === from.stepId);
  if (!step || !COSTED_TYPES.has(step.type)) return none;
  const parsed = evaluateDecision.safeParse(step.params);
  if (!parsed.success) return none;
  const { positiveLabel, threshold } = parsed.data;
  const { matrix, currency } = costMatrixOf(parsed.data);
  return { positiveLabel, threshold, cost: { matrix, currency, source: `evaluate step "${step.id}"` } };
}
