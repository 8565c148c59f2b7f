// The ai.onnx.ml operators people's models bring, each in a small graph built with onnx-proto (no
// hand-written bytes), run by onnxruntime-web's Node build through the page's session opener.
// The scikit-learn fixtures cover Scaler, LinearClassifier, Normalizer, ZipMap and
// TreeEnsembleRegressor; these add LinearRegressor, TreeEnsembleClassifier and OneHotEncoder, and
// a missing operator that the page names instead of showing the runtime's error.
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeModel } from '../../engine/onnx/onnx-codec';
import type { AttributeProto, NodeProto, ValueInfoProto } from '../../engine/onnx/onnx-types';
import { prepareOnnxModel } from '../../engine/onnx/prepare-model';
import { ELEM_TYPE } from '../../engine/onnx/value-types';
import { openSession } from './open-session';

beforeAll(() => {
  ort.env.wasm.numThreads = 1;
});

const utf8 = new TextEncoder();
// AttributeProto.AttributeType: FLOAT 1, INT 2, STRING 3, FLOATS 6, INTS 7, STRINGS 8.
const floats = (name: string, v: number[]): AttributeProto => ({ name, type: 6, floats: v });
const ints = (name: string, v: number[]): AttributeProto => ({ name, type: 7, ints: v });
const int = (name: string, v: number): AttributeProto => ({ name, type: 2, i: v });
const string = (name: string, v: string) => ({ name, type: 3, s: utf8.encode(v) });
const strings = (name: string, v: string[]): AttributeProto => ({ name, type: 8, strings: v.map((s) => utf8.encode(s)) });
const tensor = (name: string, elem: number, dims: (number | null)[]): ValueInfoProto => ({
  name,
  type: { tensorType: { elemType: elem, shape: { dim: dims.map((d) => (d === null ? {} : { dimValue: d })) } } },
});

function model(node: NodeProto, inputs: ValueInfoProto[], outputs: ValueInfoProto[]): Uint8Array {
  return encodeModel({
    irVersion: 8,
    producerName: 'ml-operators.test',
    opsetImport: [{ domain: '', version: 15 }, { domain: 'ai.onnx.ml', version: 1 }],
    graph: { name: node.opType, node: [{ domain: 'ai.onnx.ml', name: node.opType, ...node }], input: inputs, output: outputs },
  });
}

async function run(bytes: Uint8Array, feeds: Record<string, ort.Tensor>) {
  const prepared = prepareOnnxModel(bytes);
  if (!prepared.ok) throw new Error(prepared.error);
  const opened = await openSession(prepared.value.bytes, { probeGpu: async () => ({ ok: false, reason: 'no GPU in Node' }), loadRuntime: async () => ort }, prepared.value.summary.operators);
  if (!opened.ok) return { error: opened.error, out: {} as Record<string, ort.Tensor> };
  const out = await opened.value.session.run(feeds);
  await opened.value.session.release();
  return { error: null, out };
}

const x = (values: number[], dims: number[]) => new ort.Tensor('float32', Float32Array.from(values), dims);

describe('ai.onnx.ml operators in onnxruntime-web', () => {
  it('LinearRegressor', async () => {
    const bytes = model({ opType: 'LinearRegressor', input: ['X'], output: ['Y'], attribute: [floats('coefficients', [2, -1]), floats('intercepts', [0.5])] }, [tensor('X', ELEM_TYPE.float, [null, 2])], [tensor('Y', ELEM_TYPE.float, [null, 1])]);
    const { out } = await run(bytes, { X: x([1, 2, 3, -1], [2, 2]) });
    expect(Array.from(out.Y.data as Float32Array)).toEqual([0.5, 7.5]);
  });

  it('TreeEnsembleClassifier', async () => {
    const bytes = model(
      {
        opType: 'TreeEnsembleClassifier',
        input: ['X'],
        output: ['label', 'probabilities'],
        attribute: [
          ints('nodes_treeids', [0, 0, 0]),
          ints('nodes_nodeids', [0, 1, 2]),
          ints('nodes_featureids', [0, 0, 0]),
          strings('nodes_modes', ['BRANCH_LEQ', 'LEAF', 'LEAF']),
          floats('nodes_values', [0.5, 0, 0]),
          ints('nodes_truenodeids', [1, 0, 0]),
          ints('nodes_falsenodeids', [2, 0, 0]),
          // Three classes: with two, onnxruntime picks the label by its own binary rule.
          ints('class_treeids', [0, 0, 0, 0, 0, 0]),
          ints('class_nodeids', [1, 1, 1, 2, 2, 2]),
          ints('class_ids', [0, 1, 2, 0, 1, 2]),
          floats('class_weights', [0.7, 0.2, 0.1, 0.1, 0.3, 0.6]),
          ints('classlabels_int64s', [0, 1, 2]),
          string('post_transform', 'NONE'),
        ],
      },
      [tensor('X', ELEM_TYPE.float, [null, 1])],
      [tensor('label', ELEM_TYPE.int64, [null]), tensor('probabilities', ELEM_TYPE.float, [null, 3])],
    );
    const { out } = await run(bytes, { X: x([0.2, 0.7], [2, 1]) });
    expect(Array.from(out.label.data as BigInt64Array)).toEqual([0n, 2n]);
    Array.from(out.probabilities.data as Float32Array).forEach((p, i) => expect(p).toBeCloseTo([0.7, 0.2, 0.1, 0.1, 0.3, 0.6][i], 6));
  });

  it('OneHotEncoder', async () => {
    const bytes = model(
      { opType: 'OneHotEncoder', input: ['X'], output: ['Y'], attribute: [ints('cats_int64s', [1, 2, 3]), int('zeros', 1)] },
      [tensor('X', ELEM_TYPE.int64, [null, 1])],
      [tensor('Y', ELEM_TYPE.float, [null, 1, 3])],
    );
    const { out } = await run(bytes, { X: new ort.Tensor('int64', BigInt64Array.of(2n, 3n), [2, 1]) });
    expect(Array.from(out.Y.data as Float32Array)).toEqual([0, 1, 0, 0, 0, 1]);
  });

  it('names an operator the runtime lacks, with its domain, opset and node', async () => {
    const bytes = model({ opType: 'ImaginaryScaler', name: 'scale_it', input: ['X'], output: ['Y'] }, [tensor('X', ELEM_TYPE.float, [null, 2])], [tensor('Y', ELEM_TYPE.float, [null, 2])]);
    const { error } = await run(bytes, { X: x([1, 2], [1, 2]) });
    expect(error).toBe('The model uses the operator ai.onnx.ml.ImaginaryScaler (opset 1, node scale_it), which onnxruntime-web in this browser does not implement.');
  });
});
