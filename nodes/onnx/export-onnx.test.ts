// The export is pure, so a browser can make one; and what it makes runs in onnxruntime-web too
// (the Try ONNX page's runtime, here its Node build on wasm), scoring as predictTable does.
// server/onnx/onnx-export.test.ts checks every model type in onnxruntime-node.
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelValue } from '../models/model-artifact';
import { predictTable } from '../models/predict';
import { tableFromColumns, type ColumnData } from '../table/table-from-columns';
import { fakeContext } from '../testing/fake-context';
import { randomForestNode } from '../train/random-forest.node';
import type { TableValue } from '../values';
import { exportOnnx } from './export-onnx';

beforeAll(() => {
  ort.env.wasm.numThreads = 1;
});

const table = (a: (number | null)[], s: (string | null)[], t: string[]): TableValue => {
  const columns: ColumnData[] = [
    { info: { name: 'a', type: 'numeric', role: 'feature' }, values: a },
    { info: { name: 's', type: 'categorical', role: 'feature' }, values: s },
    { info: { name: 't', type: 'categorical', role: 'target' }, values: t },
  ];
  return { kind: 'table', table: tableFromColumns(columns), columns: columns.map((c) => c.info) };
};

describe('exportOnnx in onnxruntime-web', () => {
  it('opens and scores a forest with missing and unseen values as predictTable does', async () => {
    const train = table([1, 2, 3, 4, null, 6, 7, 8], ['x', 'y', 'x', null, 'y', 'x', 'z', 'z'], ['p', 'q', 'p', 'q', 'p', 'q', 'q', 'p']);
    const out = await randomForestNode.run({ inputs: { train }, params: randomForestNode.params.parse({ target: 't', nEstimators: 5, seed: 2 }), ctx: fakeContext() });
    const model = (out.model as ModelValue).model;
    const session = await ort.InferenceSession.create(exportOnnx(model, { name: 'forest', version: 'v1' }));
    const rows = table([1, null, 7.5], ['x', 'never-seen', null], ['p', 'p', 'p']);
    const result = await session.run({
      a: new ort.Tensor('float64', Float64Array.from([1, NaN, 7.5]), [3, 1]),
      s: new ort.Tensor('string', ['x', 'never-seen', ''], [3, 1]),
    });
    const ours = await predictTable(model, rows, { backends: [] });
    expect(Array.from(result.probabilities.data as Float64Array)).toEqual(Array.from(ours.scores));
    expect(result.label.data).toEqual([0, 1, 2].map((r) => (ours.scores[r * 2 + 1] >= 0.5 ? 'q' : 'p')));
    await session.release();
  });
});
