import { describe, expect, it } from 'vitest';
import { decayFigures } from './decay';

const signature = { inputs: [], target: 'fraud', task: 'binary' as const, labels: ['no', 'yes'] };
const row = (label: string, pYes: number) => ({ label, outputs: { prediction: pYes >= 0.5 ? 'yes' : 'no', probabilities: { no: 1 - pYes, yes: pYes } } });
const value = (r: ReturnType<typeof decayFigures>, metric: string) => r.figures.find((f) => f.metric === metric)?.value;

describe('decayFigures', () => {
  const rows = [row('yes', 0.9), row('yes', 0.3), row('no', 0.6), row('no', 0.1), row('no', 0.2)];

  it('scores labelled rows with the evaluate metrics, and prices them with the evaluate step costs', () => {
    const cost = { matrix: { truePositiveValue: 0, falsePositiveCost: 1, falseNegativeCost: 20, trueNegativeValue: 0 }, currency: '', source: 'evaluate step "evaluate"' };
    const r = decayFigures(rows, signature, { positiveLabel: 'yes', threshold: 0.5, cost });
    expect(value(r, 'accuracy')).toBeCloseTo(3 / 5, 12);
    // One false negative (20) and one false positive (1) over 5 decisions.
    expect(value(r, 'cost_per_1000')).toBeCloseTo((1000 * 21) / 5, 9);
    expect(value(r, 'roc_auc')).toBeCloseTo(5 / 6, 12);
    expect(r.note).toBeNull();
  });

  it('leaves cost out without a source, and counts rows it cannot read', () => {
    const r = decayFigures([...rows, { label: 'maybe', outputs: {} }], signature, { positiveLabel: '', threshold: 0.5, cost: null });
    expect(value(r, 'cost_per_1000')).toBeUndefined();
    expect(r.labelled).toBe(6);
    expect(r.note).toBe(
      "1 of 6 labelled rows were left out (label not a class of the model, or no logged probabilities); Neither business KPI settings nor an evaluate step price this model's decisions, so cost_per_1000 is not computed",
    );
  });

  it('weights outcome prices by a value column, as the business KPI settings say', () => {
    const withAmounts = rows.map((r, i) => ({ ...r, inputs: { amount: [100, 50, 10, 5, 7][i] } }));
    const matrix = { truePositiveValue: 1, falsePositiveCost: 2, falseNegativeCost: 1, trueNegativeValue: 0 };
    const weights = { valueColumn: 'amount', tp: true, fp: false, fn: true };
    const r = decayFigures(withAmounts, signature, { positiveLabel: 'yes', threshold: 0.5, cost: { matrix, currency: 'EUR', source: 'kpi', weights } });
    // TP (amount 100) gains 100; FN (amount 50) costs 50; FP (amount 10, not weighted) costs 2; over 5 rows.
    expect(value(r, 'cost_per_1000')).toBeCloseTo((1000 * (-100 + 50 + 2)) / 5, 9);
  });

  it('scores regression with rmse and mae', () => {
    const r = decayFigures([{ label: 3, outputs: { prediction: 1 } }, { label: 1, outputs: { prediction: 1 } }], { ...signature, task: 'regression', labels: [] }, { positiveLabel: '', threshold: 0.5, cost: null });
    expect(value(r, 'mae')).toBe(1);
    expect(value(r, 'rmse')).toBeCloseTo(Math.SQRT2, 12);
  });

  it('says when there is nothing to score', () => {
    expect(decayFigures([], signature, { positiveLabel: '', threshold: 0.5, cost: null })).toEqual({ labelled: 0, figures: [], note: 'No feedback labels have arrived for this window yet' });
  });
});
