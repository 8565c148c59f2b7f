import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareOnnxModel } from '../../engine/onnx/prepare-model';
import { checkSignature, proposeSignature } from './import-signature';

function prepared(name: string) {
  const result = prepareOnnxModel(new Uint8Array(readFileSync(new URL(`../../tests/fixtures/onnx/${name}`, import.meta.url))));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('proposeSignature / checkSignature', () => {
  it('proposes a classifier signature from the input width and the ZipMap labels, which checks out', () => {
    const model = prepared('sklearn-zipmap.onnx');
    const draft = proposeSignature(model);
    expect(draft).toEqual({
      inputs: [0, 1, 2, 3].map((i) => ({ name: `float_input_${i}`, type: 'numeric' })),
      target: null,
      task: 'multiclass',
      labels: ['setosa', 'versicolor', 'virginica'],
    });
    expect(checkSignature(model, draft)).toEqual({
      ok: true,
      plan: { feed: { kind: 'vector', input: 'float_input', elem: 'float', width: 4 }, output: { kind: 'probabilities', tensor: 'probabilities', zipMap: 'output_probability' } },
    });
  });

  it('proposes regression for the forest, and uses feature names when they fit', () => {
    const draft = proposeSignature(prepared('sklearn-forest.onnx'), ['a', 'b', 'c']);
    expect(draft).toMatchObject({ task: 'regression', labels: [], inputs: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
    expect(checkSignature(prepared('sklearn-forest.onnx'), draft)).toMatchObject({ ok: true, plan: { output: { kind: 'value', tensor: 'variable' } } });
  });

  it('names every field that is wrong', () => {
    const model = prepared('sklearn-nozipmap.onnx');
    const result = checkSignature(model, { inputs: [{ name: 'a', type: 'numeric' }, { name: 'a', type: 'numeric' }, { name: '', type: 'numeric' }, { name: 'd', type: 'numeric' }], target: 'a', task: 'binary', labels: ['x', 'x', 'y'] });
    expect(result.ok ? [] : result.issues.map((i) => i.field)).toEqual(['inputs[1].name', 'inputs[2].name', 'target', 'labels', 'labels']);
    expect(checkSignature(model, { inputs: [{ name: 'a', type: 'numeric' }], target: null, task: null, labels: [] })).toMatchObject({
      ok: false,
      issues: [{ field: 'inputs', message: expect.stringContaining('takes 4 values per row') }, { field: 'task' }],
    });
  });
});
