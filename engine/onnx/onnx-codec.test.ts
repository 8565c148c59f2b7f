import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel } from './onnx-codec';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../tests/fixtures/onnx/${name}`, import.meta.url)));

describe('decodeModel / encodeModel', () => {
  it('reads a model written by Python onnx, and writes bytes that read back the same', () => {
    const bytes = fixture('sklearn-zipmap.onnx');
    const decoded = decodeModel(bytes);
    if (!decoded.ok) throw new Error(decoded.error);
    const { model } = decoded;
    expect(model.irVersion).toBe(8);
    expect(model.opsetImport).toEqual([{ domain: '', version: 15 }, { domain: 'ai.onnx.ml', version: 1 }]);
    expect(model.graph?.node?.map((n) => n.opType)).toEqual(['Scaler', 'LinearClassifier', 'Normalizer', 'Identity', 'ZipMap']);
    expect(model.graph?.input?.[0].type?.tensorType?.shape?.dim).toEqual([{}, { dimValue: 4 }]);
    const again = decodeModel(new Uint8Array(encodeModel(model)));
    expect(again.ok && again.model).toEqual(model);
  });

  it('says why bytes that are not a model are refused', () => {
    expect(decodeModel(new TextEncoder().encode('id,name\n1,a\n'))).toMatchObject({ ok: false, error: expect.stringMatching(/not valid protobuf|no ONNX graph/) });
    expect(decodeModel(new Uint8Array())).toEqual({ ok: false, error: 'it has no ONNX graph or IR version' });
  });
});
