// The scikit-learn models in skl2onnx's shape (tests/fixtures/onnx/make_fixtures.py), through the
// page's own path on the real onnxruntime-web (Node build, wasm): read and prepared, laid out, and a
// CSV scored; predictions and probabilities match scikit-learn's to 1e-5.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- a test reads the committed fixture files
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareOnnxModel } from '../../engine/onnx/prepare-model';
import expected from '../../tests/fixtures/onnx/sklearn-expected.json';
import { proposeMapping } from './csv-mapping';
import { scoreCsv } from './csv-scoring';
import { blobText, previewCsv } from './csv-stream';
import { inputLayout } from './input-layout';
import { ioInfo } from './io-info';
import { openSession } from './open-session';
import { runModel } from './run-model';

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/onnx/${name}`, import.meta.url));
const { classifier, regressor } = expected;

beforeAll(() => {
  ort.env.wasm.numThreads = 1;
});

async function scoreFixture(file: string, csvFile: string) {
  const prepared = prepareOnnxModel(new Uint8Array(fixture(file)));
  if (!prepared.ok) throw new Error(prepared.error);
  const { summary, zipMaps } = prepared.value;
  const opened = await openSession(prepared.value.bytes, { probeGpu: async () => ({ ok: false, reason: 'no GPU in Node' }), loadRuntime: async () => ort }, summary.operators);
  if (!opened.ok) throw new Error(opened.error);
  const { session } = opened.value;
  const layout = inputLayout(summary.inputs.map(ioInfo));
  if (layout.kind === 'unsupported') throw new Error(layout.reason);
  const fetched = summary.outputs.filter((o) => o.kind === 'tensor').map((o) => o.name);
  const columns = Object.fromEntries(zipMaps.map((z) => [z.tensor, z.labels.map((l) => `${z.output}[${l}]`)]));
  const csv = new Blob([fixture(csvFile)]);
  const preview = await previewCsv(csv);
  if (!preview.ok) throw new Error(preview.error);
  const mapping = proposeMapping(layout, preview.preview.header, preview.preview.rows).map((m) => m.column ?? -1);
  const scored = await scoreCsv({
    chunks: blobText(csv),
    dialect: preview.preview.dialect,
    header: preview.preview.header,
    layout,
    mapping,
    score: (feeds) => runModel(ort, session, feeds, fetched, columns),
  });
  await session.release();
  if (!scored.ok) throw new Error(scored.error);
  const { header, preview: rows } = scored.value;
  return { layout, mapping: mapping.map((c) => header[c]), header, column: (name: string) => rows.map((r) => r[header.indexOf(name)]) };
}

describe('scikit-learn models as skl2onnx writes them', () => {
  it('the ZipMap classifier: a [None, 4] input is a batch, and the class probabilities come from the tensor that feeds the ZipMap', async () => {
    const out = await scoreFixture('sklearn-zipmap.onnx', classifier.csv);
    expect(out.layout).toMatchObject({ kind: 'vector', size: 4, batched: true });
    expect(out.mapping).toEqual(classifier.features);
    expect(out.header.slice(4)).toEqual(['output_label', ...classifier.labels.map((l) => `output_probability[${l}]`)]);
    expect(out.column('output_label')).toEqual(classifier.predictions);
    classifier.labels.forEach((label, k) => {
      out.column(`output_probability[${label}]`).forEach((p, r) => expect(Math.abs(Number(p) - classifier.probabilities[r][k])).toBeLessThan(1e-5));
    });
  });

  it('the same classifier without ZipMap', async () => {
    const out = await scoreFixture('sklearn-nozipmap.onnx', classifier.csv);
    expect(out.header.slice(4)).toEqual(['label', 'probabilities[0]', 'probabilities[1]', 'probabilities[2]']);
    expect(out.column('label')).toEqual(classifier.predictions);
    for (let k = 0; k < 3; k++) out.column(`probabilities[${k}]`).forEach((p, r) => expect(Math.abs(Number(p) - classifier.probabilities[r][k])).toBeLessThan(1e-5));
  });

  it('the TreeEnsembleRegressor forest', async () => {
    const out = await scoreFixture('sklearn-forest.onnx', regressor.csv);
    expect(out.header.slice(3)).toEqual(['variable']);
    out.column('variable').forEach((v, r) => expect(Math.abs(Number(v) - regressor.predictions[r])).toBeLessThan(1e-5));
  });
});
