// The seam between evaluation and prediction. A Predictor turns raw rows into scores; the model
// path wraps nodes/models/predict.ts's predictTable, tests and permutation importance pass their own.
import { UserError } from '../../engine/errors';
import type { ModelTask } from '../models/model-artifact';
import type { TableValue } from '../values';

/** As predictTable returns it: classification rows × labels.length probabilities, regression rows × 1. */
export type Predictions = { task: ModelTask; labels: string[]; scores: Float64Array };

export type Predictor = (table: TableValue) => Promise<Predictions>;

/** A wrong shape is a bug in the predictor; a non-finite score is something the user can act on. */
export function checkPredictions(p: Predictions, rows: number, task: ModelTask): void {
  if (p.task !== task) throw new Error(`The predictor returned a ${p.task} result for a ${task} model`);
  const width = task === 'regression' ? 1 : p.labels.length;
  if (p.scores.length !== rows * width) {
    throw new Error(`The predictor returned ${p.scores.length} scores for ${rows} rows × ${width}`);
  }
  for (let i = 0; i < p.scores.length; i++) {
    if (!Number.isFinite(p.scores[i])) {
      throw new UserError(
        `The model produced a non-finite prediction (${p.scores[i]}) for row ${Math.floor(i / width) + 1}; ` +
          'check that row for values the training data never had',
        { row: Math.floor(i / width) + 1 },
      );
    }
  }
}
