import { describe, expect, it } from 'vitest';
import { encodeModel } from './onnx-encode';
import { featureNamesFromMetadata, readOnnxModelInfo } from './onnx-model-info';

const model = encodeModel({
  irVersion: 8,
  opset: 17,
  producer: 'unit',
  graphName: 'g',
  nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['y'] }],
  initializers: [],
  inputs: [{ name: 'x', type: 'float', shape: ['N', 2] }],
  outputs: [{ name: 'y', type: 'float', shape: ['N', 2] }],
  metadata: { feature_names: 'a,b', note: 'Zoë' },
});

describe('readOnnxModelInfo', () => {
  it('reads IR version, producer, opsets and metadata_props, skipping the graph', () => {
    expect(readOnnxModelInfo(model)).toEqual({
      ok: true,
      info: { irVersion: 8, producer: 'unit', producerVersion: '', opsets: [{ domain: '', version: 17 }], metadata: { feature_names: 'a,b', note: 'Zoë' } },
    });
  });

  it('refuses text, truncated models and protobuf without a graph', () => {
    const text = new TextEncoder().encode('id,amount\n1,2\n');
    expect(readOnnxModelInfo(text)).toMatchObject({ ok: false });
    expect(readOnnxModelInfo(model.subarray(0, model.length - 3))).toEqual({ ok: false, error: expect.stringContaining('not valid protobuf') });
    expect(readOnnxModelInfo(Uint8Array.of(0x08, 0x08))).toEqual({ ok: false, error: 'it has no ONNX graph or IR version' });
    expect(readOnnxModelInfo(new Uint8Array())).toMatchObject({ ok: false });
  });
});

describe('featureNamesFromMetadata', () => {
  it('takes a comma list or a JSON array, and nothing else', () => {
    expect(featureNamesFromMetadata({ feature_names: ' amount, age ' })).toEqual(['amount', 'age']);
    expect(featureNamesFromMetadata({ feature_names: '["a,1", "b"]' })).toEqual(['a,1', 'b']);
    expect(featureNamesFromMetadata({ other: 'x' })).toBeNull();
    expect(featureNamesFromMetadata({ feature_names: '' })).toBeNull();
  });
});
