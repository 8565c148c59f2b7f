import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { canonicalJSON } from '../../engine/canonical-json';
import type { ModelArtifact, ModelValue } from '../models/model-artifact';
import { predictTable } from '../models/predict';
import { randomSplitNode } from '../split/random-split.node';
import { readColumn } from '../table/read-column';
import { fakeContext } from '../testing/fake-context';
import type { TableValue } from '../values';
import { randomForestNode } from './random-forest.node';
import { rankAuc } from './rank-auc';
import { sampleTable } from './sample-table';

const fromDisk = (path: string) => readFile(new URL(`../${path}`, import.meta.url)).then((b) => new Uint8Array(b));

async function split(dataset: 'breast-cancer' | 'iris' | 'diabetes', stratifyBy?: string) {
  const params = randomSplitNode.params.parse({ seed: 0, stratifyBy });
  const out = await randomSplitNode.run({ inputs: { table: await sampleTable(dataset, fromDisk) }, params, ctx: fakeContext() });
  return { train: out.train as TableValue, test: out.test as TableValue };
}

async function train(table: TableValue, params: object = {}) {
  const ctx = fakeContext();
  const out = await randomForestNode.run({ inputs: { train: table }, params: randomForestNode.params.parse(params), ctx });
  return { model: (out.model as ModelValue).model, ctx };
}

function accuracy(scores: Float64Array, labels: string[], truth: unknown[]): number {
  const k = labels.length;
  return (
    truth.filter((label, i) => {
      let best = 0;
      for (let c = 1; c < k; c++) if (scores[i * k + c] > scores[i * k + best]) best = c;
      return labels[best] === label;
    }).length / truth.length
  );
}

describe('train/random-forest', () => {
  it('classifies breast cancer like scikit-learn does on the same split', async () => {
    // On this split, seeds 0–9: scikit-learn 1.2.1 RandomForestClassifier() gives accuracy 0.951–0.972,
    // ROC AUC 0.987–0.994, OOB accuracy 0.948–0.960; this forest gives 0.951–0.972, 0.986–0.994, 0.951–0.962.
    const { train: side, test } = await split('breast-cancer', 'diagnosis');
    const { model, ctx } = await train(side);
    const predictions = await predictTable(model, test, ctx.ml);
    const truth = readColumn(test.table, 'diagnosis');
    const auc = rankAuc(Array.from(truth, (_, i) => predictions.scores[i * 2 + 1]), truth.map((t) => t === 'malignant'));
    expect(accuracy(predictions.scores, predictions.labels, truth)).toBeGreaterThanOrEqual(0.94);
    expect(auc).toBeGreaterThanOrEqual(0.98);
    expect(model.training).toMatchObject({ iterations: 100, featuresPerSplit: 5 });
    expect(model.training.oobScore as number).toBeGreaterThan(0.93);
    expect(model.training.oobScore as number).toBeLessThan(0.99);
    expect(ctx.progressed.filter((p) => p.data?.iteration !== undefined)).toHaveLength(100);
    for (let i = 0; i < test.table.numRows; i++) expect(predictions.scores[2 * i] + predictions.scores[2 * i + 1]).toBeCloseTo(1, 12);
  });

  it('classifies iris', async () => {
    const { train: side, test } = await split('iris', 'species');
    const { model, ctx } = await train(side, { nEstimators: 50 });
    expect(model.task).toBe('multiclass');
    const predictions = await predictTable(model, test, ctx.ml);
    expect(accuracy(predictions.scores, predictions.labels, readColumn(test.table, 'species'))).toBeGreaterThanOrEqual(0.89);
  });

  it('regresses diabetes progression', async () => {
    // scikit-learn's RandomForestRegressor reaches a test R² of about 0.4–0.5 on this dataset.
    const { train: side, test } = await split('diabetes');
    const { model, ctx } = await train(side, { nEstimators: 60 });
    expect(model.task).toBe('regression');
    const { scores } = await predictTable(model, test, ctx.ml);
    const y = readColumn(test.table, 'progression') as number[];
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const r2 = 1 - y.reduce((s, v, i) => s + (v - scores[i]) ** 2, 0) / y.reduce((s, v) => s + (v - mean) ** 2, 0);
    expect(r2).toBeGreaterThan(0.3);
    expect(r2).toBeLessThan(0.7);
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const { train: side } = await split('iris', 'species');
    const a = (await train(side, { nEstimators: 10, seed: 7 })).model;
    const b = (await train(side, { nEstimators: 10, seed: 7 })).model;
    const c = (await train(side, { nEstimators: 10, seed: 8 })).model;
    expect(canonicalJSON(a)).toBe(canonicalJSON(b));
    expect(canonicalJSON(a.payload)).not.toBe(canonicalJSON(c.payload));
  });

  it('keeps the payload compact, plain JSON', async () => {
    const { train: side } = await split('breast-cancer', 'diagnosis');
    const { model } = await train(side, { nEstimators: 20, maxDepth: 4 });
    const back = JSON.parse(canonicalJSON(model)) as ModelArtifact;
    expect(back).toEqual(model);
    const trees = model.payload.trees as { feature: number[] }[];
    expect(trees).toHaveLength(20);
    for (const tree of trees) expect(tree.feature.length).toBeLessThanOrEqual(31); // depth 4: at most 2^5 − 1 nodes
    expect(model.training.maxDepthReached).toBeLessThanOrEqual(4);
  });
});
