// Every model type, exported with its preprocessing, scores a held-out table in onnxruntime-node
// as predictTable does (to 1e-5), including missing numbers, missing and unseen categories,
// datetimes and booleans; and the steps ONNX cannot express exactly are refused by name.
import { describe, expect, it } from 'vitest';
import type { ModelArtifact, ModelValue } from '../../nodes/models/model-artifact';
import { exportOnnx } from '../../nodes/onnx/export-onnx';
import { tableFromColumns, type CellValue } from '../../nodes/table/table-from-columns';
import { fakeContext } from '../../nodes/testing/fake-context';
import { linearRegressionNode } from '../../nodes/train/linear-regression.node.ts';
import { logisticRegressionNode } from '../../nodes/train/logistic-regression.node.ts';
import { TEST_ML } from '../../nodes/train/mlp-test-kit';
import { mlpNode } from '../../nodes/train/mlp.node.ts';
import { randomForestNode } from '../../nodes/train/random-forest.node.ts';
import type { ColumnInfo, TableValue } from '../../nodes/values';
import { ONNX_TOLERANCE, verifyOnnx } from './verify-onnx';

const DAY = 86_400_000;
const col = (name: string, type: ColumnInfo['type'], role: ColumnInfo['role'] = 'feature'): ColumnInfo => ({ name, type, role });

/** Rows with a signal in every column, and gaps: every 7th amount, every 5th shop, every 11th day missing; held-out infinities. */
function table(rows: number, seed: number, shops = ['north', 'south', 'east']): TableValue {
  const amount: CellValue[] = [];
  const shop: CellValue[] = [];
  const day: CellValue[] = [];
  const member: CellValue[] = [];
  const price: CellValue[] = [];
  const tier: CellValue[] = [];
  const fraud: CellValue[] = [];
  for (let i = 0; i < rows; i++) {
    const a = ((i * 37 + seed * 11) % 100) / 10;
    const s = shops[(i + seed) % shops.length];
    const d = 19_000 + ((i * 13 + seed) % 60);
    const m = (i + seed) % 3 === 0;
    amount.push(i % 7 === 3 ? null : seed === 2 && i % 13 === 6 ? -Infinity : a);
    shop.push(i % 5 === 2 ? null : s);
    day.push(i % 11 === 4 ? null : d * DAY + 3_600_000);
    member.push(m);
    const y = 3 * a - (s === 'south' ? 4 : 0) + (d - 19_000) / 10 + (m ? 2 : 0);
    price.push(y);
    tier.push(y < 8 ? 'low' : y < 16 ? 'mid' : 'high');
    fraud.push(a > 6 || s === 'east' ? 'yes' : 'no');
  }
  const columns: [ColumnInfo, CellValue[]][] = [
    [col('amount', 'numeric'), amount],
    [col('shop', 'categorical'), shop],
    [col('day', 'datetime'), day],
    [col('member', 'boolean'), member],
    [col('price', 'numeric', 'target'), price],
    [col('tier', 'categorical', 'target'), tier],
    [col('fraud', 'categorical', 'target'), fraud],
  ];
  return { kind: 'table', table: tableFromColumns(columns.map(([info, values]) => ({ info, values }))), columns: columns.map(([c]) => c) };
}

const FEATURES = ['amount', 'shop', 'day', 'member'];
const train = table(120, 1);
/** Held out, with a shop the model never saw. */
const test = table(60, 2, ['north', 'south', 'east', 'west']);

async function trained(node: typeof linearRegressionNode | typeof logisticRegressionNode | typeof randomForestNode | typeof mlpNode, params: object): Promise<ModelArtifact> {
  const run = node.run as (args: unknown) => Promise<Record<string, unknown>>;
  const out = await run({ inputs: { train }, params: node.params.parse({ features: FEATURES, ...params }), ctx: fakeContext({ ml: TEST_ML }) });
  return (out.model as ModelValue).model;
}

async function expectMatch(model: ModelArtifact) {
  const bytes = exportOnnx(model, { name: 'test', version: 'v1' });
  const check = await verifyOnnx(model, bytes, test, TEST_ML);
  expect(check.mismatch).toBeNull();
  expect(check.maxDifference).toBeLessThanOrEqual(ONNX_TOLERANCE);
  expect(check.rows).toBe(60);
  return check;
}

describe('ONNX export matches predictTable', () => {
  it('linear regression, with mean imputation and standard scaling', async () => {
    const check = await expectMatch(await trained(linearRegressionNode, { target: 'price' }));
    expect(check.maxDifference).toBeLessThan(1e-12);
  });

  it('binary logistic regression, with median imputation, minmax scaling and a constant category fill', async () => {
    await expectMatch(
      await trained(logisticRegressionNode, { target: 'fraud', numericImpute: 'median', scale: 'minmax', categoricalImpute: 'constant' }),
    );
  });

  it('multinomial logistic regression with ordinal codes', async () => {
    await expectMatch(await trained(logisticRegressionNode, { target: 'tier', encoding: 'ordinal' }));
  });

  it('random forest classifier and regressor, in double precision', async () => {
    const forest = await expectMatch(await trained(randomForestNode, { target: 'tier', nEstimators: 15, seed: 4 }));
    expect(forest.maxDifference).toBeLessThan(1e-12);
    await expectMatch(await trained(randomForestNode, { target: 'price', nEstimators: 10, maxDepth: 6, datetime: 'drop' }));
  });

  it('MLP classifier (binary and multiclass) and regressor', async () => {
    const small = { hiddenLayers: [8, 4], epochs: 3, batchSize: 32, earlyStopping: false };
    await expectMatch(await trained(mlpNode, { ...small, target: 'fraud', activation: 'tanh' }));
    await expectMatch(await trained(mlpNode, { ...small, target: 'tier', activation: 'sigmoid' }));
    await expectMatch(await trained(mlpNode, { ...small, target: 'price' }));
  }, 20_000);
});

describe('ONNX export refuses what it cannot express', () => {
  it('names the column whose learned empty-string category would read as missing', async () => {
    const model = await trained(linearRegressionNode, { target: 'price' });
    const pre = model.preprocessing as { columns: { name: string; categories?: string[] }[] };
    const shop = pre.columns.find((c) => c.name === 'shop')!;
    const broken = { ...model, preprocessing: { ...pre, columns: pre.columns.map((c) => (c === shop ? { ...c, categories: ['', ...shop.categories!] } : c)) } };
    expect(() => exportOnnx(broken as ModelArtifact, { name: 't', version: 'v1' })).toThrow(/column "shop".*empty string/);
  });

  it('names an input column that has an output name, and an unknown format', async () => {
    const model = await trained(linearRegressionNode, { target: 'price' });
    const pre = model.preprocessing as { columns: { name: string }[] };
    const renamed = { ...pre, columns: pre.columns.map((c) => (c.name === 'amount' ? { ...c, name: 'value' } : c)) };
    expect(() => exportOnnx({ ...model, preprocessing: renamed } as ModelArtifact, { name: 't', version: 'v1' })).toThrow(/"value"/);
    expect(() => exportOnnx({ ...model, format: 'mystery/v9' }, { name: 't', version: 'v1' })).toThrow(/"mystery\/v9"/);
  });
});
