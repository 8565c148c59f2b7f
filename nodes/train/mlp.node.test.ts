import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue } from '../codec';
import { predictTable } from '../models/predict';
import { tableFromColumns, type ColumnData } from '../table/table-from-columns';
import { fakeContext } from '../testing/fake-context';
import type { TableValue } from '../values';
import { circleData, TEST_ML } from './mlp-test-kit';
import { mlpNode } from './mlp.node';

function circleTable(rows: number, seed: number): TableValue {
  const { X, target } = circleData(rows, seed);
  const columns: ColumnData[] = [
    { info: { name: 'a', type: 'numeric', role: 'feature' }, values: Array.from({ length: rows }, (_, i) => X.data[2 * i]) },
    { info: { name: 'b', type: 'numeric', role: 'feature' }, values: Array.from({ length: rows }, (_, i) => X.data[2 * i + 1]) },
    { info: { name: 'inside', type: 'categorical', role: 'target' }, values: Array.from(target.y, (y) => (y ? 'yes' : 'no')) },
  ];
  return { kind: 'table', table: tableFromColumns(columns), columns: columns.map((c) => c.info) };
}

describe('train/mlp node', () => {
  it('is a train node that re-runs rather than promising bit-identical weights', () => {
    expect(mlpNode).toMatchObject({ type: 'train/mlp', version: 1, category: 'train', deterministic: false });
    expect(mlpNode.runsOn).toEqual(['browser', 'server']);
    expect(mlpNode.inputs.map((p) => p.name)).toEqual(['train', 'validation']);
    const defaults = mlpNode.params.parse({});
    expect(defaults).toMatchObject({ hiddenLayers: [64, 32], activation: 'relu', earlyStopping: true, seed: 0, scale: 'standard' });
    expect(mlpNode.params.safeParse({ activation: 'gelu' }).success).toBe(false);
    expect(mlpNode.params.safeParse({ dropout: 0.95 }).success).toBe(false);
  });

  it('trains from tables into a model artifact that survives the codec and predicts', async () => {
    const ctx = fakeContext({ ml: TEST_ML });
    const params = mlpNode.params.parse({ hiddenLayers: [16], learningRate: 0.03, epochs: 25, batchSize: 32, seed: 3 });
    const outputs = await mlpNode.run({ inputs: { train: circleTable(300, 1), validation: circleTable(100, 2) }, params, ctx });
    const value = outputs.model;
    if (value.kind !== 'model') throw new Error('expected a model');
    const { model } = value;
    expect(model).toMatchObject({ format: 'tfjs/mlp', task: 'binary', target: 'inside', labels: ['no', 'yes'] });
    expect(model.inputs.map((c) => c.name)).toEqual(['a', 'b']);
    expect(model.training).toMatchObject({ algorithm: 'tfjs/mlp', backend: 'wasm', rows: 300, validationRows: 100 });
    expect(ctx.backends).toEqual([{ backend: 'wasm', note: undefined }]);
    const epochs = ctx.progressed.filter((p) => p.data?.epoch !== undefined);
    expect(epochs.length).toBeGreaterThan(0);
    expect(epochs[0].data).toMatchObject({ epoch: 1, loss: expect.any(Number), valLoss: expect.any(Number) });
    expect(model.training.valAccuracy).toBeGreaterThan(0.85);

    const back = decodeValue('model', encodeValue(value).bytes);
    if (back.kind !== 'model') throw new Error('expected a model');
    // Raw rows, as ingested: predict applies the stored scaling, then the MLP.
    const rows: ColumnData[] = [
      { info: { name: 'a', type: 'numeric', role: 'feature' }, values: [0, 0.95] },
      { info: { name: 'b', type: 'numeric', role: 'feature' }, values: [0.05, 0.95] },
    ];
    const raw: TableValue = { kind: 'table', table: tableFromColumns(rows), columns: rows.map((c) => c.info) };
    const { labels, scores } = await predictTable(back.model, raw, TEST_ML);
    expect(labels).toEqual(['no', 'yes']);
    expect(scores[1]).toBeGreaterThan(0.5); // the centre is inside
    expect(scores[3]).toBeLessThan(0.5); // a corner is outside
  });
});
