// Checks an export against our own predictor: onnxruntime-node's outputs on a table must match
// predictTable's to 1e-5 (absolute, or relative for values above 1) and name the same labels.
import type { MlRuntime } from '../../engine/node-definition';
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import { predictTable } from '../../nodes/models/predict';
import { predictedLabelIndices } from '../../nodes/models/predicted-labels';
import { ONNX_OUTPUTS } from '../../nodes/onnx/export-onnx';
import { onnxFeeds } from '../../nodes/onnx/onnx-feeds';
import { parsePreprocessing } from '../../nodes/train/preprocess-state';
import type { TableValue } from '../../nodes/values';
import { openOnnx, runOnnx } from './ort-session';

export const ONNX_TOLERANCE = 1e-5;

export interface OnnxCheck {
  rows: number;
  /** The largest difference found, scaled as the tolerance is. */
  maxDifference: number;
  /** Where the first difference over the tolerance is, if any. */
  mismatch: string | null;
}

export async function verifyOnnx(model: ModelArtifact, bytes: Uint8Array, table: TableValue, ml: MlRuntime): Promise<OnnxCheck> {
  const ours = await predictTable(model, table, ml);
  const session = await openOnnx(bytes);
  const theirs = await runOnnx(session, onnxFeeds(parsePreprocessing(model.preprocessing), table.table));
  await session.release();
  const rows = table.table.numRows;
  const scores = theirs[model.task === 'regression' ? ONNX_OUTPUTS.value : ONNX_OUTPUTS.probabilities].data as Float64Array;
  let maxDifference = 0;
  let mismatch: string | null = null;
  const width = model.task === 'regression' ? 1 : model.labels.length;
  for (let i = 0; i < ours.scores.length; i++) {
    const difference = Math.abs(ours.scores[i] - scores[i]) / Math.max(1, Math.abs(ours.scores[i]));
    if (!(difference <= maxDifference)) maxDifference = difference;
    if (mismatch === null && !(difference <= ONNX_TOLERANCE)) {
      mismatch = `row ${Math.floor(i / width) + 1}, output ${i % width}: ours ${ours.scores[i]}, ONNX ${scores[i]}`;
    }
  }
  if (model.task !== 'regression' && mismatch === null) {
    const labels = theirs[ONNX_OUTPUTS.label].data as string[];
    const expected = predictedLabelIndices(ours);
    const row = expected.findIndex((k, r) => model.labels[k] !== labels[r]);
    if (row >= 0) mismatch = `row ${row + 1}: ours "${model.labels[expected[row]]}", ONNX "${labels[row]}"`;
  }
  return { rows, maxDifference, mismatch };
}
