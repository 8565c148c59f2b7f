import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { encodeValue } from '../codec';
import { asTable, cellsOf, col, tableOf } from '../clean/test-kit';
import type { ModelArtifact, ModelValue } from '../models/model-artifact';
import { predictTable } from '../models/predict';
import { fakeContext } from '../testing/fake-context';
import { linearRegressionNode } from '../train/linear-regression.node';
import { logisticRegressionNode } from '../train/logistic-regression.node';
import type { PortValue } from '../values';
import { batchScoreNode } from './batch-score.node';

const train = tableOf(
  col('size', 'numeric', [1, 2, 3, 4, 5, 6, 7, 8]),
  col('shop', 'categorical', ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']),
  col('price', 'numeric', [12, 19, 32, 39, 52, 59, 72, 79], 'target'),
  col('big', 'categorical', ['no', 'no', 'no', 'yes', 'no', 'yes', 'yes', 'yes'], 'target'),
);
const serving = tableOf(col('id', 'numeric', [1, 2, 3], 'id'), col('size', 'numeric', [1, null, 8]), col('shop', 'categorical', ['a', 'zz', null]));

async function model(kind: 'linear' | 'logistic'): Promise<ModelArtifact> {
  const ctx = fakeContext();
  const out =
    kind === 'linear'
      ? await linearRegressionNode.run({ inputs: { train }, params: linearRegressionNode.params.parse({ target: 'price' }), ctx })
      : await logisticRegressionNode.run({ inputs: { train }, params: logisticRegressionNode.params.parse({ target: 'big' }), ctx });
  return (out.model as ModelValue).model;
}

async function score(m: ModelArtifact, params: object = {}) {
  const ctx = fakeContext();
  const inputs: Record<string, PortValue> = { table: serving, model: { kind: 'model', model: m } };
  const outputs = await batchScoreNode.run({ inputs, params: batchScoreNode.params.parse(params), ctx });
  return { table: asTable(outputs.table), logs: ctx.logs.map((l) => l.message) };
}

describe('deploy/batch-score', () => {
  it('adds the label and one probability column per class, as predictTable scores them', async () => {
    const m = await model('logistic');
    const { table, logs } = await score(m);
    expect(table.columns.map((c) => [c.name, c.type, c.role])).toEqual([
      ['id', 'numeric', 'id'],
      ['size', 'numeric', 'feature'],
      ['shop', 'categorical', 'feature'],
      ['prediction', 'categorical', 'ignore'],
      ['prediction_no', 'numeric', 'ignore'],
      ['prediction_yes', 'numeric', 'ignore'],
    ]);
    const expected = await predictTable(m, serving, { backends: [] });
    const yes = cellsOf(table, 'prediction_yes') as number[];
    expect(yes).toEqual([expected.scores[1], expected.scores[3], expected.scores[5]]);
    expect(cellsOf(table, 'prediction')).toEqual(yes.map((p) => (p >= 0.5 ? 'yes' : 'no')));
    expect(cellsOf(table, 'id')).toEqual([1, 2, 3]);
    expect(logs[0]).toMatch(/Scored 3 rows .* added prediction, prediction_no, prediction_yes/);
  });

  it('adds the value for a regression, under the chosen prefix, without probabilities', async () => {
    const m = await model('linear');
    const { table } = await score(m, { prefix: 'price_hat', probabilities: false });
    expect(table.columns.at(-1)).toEqual({ name: 'price_hat', type: 'numeric', role: 'ignore' });
    const expected = await predictTable(m, serving, { backends: [] });
    expect(cellsOf(table, 'price_hat')).toEqual(Array.from(expected.scores));
  });

  it('refuses a prediction column name the table already has, naming it', async () => {
    const m = await model('linear');
    const failure = score(m, { prefix: 'size' });
    await expect(failure).rejects.toThrow(UserError);
    await expect(failure).rejects.toThrow(/already has a column "size"/);
  });

  it('scores with a registered version read by the artifact id compile resolved, and names what is missing', async () => {
    const m = await model('logistic');
    const id = 'ab'.repeat(32);
    const run = (params: object, sourceKey: string | null, inputs: Record<string, PortValue> = { table: serving }) =>
      batchScoreNode.run({
        inputs,
        params: batchScoreNode.params.parse(params),
        ctx: fakeContext({ sourceKey, artifacts: { [id]: encodeValue({ kind: 'model', model: m }).bytes } }),
      });
    const registered = asTable((await run({ model: 'screen', version: 'production' }, id)).table);
    const connected = (await score(m)).table;
    expect(cellsOf(registered, 'prediction_yes')).toEqual(cellsOf(connected, 'prediction_yes'));
    await expect(run({ model: 'screen', version: '3' }, null)).rejects.toThrow('This project has no registered model "screen" with a version "v3"');
    await expect(run({}, null)).rejects.toThrow(/Connect a train step's model, or name a registered model/);
    const both = run({ model: 'screen' }, id, { table: serving, model: { kind: 'model', model: m } });
    await expect(both).rejects.toThrow(/not both/);
  });

  it('takes its source key from the registered version, and has none with a connected model', () => {
    const env = { modelVersionArtifact: (name: string, version: string) => (name === 'screen' && version === 'latest' ? 'cd'.repeat(32) : undefined) };
    const key = (params: object) => batchScoreNode.sourceKey!(batchScoreNode.params.parse(params), env);
    expect(key({ model: 'screen' })).toBe('cd'.repeat(32));
    expect(key({ model: 'screen', version: 'staging' })).toBeNull();
    expect(key({})).toBeUndefined();
    expect(batchScoreNode.params.safeParse({ version: 'Prod!' }).success).toBe(false);
  });

  it('leaves saveAs out of the cache key and declares its output columns unknown before the model exists', () => {
    expect(batchScoreNode.publishParams).toEqual(['saveAs']);
    expect(batchScoreNode.outputColumns!(batchScoreNode.params.parse({}), {}, {})).toEqual({ table: null });
    expect(batchScoreNode.params.safeParse({ prefix: '' }).success).toBe(false);
  });
});
