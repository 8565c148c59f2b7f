import { describe, expect, it } from 'vitest';
import { costPer1000, costView, outcomesAt, type CostMatrix } from './cost';
import { thresholdCounts } from './metrics/binary-curve';

// 10 rows; positives score 0.9, 0.8, 0.6, 0.3; negatives 0.7, 0.4, 0.2, 0.2, 0.1, 0.05.
const isPositive = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
const scores = [0.9, 0.8, 0.6, 0.3, 0.7, 0.4, 0.2, 0.2, 0.1, 0.05];
const counts = thresholdCounts(isPositive, scores);
const fraud: CostMatrix = { truePositiveValue: 50, falsePositiveCost: 10, falseNegativeCost: 100, trueNegativeValue: 0 };

describe('costPer1000', () => {
  it('nets costs against values and scales to 1,000 rows', () => {
    const o = { truePositives: 3, falsePositives: 1, falseNegatives: 1, trueNegatives: 5 };
    // (1×10 + 1×100 − 3×50) / 10 × 1000 = −4000
    expect(costPer1000(o, fraud)).toBe(-4000);
  });
});

describe('outcomesAt', () => {
  it('flags rows scoring at or above the threshold', () => {
    expect(outcomesAt(counts, 0.5)).toEqual({ truePositives: 3, falsePositives: 1, falseNegatives: 1, trueNegatives: 5 });
    expect(outcomesAt(counts, 0.2)).toMatchObject({ truePositives: 4, falsePositives: 4 });
    expect(outcomesAt(counts, 0.95)).toMatchObject({ truePositives: 0, falsePositives: 0, falseNegatives: 4 });
    expect(outcomesAt(counts, 0)).toMatchObject({ truePositives: 4, falsePositives: 6 });
  });
});

describe('costView', () => {
  const view = costView(counts, fraud, 0.5, { currency: 'EUR' });

  it('prices the decision threshold and finds the cheapest one', () => {
    expect(view.atThreshold).toMatchObject({ threshold: 0.5, costPer1000: -4000, flaggedPer1000: 400 });
    // At 0.3: TP 4, FP 2 → (20 − 200) / 10 × 1000 = −18000, better than any other threshold.
    expect(view.optimal).toMatchObject({ threshold: 0.3, costPer1000: -18000, savingPer1000: 14000 });
    expect(view.baselines.flagNobody.costPer1000).toBe(40_000);
    expect(view.baselines.flagEveryone.costPer1000).toBe(-14_000);
  });

  it('explains itself in the unit a manager reads', () => {
    expect(view.unit).toBe('cost per 1,000 decisions');
    expect(view.summary).toBe(
      "At threshold 0.5 the model's decisions cost −EUR 4000.00 per 1,000 decisions; at the cost-optimal " +
        'threshold 0.300 they cost −EUR 18000.00, saving EUR 14000.00 per 1,000.',
    );
  });

  it('draws a curve over every threshold, thinned but keeping the optimum', () => {
    expect(view.curve.thresholds).toEqual([0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05]);
    const n = 5000;
    const many = thresholdCounts(
      Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)),
      Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n),
    );
    const thin = costView(many, fraud, 0.5, { maxPoints: 50 });
    expect(thin.curve.thresholds.length).toBeLessThanOrEqual(50);
    expect(thin.curve.thresholds).toContain(thin.optimal.threshold);
  });

  it('prefers flagging nobody when every flag costs more than it saves', () => {
    const costly = costView(counts, { ...fraud, truePositiveValue: 0, falseNegativeCost: 0, falsePositiveCost: 1 }, 0.5);
    expect(costly.optimal).toMatchObject({ threshold: null, costPer1000: 0 });
  });
});
