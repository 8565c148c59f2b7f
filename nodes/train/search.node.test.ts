import { describe, expect, it } from 'vitest';
import { tableFromColumns, type ColumnData } from '../table/table-from-columns';
import { takeRows } from '../table/take-rows';
import { fakeContext } from '../testing/fake-context';
import type { PortValue, TableValue } from '../values';
import { circleData, TEST_ML, waveData } from './mlp-test-kit';
import { hyperparameterSearchNode as node } from './search.node';

function table(rows: number, seed: number, kind: 'circle' | 'wave'): TableValue {
  const { X, target } = kind === 'circle' ? circleData(rows, seed) : waveData(rows, seed);
  const y = target.kind === 'classification' ? Array.from(target.y, (v) => (v ? 'in' : 'out')) : Array.from(target.y);
  const columns: ColumnData[] = [
    { info: { name: 'a', type: 'numeric', role: 'feature' }, values: Array.from({ length: rows }, (_, i) => X.data[2 * i]) },
    { info: { name: 'b', type: 'numeric', role: 'feature' }, values: Array.from({ length: rows }, (_, i) => X.data[2 * i + 1]) },
    { info: { name: 'y', type: kind === 'circle' ? 'categorical' : 'numeric', role: 'target' }, values: y },
  ];
  return { kind: 'table', table: tableFromColumns(columns), columns: columns.map((c) => c.info) };
}

async function search(raw: Record<string, unknown>, kind: 'circle' | 'wave' = 'circle', validationRows = 120) {
  const ctx = fakeContext({ ml: TEST_ML });
  const validation = table(validationRows || 1, 2, kind);
  const inputs = {
    train: table(300, 1, kind),
    validation: validationRows ? validation : { ...validation, table: takeRows(validation.table, new Int32Array(0)) },
  };
  const outputs = await node.run({ inputs, params: node.params.parse(raw), ctx });
  const model = outputs.model as Extract<PortValue, { kind: 'model' }>;
  const report = (outputs.report as Extract<PortValue, { kind: 'report' }>).report;
  return { ctx, model: model.model, report, trials: report.trials as { trial: number; params: object; value: number | null; durationMs: number }[] };
}

describe('train/hyperparameter-search', () => {
  it('declares two required table inputs, a model and a report, and re-runs', () => {
    expect(node.inputs.map((p) => [p.name, p.kind, p.optional ?? false])).toEqual([
      ['train', 'table', false],
      ['validation', 'table', false],
    ]);
    expect(node.outputs.map((p) => p.kind)).toEqual(['model', 'report']);
    expect(node.deterministic).toBe(false);
    expect(node.params.parse({})).toMatchObject({ algorithm: 'tfjs/mlp', strategy: 'random', nTrials: 10, metric: 'auto', space: {} });
  });

  it('runs a grid of logistic regressions, records every trial and outputs the best', async () => {
    const { ctx, model, report, trials } = await search({
      algorithm: 'pipeworks/logistic',
      strategy: 'grid',
      space: { C: [0.001, 1, 100] },
      metric: 'accuracy',
    });
    expect(trials.map((t) => t.params)).toEqual([{ C: 0.001 }, { C: 1 }, { C: 100 }]);
    expect(trials.every((t) => typeof t.value === 'number' && t.durationMs >= 0)).toBe(true);
    const bestValue = Math.max(...trials.map((t) => t.value!));
    expect(report).toMatchObject({ type: 'search', metric: 'accuracy', direction: 'maximize', validationRows: 120 });
    expect((report.best as { value: number }).value).toBe(bestValue);
    expect(model.format).toBe('pipeworks/logistic');
    expect(model.training.search).toMatchObject({ metric: 'accuracy', value: bestValue });
    const perTrial = ctx.progressed.filter((p) => p.data?.value !== undefined);
    expect(perTrial.map((p) => [p.data!.trial, p.fraction])).toEqual([[1, 1 / 3], [2, 2 / 3], [3, 1]]);
    expect(ctx.progressed.every((p, i) => i === 0 || p.fraction >= ctx.progressed[i - 1].fraction)).toBe(true);
  });

  it('tunes the MLP by random draws from a log range and a list', async () => {
    const { ctx, model, report, trials } = await search({
      algorithm: 'tfjs/mlp',
      strategy: 'random',
      nTrials: 3,
      seed: 4,
      space: {
        learningRate: { min: 0.003, max: 0.05, scale: 'log' },
        hiddenLayers: [[8], [16, 8]],
        epochs: [6],
        batchSize: [32],
      },
    });
    expect(trials).toHaveLength(3);
    expect(report.metric).toBe('roc_auc');
    for (const t of trials) {
      const lr = (t.params as { learningRate: number }).learningRate;
      expect(lr).toBeGreaterThanOrEqual(0.003);
      expect(lr).toBeLessThanOrEqual(0.05);
    }
    expect(model.format).toBe('tfjs/mlp');
    expect(model.training.backend).toBe('wasm');
    expect(ctx.progressed.some((p) => p.data?.epoch !== undefined && p.data?.trial === 2)).toBe(true);
    expect(Math.max(...trials.map((t) => t.value!))).toBeGreaterThan(0.8);
  });

  it('tunes a random forest, null (no depth limit) included', async () => {
    const { model, trials } = await search({
      algorithm: 'pipeworks/forest',
      strategy: 'grid',
      space: { maxDepth: [1, null], nEstimators: [10] },
    });
    expect(trials.map((t) => t.params)).toEqual([{ maxDepth: 1, nEstimators: 10 }, { maxDepth: null, nEstimators: 10 }]);
    expect(trials[1].value!).toBeGreaterThan(trials[0].value!); // a stump cannot draw a circle
    expect(model.format).toBe('pipeworks/forest');
  });

  it('minimises RMSE for a regression search', async () => {
    const { report, trials } = await search(
      { algorithm: 'pipeworks/linear', strategy: 'grid', metric: 'rmse', space: { alpha: [0, 1000000] } },
      'wave',
    );
    expect(report.direction).toBe('minimize');
    expect(trials[1].value!).toBeGreaterThan(trials[0].value!);
    expect((report.best as { trial: number }).trial).toBe(1);
  });

  it('says what is wrong with a search before training', async () => {
    await expect(search({ algorithm: 'pipeworks/logistic', space: { learningRate: [0.1] } })).rejects.toThrow(
      /pipeworks\/logistic has no param "learningRate"; it has C, maxIter, tol/,
    );
    await expect(search({ algorithm: 'pipeworks/logistic' })).rejects.toThrow(/at least one param/);
    await expect(search({ algorithm: 'pipeworks/logistic', strategy: 'grid', nTrials: 2, space: { C: [1, 2, 3] } })).rejects.toThrow(
      /grid has 3 combinations, more than nTrials \(2\)/,
    );
    await expect(search({ algorithm: 'tfjs/mlp', space: { dropout: [0.5, 2] }, strategy: 'grid' })).rejects.toThrow(/Trial 2: "dropout"/);
    await expect(search({ algorithm: 'pipeworks/logistic', space: { C: [1] } }, 'circle', 0)).rejects.toThrow(/needs validation rows/);
    await expect(search({ algorithm: 'pipeworks/logistic', space: { C: [1] }, metric: 'rmse' })).rejects.toThrow(/rmse does not apply/);
  });
});
