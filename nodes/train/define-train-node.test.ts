import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { decodeValue, encodeValue } from '../codec';
import { tableFromColumns, type CellValue } from '../table/table-from-columns';
import { fakeContext } from '../testing/fake-context';
import type { ModelValue } from '../models/model-artifact';
import type { ColumnInfo, PortValue, TableValue } from '../values';
import { defineTrainNode } from './define-train-node';
import type { Estimator, FitContext, FitTarget, Matrix } from './estimator';

/** An estimator that remembers what it was given and predicts a constant. */
function recordingEstimator() {
  const seen: { X?: Matrix; target?: FitTarget; params?: unknown; ctx?: FitContext } = {};
  const estimator: Estimator<{ depth: number }> = {
    format: 'test/recording',
    async fit(X, target, params, ctx) {
      Object.assign(seen, { X, target, params, ctx });
      ctx.progress(0.5, 'halfway', { epoch: 1, loss: 0.25 });
      ctx.reportBackend('cpu', 'test');
      return { payload: { constant: 1 }, training: { iterations: 3, loss: 0.25 } };
    },
    async predict(_payload, X) {
      return new Float64Array(X.rows).fill(1);
    },
    toOnnx() {
      throw new Error('not exported in this test');
    },
  };
  return { estimator, seen };
}

const shape = { depth: z.number().int().default(2).describe('Depth') };

function makeNode(tasks: ('classification' | 'regression')[] = ['classification', 'regression']) {
  const { estimator, seen } = recordingEstimator();
  const node = defineTrainNode({ type: 'train/recording', title: 'Recording', description: 'test', estimator, params: shape, tasks });
  return { node, seen };
}

function tableOf(cols: [ColumnInfo, CellValue[]][]): TableValue {
  return { kind: 'table', table: tableFromColumns(cols.map(([info, values]) => ({ info, values }))), columns: cols.map(([i]) => i) };
}
const c = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role'] = 'feature'): ColumnInfo => ({ name, type, role });

const train = tableOf([
  [c('id', 'numeric', 'id'), [1, 2, 3, 4, 5, 6]],
  [c('x', 'numeric'), [1, 2, 3, 4, 5, null]],
  [c('color', 'categorical'), ['red', 'blue', 'red', 'blue', 'red', 'blue']],
  [c('label', 'categorical', 'target'), ['yes', 'no', 'yes', 'yes', 'no', 'yes']],
]);

async function run(node: ReturnType<typeof makeNode>['node'], inputs: Record<string, PortValue>, params: object = {}) {
  const ctx = fakeContext();
  const out = await node.run({ inputs, params: node.params.parse(params), ctx });
  return { model: (out.model as ModelValue).model, ctx };
}

describe('defineTrainNode', () => {
  it('declares the train/validation inputs, the model output and the shared params', () => {
    const { node } = makeNode();
    expect(node.inputs.map((p) => [p.name, p.kind, p.optional ?? false])).toEqual([
      ['train', 'table', false],
      ['validation', 'table', true],
    ]);
    expect(node.outputs).toEqual([{ name: 'model', kind: 'model', label: 'Model' }]);
    expect(node.params.parse({})).toMatchObject({ task: 'auto', classWeight: 'none', seed: 0, scale: 'standard', depth: 2 });
    const regressionOnly = makeNode(['regression']).node.params.parse({});
    expect(regressionOnly).not.toHaveProperty('task');
    expect(regressionOnly).not.toHaveProperty('classWeight');
  });

  it('refuses an estimator param that would shadow a shared one', () => {
    const { estimator } = recordingEstimator();
    const clash = { seed: z.number().default(1).describe('Seed') };
    expect(() =>
      defineTrainNode({ type: 'train/x', title: 'X', description: 'x', estimator: estimator as never, params: clash, tasks: ['regression'] }),
    ).toThrow(/"seed" clashes/);
  });

  it('fits on the feature columns, encodes sorted labels and builds a complete artifact', async () => {
    const { node, seen } = makeNode();
    const { model, ctx } = await run(node, { train });
    expect(model).toMatchObject({ format: 'test/recording', task: 'binary', target: 'label', labels: ['no', 'yes'] });
    expect(model.inputs.map((i) => i.name)).toEqual(['x', 'color']);
    expect(Array.from((seen.target as { y: Int32Array }).y)).toEqual([1, 0, 1, 1, 0, 1]);
    expect(seen.X!.cols).toBe(4); // x, color=blue, color=red, color=__unseen__
    expect(seen.params).toEqual({ depth: 2 });
    expect(model.training).toMatchObject({ iterations: 3, rows: 6, features: 4, params: { depth: 2 } });
    expect(ctx.progressed[0]).toEqual({ fraction: 0.5, message: 'halfway', data: { epoch: 1, loss: 0.25 } });
    expect(ctx.backends).toEqual([{ backend: 'cpu', note: 'test' }]);
    expect(ctx.logs.some((l) => l.level === 'warn' && /Filled 1 missing values of "x"/.test(l.message))).toBe(true);
    // The artifact is plain JSON and survives the artifact codec.
    const back = decodeValue('model', encodeValue({ kind: 'model', model }).bytes) as ModelValue;
    expect(back.model).toEqual(model);
  });

  it('preprocesses the validation side with the training statistics', async () => {
    const { node, seen } = makeNode();
    const validation = tableOf([
      [c('x', 'numeric'), [3, 100]],
      [c('color', 'categorical'), ['green', 'red']],
      [c('label', 'categorical', 'target'), ['no', 'maybe']],
    ]);
    const { ctx } = await run(node, { train, validation }, { scale: 'none' });
    const v = seen.ctx!.validation!;
    expect(v.X.rows).toBe(1); // "maybe" is not a training class
    expect(Array.from(v.X.data)).toEqual([3, 0, 0, 1]); // green is unseen
    expect(Array.from((v.target as { y: Int32Array }).y)).toEqual([0]);
    expect(ctx.logs.some((l) => /Validation: dropped 1 rows/.test(l.message))).toBe(true);
  });

  it('treats an empty validation table as none', async () => {
    const { node, seen } = makeNode();
    const empty = tableOf([[c('x', 'numeric'), []], [c('label', 'categorical', 'target'), []]]);
    await run(node, { train, validation: empty });
    expect(seen.ctx!.validation).toBeUndefined();
  });

  it('sets balanced sample weights when asked', async () => {
    const { node, seen } = makeNode();
    await run(node, { train }, { classWeight: 'balanced' });
    const weights = Array.from((seen.target as { sampleWeight: Float64Array }).sampleWeight);
    expect(weights).toEqual([0.75, 1.5, 0.75, 0.75, 1.5, 0.75]);
  });

  it('makes a numeric target regression unless the task param says classification', async () => {
    const { node, seen } = makeNode();
    const numeric = tableOf([[c('x', 'numeric'), [1, 2, 3, 4]], [c('y', 'numeric', 'target'), [0, 1, 1, 0]]]);
    expect((await run(node, { train: numeric })).model.task).toBe('regression');
    expect(seen.target!.kind).toBe('regression');
    const asClasses = await run(node, { train: numeric }, { task: 'classification' });
    expect(asClasses.model).toMatchObject({ task: 'binary', labels: ['0', '1'] });
  });

  it('explains a single class, a missing target value and no features', async () => {
    const { node } = makeNode(['classification']);
    const single = tableOf([[c('x', 'numeric'), [1, 2]], [c('y', 'categorical', 'target'), ['a', 'a']]]);
    await expect(run(node, { train: single })).rejects.toThrow(/single class \("a"\)/);
    const missing = tableOf([[c('x', 'numeric'), [1, 2, 3]], [c('y', 'categorical', 'target'), ['a', null, 'b']]]);
    await expect(run(node, { train: missing })).rejects.toThrow(/missing in 1 of 3 training rows \(rows 2\)/);
    const noFeatures = tableOf([[c('id', 'numeric', 'id'), [1, 2]], [c('y', 'categorical', 'target'), ['a', 'b']]]);
    await expect(run(node, { train: noFeatures })).rejects.toThrow(UserError);
    await expect(run(node, { train: noFeatures })).rejects.toThrow(/no feature columns/);
  });
});
