import { describe, expect, it } from 'vitest';
import { compareWithBaselines, noSkillCosts } from './baselines';
import { costPer1000, type CostMatrix } from './cost';

// The reported case, by hand: 1,000 transactions of which 21.4 in 1,000 are fraud; a missed fraud
// costs 20 and blocking a good customer 1. Flagging nobody misses every fraud: 21.4 × 20 = 428
// per 1,000. Flagging everyone blocks 978.6 good customers: 978.6 × 1 = 978.6 per 1,000.
const fraud: CostMatrix = { truePositiveValue: 0, falsePositiveCost: 1, falseNegativeCost: 20, trueNegativeValue: 0 };

describe('noSkillCosts', () => {
  it('prices flagging nobody and flagging everyone as worked out by hand', () => {
    const costs = noSkillCosts(214, 9786, fraud);
    expect(costs.flagNobody).toBeCloseTo(428, 10);
    expect(costs.flagEveryone).toBeCloseTo(978.6, 10);
  });

  it('counts values gained as negative cost', () => {
    // 4 positives, 6 negatives. Nobody: 4 × 100 − 6 × 2 = 388 per 10 → 38,800 per 1,000.
    // Everyone: 6 × 10 − 4 × 50 = −140 per 10 → −14,000 per 1,000.
    const m = { truePositiveValue: 50, falsePositiveCost: 10, falseNegativeCost: 100, trueNegativeValue: 2 };
    expect(noSkillCosts(4, 6, m)).toEqual({ flagNobody: 38_800, flagEveryone: -14_000 });
  });

  it('agrees with the cost of the same outcomes priced one by one', () => {
    const m = { truePositiveValue: 3, falsePositiveCost: 7, falseNegativeCost: 11, trueNegativeValue: 1 };
    const costs = noSkillCosts(37, 63, m);
    expect(costs.flagNobody).toBeCloseTo(costPer1000({ truePositives: 0, falsePositives: 0, falseNegatives: 37, trueNegatives: 63 }, m), 10);
    expect(costs.flagEveryone).toBeCloseTo(costPer1000({ truePositives: 37, falsePositives: 63, falseNegatives: 0, trueNegatives: 0 }, m), 10);
  });

  it('is undefined with no rows', () => {
    expect(noSkillCosts(0, 0, fraud).flagNobody).toBeNaN();
  });
});

describe('compareWithBaselines', () => {
  it('measures the model against the cheaper baseline: 397 against 428 saves 7.24%', () => {
    const result = compareWithBaselines(397, noSkillCosts(214, 9786, fraud));
    expect(result.best).toBe('flagNobody');
    expect(result.bestCostPer1000).toBeCloseTo(428, 10);
    expect(result.savingPer1000).toBeCloseTo(31, 10);
    expect(result.savingPct).toBeCloseTo((100 * 31) / 428, 10); // 7.243%
  });

  it('says so when a baseline is cheaper than the model', () => {
    const result = compareWithBaselines(500, { flagNobody: 600, flagEveryone: 400 });
    expect(result).toEqual({ best: 'flagEveryone', bestCostPer1000: 400, savingPer1000: -100, savingPct: -25 });
  });

  it('takes a gain as its size: a model gaining 150 against a baseline gaining 100 saves 50%', () => {
    expect(compareWithBaselines(-150, { flagNobody: 0.5, flagEveryone: -100 }).savingPct).toBeCloseTo(50, 10);
  });

  it('gives no percentage against a baseline that costs nothing, and prefers flagging nobody on a tie', () => {
    const result = compareWithBaselines(-5, { flagNobody: 0, flagEveryone: 0 });
    expect(result).toEqual({ best: 'flagNobody', bestCostPer1000: 0, savingPer1000: 5, savingPct: null });
  });
});
