import { describe, expect, it } from 'vitest';
import { mlpTrainingWork } from './mlp-work';

describe('mlpTrainingWork', () => {
  const bench = { hiddenLayers: [64, 32], epochs: 3, batchSize: 512 };

  it('is the bench MLP on 80k rows of 20 features and a target: 471 steps of 512 rows through 3,457 weights', () => {
    expect(mlpTrainingWork(bench, { rows: 80_000, columns: 21 })).toEqual({ steps: 471, batch: 512, weights: 3457 });
  });

  it('counts the features listed, when they are', () => {
    expect(mlpTrainingWork({ ...bench, features: ['a', 'b'] }, { rows: 1000, columns: 21 })?.weights).toBe(3 * 64 + 65 * 32 + 33);
  });

  it('takes a batch larger than the data as one step an epoch', () => {
    expect(mlpTrainingWork({ ...bench, batchSize: 4096 }, { rows: 150, columns: 5 })).toMatchObject({ steps: 3, batch: 150 });
  });

  it('has no estimate for a table with no feature column or no rows', () => {
    expect(mlpTrainingWork(bench, { rows: 100, columns: 1 })).toBeUndefined();
    expect(mlpTrainingWork(bench, { rows: 0, columns: 5 })).toBeUndefined();
  });
});
