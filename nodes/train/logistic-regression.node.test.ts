// The bar: breast cancer, stratified 75/25 split, seed 0 → ROC AUC ≥ 0.99, accuracy ≥ 0.95.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { predictTable } from '../models/predict';
import type { ModelValue } from '../models/model-artifact';
import { randomSplitNode } from '../split/random-split.node';
import { readColumn } from '../table/read-column';
import { fakeContext } from '../testing/fake-context';
import type { TableValue } from '../values';
import { logisticRegressionNode } from './logistic-regression.node';
import { rankAuc } from './rank-auc';
import { sampleTable } from './sample-table';

const fromDisk = (path: string) => readFile(new URL(`../${path}`, import.meta.url)).then((b) => new Uint8Array(b));

async function split(table: TableValue, stratifyBy: string) {
  const params = randomSplitNode.params.parse({ train: 0.75, test: 0.25, seed: 0, stratifyBy });
  const out = await randomSplitNode.run({ inputs: { table }, params, ctx: fakeContext() });
  return { train: out.train as TableValue, test: out.test as TableValue };
}

async function train(table: TableValue, params: object = {}) {
  const ctx = fakeContext();
  const out = await logisticRegressionNode.run({ inputs: { train: table }, params: logisticRegressionNode.params.parse(params), ctx });
  return { model: (out.model as ModelValue).model, ctx };
}

function accuracy(scores: Float64Array, labels: string[], truth: unknown[]): number {
  const k = labels.length;
  let right = 0;
  truth.forEach((label, i) => {
    let best = 0;
    for (let c = 1; c < k; c++) if (scores[i * k + c] > scores[i * k + best]) best = c;
    if (labels[best] === label) right++;
  });
  return right / truth.length;
}

describe('train/logistic-regression on breast cancer (the issue bar)', () => {
  it('reaches ROC AUC ≥ 0.99 and accuracy ≥ 0.95 on the stratified 25% test side, seed 0', async () => {
    const { train: trainSide, test } = await split(await sampleTable('breast-cancer', fromDisk), 'diagnosis');
    expect([trainSide.table.numRows, test.table.numRows]).toEqual([426, 143]);
    const { model, ctx } = await train(trainSide);
    expect(model).toMatchObject({ format: 'pipeworks/logistic', task: 'binary', labels: ['benign', 'malignant'] });
    expect(model.training).toMatchObject({ converged: true, rows: 426, features: 30 });
    const predictions = await predictTable(model, test, ctx.ml);
    const truth = readColumn(test.table, 'diagnosis');
    const auc = rankAuc(
      Array.from({ length: truth.length }, (_, i) => predictions.scores[i * 2 + 1]),
      truth.map((t) => t === 'malignant'),
    );
    const acc = accuracy(predictions.scores, predictions.labels, truth);
    expect(auc).toBeGreaterThanOrEqual(0.99);
    expect(acc).toBeGreaterThanOrEqual(0.95);
    // scikit-learn 1.2.1 (StandardScaler + LogisticRegression()) on this very split, exported as CSV,
    // gives AUC 0.9901467505 and accuracy 0.9720279720 in 31 iterations; ours matched its
    // coefficients to 1e-13. Pinned, so a change in the split, scaling or solver shows up here.
    expect(auc).toBeCloseTo(0.9901467505, 9);
    expect(acc).toBeCloseTo(139 / 143, 12);
    // The run log carries a training summary and the loss streams per iteration.
    expect(ctx.logs.some((l) => /426 rows, 30 input columns → 30 features/.test(l.message))).toBe(true);
    expect(ctx.progressed.filter((p) => typeof p.data?.loss === 'number').length).toBeGreaterThan(3);
  });

  it('does multinomial classification on iris', async () => {
    const { train: trainSide, test } = await split(await sampleTable('iris', fromDisk), 'species');
    const { model, ctx } = await train(trainSide);
    expect(model).toMatchObject({ task: 'multiclass', labels: ['setosa', 'versicolor', 'virginica'] });
    const predictions = await predictTable(model, test, ctx.ml);
    expect(accuracy(predictions.scores, predictions.labels, readColumn(test.table, 'species'))).toBeGreaterThanOrEqual(0.9);
  });

  it('is deterministic: the same data and params give the same artifact', async () => {
    const { train: trainSide } = await split(await sampleTable('iris', fromDisk), 'species');
    expect((await train(trainSide)).model).toEqual((await train(trainSide)).model);
  });
});
