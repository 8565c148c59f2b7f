import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { tableFromColumns, type CellValue } from '../table/table-from-columns';
import { fakeContext } from '../testing/fake-context';
import { linearRegressionNode } from '../train/linear-regression.node';
import { logisticRegressionNode } from '../train/logistic-regression.node';
import type { ColumnInfo, TableValue } from '../values';
import type { ModelArtifact, ModelValue } from './model-artifact';
import { predictTable } from './predict';

function tableOf(cols: [ColumnInfo, CellValue[]][]): TableValue {
  return { kind: 'table', table: tableFromColumns(cols.map(([info, values]) => ({ info, values }))), columns: cols.map(([i]) => i) };
}
const c = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role'] = 'feature'): ColumnInfo => ({ name, type, role });
const ml = { backends: [] };

const train = tableOf([
  [c('size', 'numeric'), [1, 2, 3, 4, 5, 6, 7, 8]],
  [c('shop', 'categorical'), ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']],
  [c('price', 'numeric', 'target'), [12, 19, 32, 39, 52, 59, 72, 79]],
  [c('big', 'categorical', 'target'), ['no', 'no', 'no', 'yes', 'no', 'yes', 'yes', 'yes']],
]);

async function fit(kind: 'linear' | 'logistic', params: object): Promise<ModelArtifact> {
  const ctx = fakeContext();
  const out =
    kind === 'linear'
      ? await linearRegressionNode.run({ inputs: { train }, params: linearRegressionNode.params.parse(params), ctx })
      : await logisticRegressionNode.run({ inputs: { train }, params: logisticRegressionNode.params.parse(params), ctx });
  return (out.model as ModelValue).model;
}

describe('predictTable', () => {
  it('applies the stored preprocessing to raw serving rows (extra columns, unseen categories)', async () => {
    const model = await fit('linear', { target: 'price' });
    // price = 10·size + 2 in shop a and 10·size − 1 in shop b, exactly. One-hot columns are collinear
    // with the intercept, so the minimum-norm fit splits the shops ±1.5 around 10·size + 0.5, and an
    // unseen shop (its bucket all zero in training, weight 0) lands in the middle.
    const serving = tableOf([
      [c('note', 'text'), ['x', 'y', 'z']],
      [c('shop', 'categorical'), ['a', 'b', 'never-seen']],
      [c('size', 'numeric'), [10, 10, 10]],
    ]);
    const predictions = await predictTable(model, serving, ml);
    expect(predictions).toMatchObject({ task: 'regression', labels: [] });
    expect(Array.from(predictions.scores).map((v) => +v.toFixed(9))).toEqual([102, 99, 100.5]);
  });

  it('returns rows × labels probabilities for a classifier', async () => {
    const model = await fit('logistic', { target: 'big', features: ['size'] });
    const predictions = await predictTable(model, tableOf([[c('size', 'numeric'), [1, 8]]]), ml);
    expect(predictions.labels).toEqual(['no', 'yes']);
    expect(predictions.scores).toHaveLength(4);
    expect(predictions.scores[1]).toBeLessThan(0.5);
    expect(predictions.scores[3]).toBeGreaterThan(0.5);
  });

  it('names a missing input column and an unknown format in UserErrors', async () => {
    const model = await fit('linear', { target: 'price' });
    await expect(predictTable(model, tableOf([[c('size', 'numeric'), [1]]]), ml)).rejects.toThrow(/no column "shop"/);
    await expect(predictTable({ ...model, format: 'mystery/v9' }, train, ml)).rejects.toThrow(UserError);
    await expect(predictTable({ ...model, format: 'mystery/v9' }, train, ml)).rejects.toThrow(/"mystery\/v9"/);
  });
});
