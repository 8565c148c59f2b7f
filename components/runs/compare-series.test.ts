import { describe, expect, it } from 'vitest';
import { overlayCurves, overlayLosses, type RunCurves } from './compare-series';

const roc = (auc: number) => ({ label: 'yes', auc, fpr: [0, 0.5, 1], tpr: [0, 0.9, 1] });
const pr = { label: 'yes', averagePrecision: 0.8, prevalence: 0.3, recall: [1, 0.5, 0], precision: [0.3, 0.8, 1] };
const point = (epoch: number, loss: number) => ({ t: epoch, fraction: epoch / 3, data: { epoch, loss } });

const a: RunCurves = { name: 'run a', curves: [{ stepId: 'evaluate', label: null, roc: [roc(0.9)], pr: [pr] }], losses: [{ stepId: 'train', label: null, series: [point(1, 0.9), point(2, 0.5)] }] };
const b: RunCurves = { name: 'run b', curves: [{ stepId: 'evaluate', label: null, roc: [roc(0.95)], pr: [pr] }], losses: [{ stepId: 'train', label: null, series: [point(1, 0.8), point(2, 0.4), point(3, 0.3)] }] };

describe('compare overlays', () => {
  it("names one series per run's evaluation, by the run alone when it has one", () => {
    const series = overlayCurves([a, b], 'roc');
    expect(series.map((s) => [s.label, s.run, s.score])).toEqual([
      ['run a', 0, 0.9],
      ['run b', 1, 0.95],
    ]);
    expect(overlayCurves([a], 'pr')[0]).toMatchObject({ x: pr.recall, y: pr.precision, score: 0.8 });
  });

  it('adds the step when a run has two evaluations', () => {
    const two: RunCurves = { ...a, curves: [a.curves[0], { ...a.curves[0], stepId: 'evaluate-mlp', label: 'MLP' }] };
    expect(overlayCurves([two], 'roc').map((s) => s.label)).toEqual(['run a · evaluate', 'run a · MLP']);
  });

  it('merges every run’s loss by epoch', () => {
    const losses = overlayLosses([a, b])!;
    expect(losses.xLabel).toBe('Epoch');
    expect(losses.labels.map((l) => l.label)).toEqual(['run a', 'run b']);
    expect(losses.rows).toEqual([
      { x: 1, l0_0: 0.9, l1_0: 0.8 },
      { x: 2, l0_0: 0.5, l1_0: 0.4 },
      { x: 3, l1_0: 0.3 },
    ]);
    expect(overlayLosses([{ ...a, losses: [] }])).toBeNull();
  });
});
