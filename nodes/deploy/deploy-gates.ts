// A deploy's gates: the evaluate node's metric thresholds (gates.ts, reused as is) plus "beats the
// live champion by at least X", judged on the candidate's and champion's stored version metrics.
import { z } from 'zod';
import { describeFailure, evaluateGates, type Gate } from '../evaluate/gates';
import { higherIsBetter, METRIC_NAMES, type MetricName } from '../evaluate/metric-catalogue';

export const championRuleSchema = z.object({
  metric: z.enum(METRIC_NAMES).describe('Metric to compare with the version serving now, e.g. roc_auc'),
  margin: z.number().min(0).default(0).describe('How much better the new version must be, in the metric\'s units (0: at least as good)'),
});
export type ChampionRule = z.infer<typeof championRuleSchema>;

export interface DeployGateResult {
  /** e.g. "roc_auc >= 0.85" or "beats v3 on roc_auc by >= 0.01". */
  gate: string;
  passed: boolean;
  /** Why it failed, or what was seen when it passed. */
  detail: string;
}

export interface Champion {
  version: number;
  metrics: Record<string, number>;
}

export function evaluateDeployGates(
  gates: readonly Gate[],
  rule: ChampionRule | null,
  candidate: Record<string, number>,
  champion: Champion | null,
): DeployGateResult[] {
  const results: DeployGateResult[] = evaluateGates(gates, candidate as Partial<Record<MetricName, number>>).map((r) => ({
    gate: `${r.metric} ${r.op} ${r.value}`,
    passed: r.passed,
    detail: r.passed ? `${r.metric} is ${r.observed}` : describeFailure(r),
  }));
  if (rule) results.push(beatsChampion(rule, candidate, champion));
  return results;
}

function beatsChampion(rule: ChampionRule, candidate: Record<string, number>, champion: Champion | null): DeployGateResult {
  const better = higherIsBetter(rule.metric);
  const gate = `beats the champion on ${rule.metric} by >= ${rule.margin}`;
  // Nothing serves yet: there is no champion to beat, so the first deploy passes this gate.
  if (!champion) return { gate, passed: true, detail: 'no version serves this endpoint yet, so there is no champion to beat' };
  const mine = candidate[rule.metric];
  const theirs = champion.metrics[rule.metric];
  if (!Number.isFinite(mine)) return { gate, passed: false, detail: `the new version has no ${rule.metric} (was it evaluated in its run?)` };
  if (!Number.isFinite(theirs)) return { gate, passed: false, detail: `the champion v${champion.version} has no ${rule.metric} to compare with` };
  const gain = better ? mine - theirs : theirs - mine;
  const passed = gain >= rule.margin;
  const detail = `${rule.metric} ${round(mine)} vs champion v${champion.version}'s ${round(theirs)}: ${better ? 'higher' : 'lower'} by ${round(gain)}, needed ${rule.margin}`;
  return { gate: gate.replace('the champion', `champion v${champion.version}`), passed, detail };
}

function round(value: number): number {
  return Number(value.toPrecision(6));
}

export function failedGatesMessage(results: readonly DeployGateResult[]): string | null {
  const failed = results.filter((r) => !r.passed);
  return failed.length ? `Deploy gate failed: ${failed.map((r) => r.detail).join('; ')}` : null;
}
