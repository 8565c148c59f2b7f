import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeModel } from './onnx-codec';
import { prepareOnnxModel } from './prepare-model';
import { findZipMaps } from './zipmap';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../tests/fixtures/onnx/${name}`, import.meta.url)));

function prepared(name: string) {
  const result = prepareOnnxModel(fixture(name));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('prepareOnnxModel', () => {
  it('finds the ZipMap, its input tensor and its labels, and exposes that tensor as an extra output', () => {
    const { bytes, summary, zipMaps, addedOutputs } = prepared('sklearn-zipmap.onnx');
    expect(addedOutputs).toEqual(['probabilities']);
    expect(zipMaps).toEqual([{ output: 'output_probability', tensor: 'probabilities', labels: ['setosa', 'versicolor', 'virginica'], labelsFrom: 'classlabels_strings' }]);
    expect(summary.outputs.map((o) => [o.name, o.type])).toEqual([
      ['output_label', 'tensor(string)'],
      ['output_probability', 'seq(map(string, tensor(float)))'],
      ['probabilities', 'tensor(float)'],
    ]);
    expect(summary.outputs[2].shape).toEqual([{}, { dimValue: 3 }]);
    // The edit is in the bytes the runtime gets, and nothing else changed: the ZipMap is still there.
    const reread = decodeModel(bytes);
    expect(reread.ok && reread.model.graph?.output?.map((o) => o.name)).toEqual(['output_label', 'output_probability', 'probabilities']);
    expect(reread.ok && findZipMaps(reread.model)).toEqual(zipMaps);
  });

  it('reads the input as skl2onnx declares it, and names the operators with their domain and opset', () => {
    const { summary } = prepared('sklearn-zipmap.onnx');
    expect(summary.inputs).toEqual([{ name: 'float_input', kind: 'tensor', type: 'tensor(float)', elemType: 'float', shape: [{}, { dimValue: 4 }] }]);
    expect(summary.operators.map((o) => `${o.domain}.${o.op}@${o.opset}`)).toEqual([
      'ai.onnx.ml.Scaler@1',
      'ai.onnx.ml.LinearClassifier@1',
      'ai.onnx.ml.Normalizer@1',
      'ai.onnx.Identity@15',
      'ai.onnx.ml.ZipMap@1',
    ]);
    expect(summary.producer).toContain('skl2onnx layout');
  });

  it('leaves a model without a ZipMap as it is', () => {
    const bytes = fixture('sklearn-nozipmap.onnx');
    const result = prepareOnnxModel(bytes);
    expect(result.ok && result.value.bytes).toBe(bytes);
    expect(result.ok && result.value.zipMaps).toEqual([]);
    expect(result.ok && result.value.summary.outputs.map((o) => o.type)).toEqual(['tensor(string)', 'tensor(float)']);
  });

  it('refuses bytes that are not a model, saying why', () => {
    expect(prepareOnnxModel(new TextEncoder().encode('a,b\n1,2\n'))).toMatchObject({ ok: false });
  });
});
