import { describe, expect, it } from 'vitest';
import type { RawDim } from '../../engine/onnx/dims';
import { inputLayout, type IoInfo } from './input-layout';

const tensor = (name: string, shape: RawDim[] | null, type = 'float32'): IoInfo => ({ name, isTensor: true, type, shape });

describe('inputLayout', () => {
  it('reads one [batch, n] float tensor as a batched vector, named by feature_names when they fit', () => {
    const layout = inputLayout([tensor('features', ['N', 3])], ['a', 'b', 'c']);
    expect(layout).toMatchObject({ kind: 'vector', size: 3, batched: true, namedByMetadata: true, note: null });
    if (layout.kind !== 'vector') throw new Error('expected a vector');
    expect(layout.fields.map((f) => f.label)).toEqual(['a', 'b', 'c']);
    expect(layout.input.dims(5)).toEqual([5, 3]);
  });

  it('takes a batch dim with no value, -1, 4294967295 or a name as dynamic, never as a fixed batch', () => {
    // skl2onnx writes FloatTensorType([None, 10]) as a dim with no value; onnxruntime-web reports it as
    // 4294967295, onnxruntime-node as ''; others write -1 or a dimParam.
    for (const batch of [null, {}, { dimValue: 0 }, -1, 4294967295, '', 'N', { dimParam: 'batch' }] as RawDim[]) {
      const layout = inputLayout([tensor('float_input', [batch, 10])]);
      expect(layout, JSON.stringify(batch)).toMatchObject({ kind: 'vector', size: 10, batched: true });
      expect(layout.kind === 'vector' && layout.input.dims(3)).toEqual([3, 10]);
      const columns = inputLayout([tensor('a', [batch, 1]), tensor('b', [batch])]);
      expect(columns, JSON.stringify(batch)).toMatchObject({ kind: 'columns', batched: true });
    }
    expect(inputLayout([tensor('x', [4294967295, 4294967295])])).toEqual({ kind: 'unsupported', reason: expect.stringContaining('Input x has shape [?, ?]') });
  });

  it('numbers the fields when there are no names, or the wrong number of them', () => {
    const layout = inputLayout([tensor('x', [-1, 2])], ['only-one']);
    expect(layout).toMatchObject({ kind: 'vector', batched: true, namedByMetadata: false, note: expect.stringContaining('1 names for 2 values') });
    expect(layout.kind === 'vector' && layout.fields.map((f) => f.label)).toEqual(['x[0]', 'x[1]']);
  });

  it('takes [n] and [1, n] as one row per run', () => {
    const flat = inputLayout([tensor('x', [4])]);
    expect(flat).toMatchObject({ kind: 'vector', batched: false, size: 4 });
    expect(flat.kind === 'vector' && flat.input.dims(1)).toEqual([4]);
    expect(inputLayout([tensor('x', [1, 4])])).toMatchObject({ kind: 'vector', batched: false });
  });

  it('reads one input per column, [batch] or [batch, 1], batched when every batch dimension is free', () => {
    const layout = inputLayout([tensor('amount', ['N', 1]), tensor('age', ['N'], 'int64')]);
    expect(layout).toMatchObject({ kind: 'columns', batched: true });
    if (layout.kind !== 'columns') throw new Error('expected columns');
    expect(layout.fields).toEqual([
      { label: 'amount', input: 'amount', index: 0, type: 'float32' },
      { label: 'age', input: 'age', index: 0, type: 'int64' },
    ]);
    expect(layout.inputs.map((i) => i.dims(7))).toEqual([[7, 1], [7]]);
    expect(inputLayout([tensor('a', [1, 1]), tensor('b', ['N', 1])])).toMatchObject({ kind: 'columns', batched: false });
  });

  it('says why other inputs are not supported', () => {
    expect(inputLayout([])).toEqual({ kind: 'unsupported', reason: 'The model declares no inputs.' });
    expect(inputLayout([tensor('img', ['N', 3, 224, 224])])).toEqual({ kind: 'unsupported', reason: expect.stringContaining('Input img has shape [N, 3, 224, 224]') });
    expect(inputLayout([tensor('text', ['N', 1], 'string')])).toEqual({ kind: 'unsupported', reason: expect.stringContaining('Input text holds string values') });
    expect(inputLayout([tensor('x', [8, 4])])).toEqual({ kind: 'unsupported', reason: expect.stringContaining('a fixed batch of 8 rows') });
    expect(inputLayout([tensor('a', ['N', 1]), tensor('b', ['N', 2])])).toEqual({ kind: 'unsupported', reason: expect.stringContaining('each must hold one value per row') });
    expect(inputLayout([tensor('x', null)])).toEqual({ kind: 'unsupported', reason: 'The model does not declare the shape of input x.' });
    expect(inputLayout([{ name: 'm', isTensor: false, type: 'non-tensor', shape: null }])).toMatchObject({ kind: 'unsupported' });
  });
});
