import { describe, expect, it } from 'vitest';
import { forestData } from './forest-data';
import { bestSplitOnFeature, midpoint, splitScratch, type NodeTotals } from './forest-split';

function setUp(columns: number[][], target: number[], classes: number) {
  const rows = target.length;
  const X = { rows, cols: columns.length, data: Float64Array.from({ length: rows * columns.length }, (_, i) => columns[i % columns.length][Math.floor(i / columns.length)]) };
  const data = forestData(X, classes ? { classes, labels: Int32Array.from(target) } : { classes: 0, values: Float64Array.from(target) });
  const weights = new Float64Array(rows).fill(1);
  const all = Int32Array.from({ length: rows }, (_, i) => i);
  const totals: NodeTotals = { weight: rows, classWeight: new Float64Array(Math.max(classes, 1)), sum: 0 };
  target.forEach((t) => (classes ? totals.classWeight[t]++ : (totals.sum += t)));
  return { data, weights, all, totals, scratch: splitScratch(data) };
}

describe('bestSplitOnFeature', () => {
  it('finds the clean class boundary at the midpoint', () => {
    const s = setUp([[5, 1, 4, 2, 3, 6]], [1, 0, 1, 0, 0, 1], 2);
    const split = bestSplitOnFeature(s.data, s.all, s.weights, 0, 1, s.totals, s.scratch);
    expect(split).toMatchObject({ feature: 0, threshold: 3.5 });
    // Both sides pure: 3²/3 + 3²/3 = 6, the largest possible score.
    expect((split as { score: number }).score).toBe(6);
  });

  it('never splits between equal values and reports a constant feature', () => {
    const s = setUp([[1, 1, 2, 2], [7, 7, 7, 7]], [0, 1, 0, 1], 2);
    expect(bestSplitOnFeature(s.data, s.all, s.weights, 1, 1, s.totals, s.scratch)).toBe('constant');
    expect(bestSplitOnFeature(s.data, s.all, s.weights, 0, 1, s.totals, s.scratch)).toMatchObject({ threshold: 1.5 });
  });

  it('respects min_samples_leaf', () => {
    const s = setUp([[1, 2, 3, 4, 5]], [1, 0, 0, 0, 0], 2);
    expect(bestSplitOnFeature(s.data, s.all, s.weights, 0, 1, s.totals, s.scratch)).toMatchObject({ threshold: 1.5 });
    expect(bestSplitOnFeature(s.data, s.all, s.weights, 0, 2, s.totals, s.scratch)).toMatchObject({ threshold: 2.5 });
    expect(bestSplitOnFeature(s.data, s.all, s.weights, 0, 3, s.totals, s.scratch)).toBeNull();
  });

  it('uses the weights (bootstrap counts, class weights)', () => {
    const s = setUp([[1, 2, 3, 4]], [0, 1, 0, 1], 2);
    // Unweighted, cutting at 1.5 and at 3.5 tie and the first wins.
    expect(bestSplitOnFeature(s.data, s.all, s.weights, 0, 1, s.totals, s.scratch)).toMatchObject({ threshold: 1.5 });
    // Row 3 (x=4, class 1) weighing 10 makes isolating it the best Gini split.
    s.weights[3] = 10;
    s.totals.weight = 13;
    s.totals.classWeight[1] = 11;
    expect(bestSplitOnFeature(s.data, s.all, s.weights, 0, 1, s.totals, s.scratch)).toMatchObject({ threshold: 3.5 });
  });

  it('minimises squared error for regression', () => {
    const s = setUp([[1, 2, 3, 4, 5, 6]], [1, 1.2, 0.9, 5, 5.1, 4.8], 0);
    expect(bestSplitOnFeature(s.data, s.all, s.weights, 0, 1, s.totals, s.scratch)).toMatchObject({ threshold: 3.5 });
  });

  it('only looks at the node\'s rows', () => {
    const s = setUp([[1, 2, 3, 4, 5, 6]], [0, 0, 1, 1, 0, 0], 2);
    const node = Int32Array.from([0, 1, 2, 3]);
    const totals = { weight: 4, classWeight: Float64Array.from([2, 2]), sum: 0 };
    expect(bestSplitOnFeature(s.data, node, s.weights, 0, 1, totals, s.scratch)).toMatchObject({ threshold: 2.5, score: 4 });
  });
});

describe('midpoint', () => {
  it('stays below the upper value', () => {
    expect(midpoint(1, 2)).toBe(1.5);
    expect(midpoint(1, 1 + Number.EPSILON)).toBe(1);
    expect(midpoint(-Number.MAX_VALUE, Number.MAX_VALUE)).toBe(0);
  });
});
