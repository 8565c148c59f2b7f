// Scoring latency of the bench MLP (20 features, hidden [64, 32]) exported to ONNX and run by
// onnxruntime-node, against our own predictTable (TF.js wasm) on the same Arrow rows: one row (what
// a single-row V2 infer does) and 1,000 rows (a batch). Both start from the same table, so the ONNX
// side includes building its input tensors. The figures let serving pick the faster engine; the
// bar is the single-row p99 of 2 ms for the faster one.
// Run: npm run bench -- onnx
import path from 'node:path';
import type { ModelValue } from '../nodes/models/model-artifact';
import { predictTable } from '../nodes/models/predict';
import { exportOnnx } from '../nodes/onnx/export-onnx';
import { onnxFeeds } from '../nodes/onnx/onnx-feeds';
import { tableFromColumns, type ColumnData } from '../nodes/table/table-from-columns';
import { fakeContext } from '../nodes/testing/fake-context';
import { mlpNode } from '../nodes/train/mlp.node.ts';
import { parsePreprocessing } from '../nodes/train/preprocess-state';
import type { TableValue } from '../nodes/values';
import { openOnnx, runOnnx } from '../server/onnx/ort-session';
import { generateMlpTask, type MlpTask } from './mlp-task';

const ML = { backends: ['wasm', 'cpu'], wasmPath: path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') };
const BAR_P99_MS = 2;

function tableOf(task: MlpTask): TableValue {
  const columns: ColumnData[] = Array.from({ length: task.cols }, (_, c) => ({
    info: { name: `f${c}`, type: 'numeric' as const, role: 'feature' as const },
    values: Array.from({ length: task.rows }, (_, r) => task.X[r * task.cols + c]),
  }));
  columns.push({ info: { name: 'y', type: 'categorical', role: 'target' }, values: Array.from(task.y, (y) => (y ? 'yes' : 'no')) });
  return { kind: 'table', table: tableFromColumns(columns), columns: columns.map((c) => c.info) };
}

interface Timing {
  median: number;
  p99: number;
}

async function time(iterations: number, fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(50, iterations); i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], p99: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.99))] };
}

export async function benchOnnxScoring() {
  const train = tableOf(generateMlpTask(4_000, 1));
  const params = mlpNode.params.parse({ target: 'y', hiddenLayers: [64, 32], epochs: 2, earlyStopping: false });
  const out = await mlpNode.run({ inputs: { train }, params, ctx: fakeContext({ ml: ML }) });
  const model = (out.model as ModelValue).model;
  const session = await openOnnx(exportOnnx(model, { name: 'bench-mlp', version: 'bench' }));
  const pre = parsePreprocessing(model.preprocessing);
  const one = tableOf(generateMlpTask(1, 2));
  const thousand = tableOf(generateMlpTask(1_000, 3));
  const onnx = (t: TableValue) => () => runOnnx(session, onnxFeeds(pre, t.table));
  const ours = (t: TableValue) => () => predictTable(model, t, ML);
  const result = {
    onnxOne: await time(2_000, onnx(one)),
    oursOne: await time(2_000, ours(one)),
    onnxThousand: await time(200, onnx(thousand)),
    oursThousand: await time(200, ours(thousand)),
  };
  await session.release();
  return result;
}

export async function onnxScoringRows() {
  const r = await benchOnnxScoring();
  const ms = (t: Timing) => `median ${t.median.toFixed(3)} ms, p99 ${t.p99.toFixed(3)} ms`;
  const faster = (a: Timing, b: Timing) => (a.median <= b.median ? 'onnxruntime-node' : 'predictTable');
  return [
    {
      name: `score 1 row with the bench MLP: onnxruntime-node on its ONNX export (faster: ${faster(r.onnxOne, r.oursOne)})`,
      figure: ms(r.onnxOne),
      reference: `predictTable (TF.js wasm) ${ms(r.oursOne)}`,
      ratio: r.oursOne.median / r.onnxOne.median,
      bar: `the faster engine's p99 under ${BAR_P99_MS} ms`,
      pass: Math.min(r.onnxOne.p99, r.oursOne.p99) < BAR_P99_MS,
    },
    {
      name: `score 1,000 rows with the bench MLP: onnxruntime-node (faster: ${faster(r.onnxThousand, r.oursThousand)})`,
      figure: ms(r.onnxThousand),
      reference: `predictTable (TF.js wasm) ${ms(r.oursThousand)}`,
      ratio: r.oursThousand.median / r.onnxThousand.median,
      bar: 'none (informational: tells serving which engine to use for batches)',
      pass: true,
    },
  ];
}
