// The committed ONNX fixtures, run by the real onnxruntime-web (its Node build, wasm provider):
// they load, their metadata reads as the page expects, and they give sigmoid(w·x+b).
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- a test reads the committed fixture files
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIAS, expectedProbability, FEATURES, logisticColumnsModel, logisticModel } from '../../tests/fixtures/onnx/logistic-models';
import { proposeMapping } from './csv-mapping';
import { scoreCsv, type SupportedLayout } from './csv-scoring';
import { blobText, previewCsv } from './csv-stream';
import { buildFeeds } from './feeds';
import { inputLayout } from './input-layout';
import { prepareOnnxModel } from '../../engine/onnx/prepare-model';
import { featureNamesFromMetadata } from './feature-names';
import { ioInfo } from './io-info';
import { openSession } from './open-session';
import { outputsToRows } from './output-columns';
import { runModel } from './run-model';

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/onnx/${name}`, import.meta.url));
const FIXTURES = [
  { file: 'logistic.onnx', build: logisticModel },
  { file: 'logistic-columns.onnx', build: logisticColumnsModel },
] as const;

beforeAll(() => {
  ort.env.wasm.numThreads = 1;
});

function read(bytes: Uint8Array) {
  const prepared = prepareOnnxModel(bytes);
  if (!prepared.ok) throw new Error(prepared.error);
  const { summary } = prepared.value;
  return { info: summary, inputs: summary.inputs.map(ioInfo), outputs: summary.outputs.map(ioInfo) };
}

async function open(bytes: Uint8Array) {
  const opened = await openSession(bytes, { probeGpu: async () => ({ ok: false, reason: 'no GPU in Node' }), loadRuntime: async () => ort });
  if (!opened.ok) throw new Error(opened.error);
  return opened.value;
}

describe.each(FIXTURES)('$file', ({ file, build }) => {
  const bytes = new Uint8Array(fixture(file));

  it('is what make-fixtures.ts writes', () => {
    expect(Buffer.from(bytes).equals(Buffer.from(build()))).toBe(true);
  });

  it('has IR version 8, opset 17 and loads on wasm once WebGPU is passed over', async () => {
    expect(read(bytes).info).toMatchObject({ irVersion: 8, opsets: [{ domain: '', version: 17 }] });
    const { session, provider, notes } = await open(bytes);
    expect(provider).toBe('wasm');
    expect(notes.map((n) => [n.provider, n.used])).toEqual([
      ['webgpu', false],
      ['wasm', true],
    ]);
    expect(read(bytes).outputs).toEqual([
      { name: 'probability', isTensor: true, type: 'float32', shape: [{ dimParam: 'N' }, { dimValue: 1 }] },
      { name: 'label', isTensor: true, type: 'int64', shape: [{ dimParam: 'N' }, { dimValue: 1 }] },
    ]);
    await session.release();
  });

  it('gives sigmoid(w·x + b) and the 0.5-threshold label for a batch of rows', async () => {
    const header = read(bytes);
    const { session } = await open(bytes);
    const layout = inputLayout(header.inputs, featureNamesFromMetadata(header.info.metadata));
    if (layout.kind === 'unsupported') throw new Error(layout.reason);
    expect(layout.fields.map((f) => f.label)).toEqual([...FEATURES]);
    const rows = [
      [1, 2, 3, 4],
      [0, 0, 0, 0],
      [-3.5, 0.25, 10, -1],
    ];
    const out = outputsToRows(await runModel(ort, session, buildFeeds(layout, rows), session.outputNames), rows.length);
    expect(out.columns).toEqual(['probability', 'label']);
    rows.forEach((x, r) => {
      const p = expectedProbability(x);
      expect(out.rows[r][0] as number).toBeCloseTo(p, 6);
      expect(out.rows[r][1]).toBe(p > 0.5 ? 1 : 0);
    });
    expect(out.rows[1][0] as number).toBeCloseTo(1 / (1 + Math.exp(-BIAS)), 6);
    await session.release();
  });

  it('scores the CSV fixture, mapping columns by name', async () => {
    const header = read(bytes);
    const { session } = await open(bytes);
    const layout = inputLayout(header.inputs, featureNamesFromMetadata(header.info.metadata)) as SupportedLayout;
    const csv = new Blob([fixture('customers.csv')]);
    const preview = await previewCsv(csv);
    if (!preview.ok) throw new Error(preview.error);
    const mapping = proposeMapping(layout, preview.preview.header, preview.preview.rows);
    expect(mapping.map((m) => preview.preview.header[m.column ?? -1])).toEqual([...FEATURES]);
    const result = await scoreCsv({
      chunks: blobText(csv),
      dialect: preview.preview.dialect,
      header: preview.preview.header,
      layout,
      mapping: mapping.map((m) => m.column ?? -1),
      score: (feeds) => runModel(ort, session, feeds, session.outputNames),
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.value.rowCount).toBe(5);
    expect(result.value.preview[2].slice(0, 2)).toEqual(['3', 'Zoë Quist']);
    for (const row of result.value.preview) {
      const x = FEATURES.map((f) => Number(row[preview.preview.header.indexOf(f)]));
      expect(Number(row[6])).toBeCloseTo(expectedProbability(x), 6);
    }
    await session.release();
  });
});
