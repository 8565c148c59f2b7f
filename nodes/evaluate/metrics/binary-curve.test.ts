import { describe, expect, it } from 'vitest';
import { averagePrecision, prCurve, rocAuc, rocCurve, thresholdCounts } from './binary-curve';

// scikit-learn's roc_curve / precision_recall_curve docstring example.
const y = [0, 0, 1, 1];
const scores = [0.1, 0.4, 0.35, 0.8];

describe('thresholdCounts', () => {
  it('counts positives at or above each distinct score, highest first; ties decide together', () => {
    const counts = thresholdCounts([1, 0, 1, 0, 1], [0.9, 0.5, 0.5, 0.5, 0.1]);
    expect(Array.from(counts.thresholds)).toEqual([0.9, 0.5, 0.1]);
    expect(Array.from(counts.tps)).toEqual([1, 2, 3]);
    expect(Array.from(counts.fps)).toEqual([0, 2, 2]);
    expect(counts).toMatchObject({ positives: 3, negatives: 2 });
  });
});

describe('rocCurve', () => {
  it('matches the scikit-learn docstring example', () => {
    const roc = rocCurve(thresholdCounts(y, scores));
    expect(roc.fpr).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(roc.tpr).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(roc.thresholds).toEqual([1.8, 0.8, 0.4, 0.35, 0.1]);
  });

  it('drops points collinear with their neighbours', () => {
    // Three negatives in a row below all positives: the middle ones are on a straight segment.
    const roc = rocCurve(thresholdCounts([1, 1, 0, 0, 0], [0.9, 0.8, 0.3, 0.2, 0.1]));
    expect(roc.thresholds).toEqual([1.9, 0.9, 0.8, 0.1]);
    expect(roc.fpr).toEqual([0, 0, 0, 1]);
  });

  it('is undefined (NaN) without negatives, and so is its area', () => {
    const counts = thresholdCounts([1, 1], [0.2, 0.7]);
    expect(rocCurve(counts).fpr.every(Number.isNaN)).toBe(true);
    expect(rocAuc(counts)).toBeNaN();
  });
});

describe('rocAuc', () => {
  it('is 0.75 for the docstring example, 1 for a perfect ranking, 0.5 for all ties', () => {
    expect(rocAuc(thresholdCounts(y, scores))).toBeCloseTo(0.75, 12);
    expect(rocAuc(thresholdCounts([0, 1], [0.1, 0.9]))).toBe(1);
    expect(rocAuc(thresholdCounts([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]))).toBe(0.5);
  });
});

describe('prCurve and averagePrecision', () => {
  it('matches the scikit-learn docstring example', () => {
    const pr = prCurve(thresholdCounts(y, scores));
    expect(pr.precision.map((p) => +p.toFixed(8))).toEqual([0.5, 0.66666667, 0.5, 1, 1]);
    expect(pr.recall).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(pr.thresholds).toEqual([0.1, 0.35, 0.4, 0.8]);
  });

  it('is step-wise, not the trapezoid', () => {
    // Steps: recall 0.5 at precision 1, then recall 1 at precision 2/3: 0.5 + 0.5 × 2/3.
    expect(averagePrecision(thresholdCounts(y, scores))).toBeCloseTo(0.5 + 1 / 3, 12);
  });

  it('is undefined without positives', () => {
    expect(averagePrecision(thresholdCounts([0, 0], [0.1, 0.2]))).toBeNaN();
  });
});
