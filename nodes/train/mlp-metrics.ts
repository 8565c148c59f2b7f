// Loss and accuracy of the MLP's outputs, in float64 JS: the per-epoch validation figures.
import type { OutputKind } from './mlp-layout';
import type { MlpRows } from './mlp-rows';

const EPS = 1e-7;

export interface EpochMetrics {
  /** Log loss for classifiers, mean squared error (in the units of `y`) for regression. */
  loss: number;
  /** Share of rows whose most likely class is the true one; classifiers only. */
  accuracy?: number;
}

/** `out` is rows × outputs as the output layer gives it (sigmoid, softmax or linear). */
export function outputMetrics(out: Float32Array, data: MlpRows, kind: OutputKind): EpochMetrics {
  const { rows, outputs, y } = data;
  if (rows === 0) return { loss: Number.NaN };
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < rows; i++) {
    if (kind === 'linear') {
      loss += (out[i] - y[i]) ** 2;
    } else if (kind === 'sigmoid') {
      const p = out[i];
      loss -= Math.log(Math.max(y[i] === 1 ? p : 1 - p, EPS));
      if ((p > 0.5 ? 1 : 0) === y[i]) correct++;
    } else {
      let best = 0;
      let truth = 0;
      for (let k = 0; k < outputs; k++) {
        if (out[i * outputs + k] > out[i * outputs + best]) best = k;
        if (y[i * outputs + k] === 1) truth = k;
      }
      loss -= Math.log(Math.max(out[i * outputs + truth], EPS));
      if (best === truth) correct++;
    }
  }
  return kind === 'linear' ? { loss: loss / rows } : { loss: loss / rows, accuracy: correct / rows };
}
