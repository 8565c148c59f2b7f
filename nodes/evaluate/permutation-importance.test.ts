import { describe, expect, it } from 'vitest';
import { metricValue } from './metric-values';
import { permutationImportance } from './permutation-importance';
import type { Predictions } from './predictor';
import { readTruth } from './read-truth';
import { dataFromPredictions } from './data-from-predictions';
import { fakePredictor, scoredTable } from './evaluate.fixture';

const table = scoredTable(300);
const truth = readTruth(table, 'label');
const rocAuc = (p: Predictions) => metricValue(dataFromPredictions(p, truth, { positiveLabel: 'yes', threshold: 0.5 }), 'roc_auc');
const options = { columns: ['x1', 'x2', 'colour'], metric: 'roc_auc', higherIsBetter: true, repeats: 3, seed: 11 };

describe('permutationImportance', () => {
  it('finds the column the model reads and gives exactly 0 to the ones it ignores', async () => {
    const result = await permutationImportance(table, fakePredictor('binary'), rocAuc, options);
    expect(result.baseline).toBeGreaterThan(0.8);
    expect(result.features[0].column).toBe('x1');
    expect(result.features[0].mean).toBeGreaterThan(0.3);
    expect(result.features[0].scores).toHaveLength(3);
    for (const f of result.features.slice(1)) expect(f).toMatchObject({ mean: 0, std: 0 });
    expect(result.features.slice(1).map((f) => f.column)).toEqual(['x2', 'colour']);
  });

  it('is deterministic for a seed and changes with it', async () => {
    const a = await permutationImportance(table, fakePredictor('binary'), rocAuc, options);
    const b = await permutationImportance(table, fakePredictor('binary'), rocAuc, options);
    const c = await permutationImportance(table, fakePredictor('binary'), rocAuc, { ...options, seed: 12 });
    expect(b).toEqual(a);
    expect(c.features[0].scores).not.toEqual(a.features[0].scores);
  });

  it('counts a worse loss as importance when lower is better', async () => {
    const regressionTruth = readTruth(table, 'amount');
    const rmse = (p: Predictions) => metricValue(dataFromPredictions(p, regressionTruth, { positiveLabel: '', threshold: 0.5 }), 'rmse');
    const result = await permutationImportance(table, fakePredictor('regression'), rmse, {
      ...options,
      metric: 'rmse',
      higherIsBetter: false,
    });
    expect(result.features[0]).toMatchObject({ column: 'x1' });
    expect(result.features[0].mean).toBeGreaterThan(1);
  });

  it('predicts once for the baseline and once per column and repeat, and stops when cancelled', async () => {
    const predict = fakePredictor('binary');
    await permutationImportance(table, predict, rocAuc, options);
    expect(predict.calls).toBe(1 + 3 * 3);
    const controller = new AbortController();
    controller.abort();
    await expect(permutationImportance(table, predict, rocAuc, { ...options, signal: controller.signal })).rejects.toThrow();
  });
});
