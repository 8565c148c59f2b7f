// Serving scores with our own predictor or with onnxruntime-node on the model's ONNX export,
// whichever measures faster for this model on this machine (issue 13). Both are timed at load on
// the same rows, after the export was checked to answer the same to 1e-5; a model that does not
// export, or whose export disagrees, is served by our predictor.
import type { MlRuntime } from '../../engine/node-definition';
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import { predictTable, type Predictions } from '../../nodes/models/predict';
import { exportOnnx, ONNX_OUTPUTS } from '../../nodes/onnx/export-onnx';
import { onnxFeeds } from '../../nodes/onnx/onnx-feeds';
import type { FittedPreprocessing } from '../../nodes/train/preprocess-state';
import type { TableValue } from '../../nodes/values';
import { openOnnx, runOnnx } from '../onnx/ort-session';
import { verifyOnnx } from '../onnx/verify-onnx';

export type ScorerName = 'pipeworks' | 'onnxruntime';

export interface Scorer {
  name: ScorerName;
  score(table: TableValue): Promise<Predictions>;
  /** Median microseconds a call took on the probe rows, for each scorer tried. */
  timings: Partial<Record<ScorerName, number>>;
  /** Why ONNX was not used, when it was not. */
  note: string | null;
}

const TIMED_CALLS = 60;

export async function chooseScorer(model: ModelArtifact, pre: FittedPreprocessing, ml: MlRuntime, probe: TableValue): Promise<Scorer> {
  const ours = (table: TableValue) => predictTable(model, table, ml);
  const oursUs = await medianMicros(() => ours(probe));
  let bytes: Uint8Array;
  try {
    bytes = exportOnnx(model, { name: 'serving', version: 'serving' });
    const check = await verifyOnnx(model, bytes, probe, ml);
    if (check.mismatch) return { name: 'pipeworks', score: ours, timings: { pipeworks: oursUs }, note: `ONNX export disagrees: ${check.mismatch}` };
  } catch (error) {
    return { name: 'pipeworks', score: ours, timings: { pipeworks: oursUs }, note: `no ONNX export: ${(error as Error).message}` };
  }
  const session = await openOnnx(bytes);
  const onnx = async (table: TableValue): Promise<Predictions> => {
    const out = await runOnnx(session, onnxFeeds(pre, table.table));
    const scores = out[model.task === 'regression' ? ONNX_OUTPUTS.value : ONNX_OUTPUTS.probabilities].data as Float64Array;
    return { task: model.task, labels: [...model.labels], scores };
  };
  const onnxUs = await medianMicros(() => onnx(probe));
  const timings = { pipeworks: oursUs, onnxruntime: onnxUs };
  if (onnxUs < oursUs) return { name: 'onnxruntime', score: onnx, timings, note: null };
  await session.release();
  return { name: 'pipeworks', score: ours, timings, note: 'our predictor measured faster' };
}

async function medianMicros(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 10; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < TIMED_CALLS; i++) {
    const t0 = performance.now();
    await fn();
    times.push((performance.now() - t0) * 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** Probe rows: every column missing, then at the training fill, then an unseen category. */
export function probeColumns(model: ModelArtifact, pre: FittedPreprocessing) {
  const fills = new Map(pre.columns.map((c) => [c.name, c]));
  return model.inputs.map((info) => {
    const state = fills.get(info.name);
    const numeric = info.type === 'numeric' || info.type === 'datetime';
    let filled: number | string | boolean | null = null;
    if (state?.kind === 'numeric') filled = info.type === 'datetime' ? state.fill * 86_400_000 : state.fill + state.scale;
    else if (state?.kind === 'categorical') filled = info.type === 'boolean' ? state.fill === 'true' : state.fill;
    const unseen = info.type === 'categorical' || info.type === 'text' ? '__probe_unseen__' : filled;
    return { info, values: [numeric ? NaN : null, filled, unseen] };
  });
}
