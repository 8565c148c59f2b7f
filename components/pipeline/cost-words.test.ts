import { describe, expect, it } from 'vitest';
import type { CostView } from '../../nodes/evaluate/cost';
import { assumptions, baselineVerdict, costSentence, formatThreshold } from './cost-words';

const outcomes = { truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0 };
const point = (threshold: number | null, costPer1000: number) => ({ threshold, costPer1000, flaggedPer1000: 300, outcomes });

function view(at: number, optimal: number, optimalThreshold: number, currency = ''): CostView {
  return {
    unit: 'cost per 1,000 decisions',
    currency,
    explanation: '',
    matrix: { truePositiveValue: 0, falsePositiveCost: 1, falseNegativeCost: 5, trueNegativeValue: 0 },
    atThreshold: point(0.5, at),
    optimal: { ...point(optimalThreshold, optimal), savingPer1000: at - optimal },
    baselines: { flagNobody: point(null, 400), flagEveryone: point(0, 600) },
    curve: { thresholds: [], costPer1000: [], flaggedPer1000: [] },
    summary: '',
  };
}

describe('costSentence', () => {
  it('says what the decisions cost now and at the cost-optimal threshold, rounded alike', () => {
    expect(costSentence(view(27.97, 19.2, 0.3123))).toEqual({
      now: 'At threshold 0.5: 28 cost per 1,000 decisions;',
      better: 'the cost-optimal threshold 0.31 would give 19 per 1,000 — saving 9.',
    });
  });

  it('says so when the threshold is already the best one', () => {
    expect(costSentence(view(21, 21, 0.5)).better).toBeNull();
    expect(costSentence(view(21, 21, 0.5)).now).toContain('already the cost-optimal threshold');
  });

  it('names a negative cost as a net gain, with the currency', () => {
    expect(costSentence(view(-12.4, -30.2, 0.2, 'EUR')).better).toBe('the cost-optimal threshold 0.2 would give a net gain of EUR 30 per 1,000 — saving EUR 18.');
  });
});

describe('formatThreshold', () => {
  it('keeps thresholds near 0 and 1 apart from 0 and 1', () => {
    expect(formatThreshold(0.45082)).toBe('0.45');
    expect(formatThreshold(0.99993)).toBe('0.9999');
    expect(formatThreshold(1)).toBe('1');
    expect(formatThreshold(null)).toBe('none');
  });
});

describe('assumptions', () => {
  it('names the positive class and the costs', () => {
    expect(assumptions(view(1, 1, 0.5), 'fraud')).toBe('Assumes each false alarm costs 1 and a missed fraud costs 5; correct decisions are worth nothing.');
  });
});

describe('baselineVerdict', () => {
  it('says how much the model saves against the cheaper no-skill rule', () => {
    // Baselines: nobody 400, everyone 600; the model at 0.5 costs 397.
    expect(baselineVerdict(view(397, 300, 0.8, 'EUR'))).toEqual({
      beats: true,
      text: 'Saves EUR 3 per 1,000 (0.8%) against flagging nobody, the cheaper of the two rules that need no model.',
    });
  });

  it('says plainly when a rule that needs no model is cheaper', () => {
    expect(baselineVerdict(view(428, 300, 0.8))).toEqual({
      beats: false,
      text: 'Costs 28 more per 1,000 (7.0%) than flagging nobody: at this threshold the model does not pay for itself.',
    });
  });

  it('uses the comparison the report carries when it has one', () => {
    const vsBaseline = { best: 'flagEveryone' as const, bestCostPer1000: 2, savingPer1000: 1, savingPct: 50 };
    expect(baselineVerdict({ ...view(1, 1, 0.5), vsBaseline }).text).toBe('Saves 1.0 per 1,000 (50.0%) against flagging everyone, the cheaper of the two rules that need no model.');
  });
});
