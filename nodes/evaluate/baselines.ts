// The no-skill baselines a binary classifier's decisions must beat to be worth deploying: flag
// nobody (no model at all) and flag everyone. A high ROC AUC says the scores rank well; only this
// comparison says whether acting on them at the chosen threshold costs less than not bothering.
import { costPer1000, outcomesAt, type CostMatrix, type CostView } from './cost';
import type { ThresholdCounts } from './metrics/binary-curve';

/** Cost per 1,000 decisions of each rule, given how many rows are positive and negative. */
export type NoSkillCosts = { flagNobody: number; flagEveryone: number };

export type BaselineComparison = {
  /** The cheaper of the two no-skill rules (flag nobody on a tie: it needs no model at all). */
  best: 'flagNobody' | 'flagEveryone';
  bestCostPer1000: number;
  /** Best baseline's cost minus the model's: what the model saves per 1,000 decisions. */
  savingPer1000: number;
  /**
   * The saving as a percentage of the baseline's cost (of its size, when the baseline is a net
   * gain); null when the baseline costs exactly nothing, where no percentage means anything.
   */
  savingPct: number | null;
};

export function noSkillCosts(positives: number, negatives: number, m: CostMatrix): NoSkillCosts {
  return {
    // Every positive missed, every negative correctly left alone.
    flagNobody: costPer1000({ truePositives: 0, falsePositives: 0, falseNegatives: positives, trueNegatives: negatives }, m),
    // Every positive caught, every negative a false alarm.
    flagEveryone: costPer1000({ truePositives: positives, falsePositives: negatives, falseNegatives: 0, trueNegatives: 0 }, m),
  };
}

export function compareWithBaselines(modelCostPer1000: number, costs: NoSkillCosts): BaselineComparison {
  const best = costs.flagEveryone < costs.flagNobody ? 'flagEveryone' : 'flagNobody';
  const bestCostPer1000 = costs[best];
  const savingPer1000 = bestCostPer1000 - modelCostPer1000;
  const savingPct = bestCostPer1000 === 0 || !Number.isFinite(savingPer1000) ? null : (100 * savingPer1000) / Math.abs(bestCostPer1000);
  return { best, bestCostPer1000, savingPer1000, savingPct };
}

/** The cost view of a report, with the model measured against the no-skill baselines. */
export type EvaluatedCost = CostView & { vsBaseline: BaselineComparison };

/** The model's decisions at `threshold` against both no-skill rules: the one definition that the
 * report's cost view and the `baseline_saving_pct` metric (and so its quality gate) share. */
export function baselineComparison(counts: ThresholdCounts, m: CostMatrix, threshold: number): BaselineComparison {
  const model = costPer1000(outcomesAt(counts, threshold), m);
  return compareWithBaselines(model, noSkillCosts(counts.positives, counts.negatives, m));
}

const RULE_NAMES: Record<BaselineComparison['best'], string> = { flagNobody: 'flagging nobody', flagEveryone: 'flagging everyone' };

/** The comparison for a log or a report: "… saves 7.2% against flagging nobody (428.00 per 1,000)". */
export function baselineSentence(c: BaselineComparison, money: (x: number) => string): string {
  const rule = RULE_NAMES[c.best];
  const pct = c.savingPct === null ? '' : ` (${Math.abs(c.savingPct).toFixed(1)}%)`;
  if (c.savingPer1000 < 0) {
    return `The model's decisions cost ${money(-c.savingPer1000)} more per 1,000 than ${rule}${pct}: at this threshold it does not pay for itself.`;
  }
  return `The model saves ${money(c.savingPer1000)} per 1,000${pct} against the best no-skill baseline, ${rule} (${money(c.bestCostPer1000)}).`;
}
