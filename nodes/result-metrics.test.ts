import { describe, expect, it } from 'vitest';
import { stepResults } from './result-metrics';
import type { ModelArtifact } from './models/model-artifact';
import type { Report } from './values';

describe('stepResults', () => {
  it('takes an evaluation’s finite metrics and whether its gates passed', () => {
    const results = stepResults({
      kind: 'metrics',
      metrics: { type: 'classification', metrics: { roc_auc: 0.91, log_loss: 0.3, pr_auc: null }, gates: [{ metric: 'roc_auc', passed: true }, { metric: 'f1', passed: false }] },
    });
    expect(results).toEqual({ metrics: { roc_auc: 0.91, log_loss: 0.3, gates_passed: 0 } });
  });

  it('takes a model’s training figures but not its params or history', () => {
    const model = { format: 'x', task: 'binary', target: 'y', inputs: [], preprocessing: {}, labels: [], payload: {}, training: { loss: 0.2, epochs: 5, backend: 'wasm', params: { lr: 1 }, history: [{ loss: 1 }], rows: 100 } } as ModelArtifact;
    expect(stepResults({ kind: 'model', model }).metrics).toEqual({ loss: 0.2, epochs: 5, rows: 100 });
  });

  it('takes a search’s best score, trial count and every trial', () => {
    const report: Report = {
      type: 'search',
      title: 's',
      metric: 'roc_auc',
      direction: 'maximize',
      best: { trial: 2, params: { l2: 0.1 }, value: 0.8 },
      trials: [
        { trial: 1, params: { l2: 1 }, value: 0.7, durationMs: 10 },
        { trial: 2, params: { l2: 0.1 }, value: 0.8, durationMs: 12 },
        { trial: 3, params: { l2: 'x' }, value: null, durationMs: 1, error: 'bad' },
      ],
    };
    const results = stepResults({ kind: 'report', report });
    expect(results.metrics).toEqual({ roc_auc: 0.8, trials: 3 });
    expect(results.search).toMatchObject({ metric: 'roc_auc', direction: 'maximize' });
    expect(results.search!.trials[2]).toEqual({ trial: 3, params: { l2: 'x' }, value: null, durationMs: 1, error: 'bad' });
  });

  it('reports nothing for other reports', () => {
    expect(stepResults({ kind: 'report', report: { type: 'column-stats', title: 't', rows: 5 } })).toEqual({ metrics: {} });
  });
});
