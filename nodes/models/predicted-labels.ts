// Which label a classifier's probabilities name, the one rule batch scoring and the ONNX export
// share: binary takes the second label when its probability is at least 0.5 (the evaluate node's
// default threshold), multiclass the most probable label, the first on a tie (np.argmax).
import type { Predictions } from './predict';

export const BINARY_THRESHOLD = 0.5;

export function predictedLabelIndices(p: Predictions): Int32Array {
  const classes = p.labels.length;
  const rows = classes === 0 ? 0 : p.scores.length / classes;
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    if (classes === 2) {
      out[r] = p.scores[r * 2 + 1] >= BINARY_THRESHOLD ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let c = 1; c < classes; c++) if (p.scores[r * classes + c] > p.scores[r * classes + best]) best = c;
    out[r] = best;
  }
  return out;
}
