// Lines a model's predictions up with the target: the rows that have a target, in table order.
import { UserError } from '../../engine/errors';
import type { EvaluationData } from './evaluation-data';
import type { Predictions } from './predictor';
import { classIndices, numericTruth, type Truth } from './read-truth';

export type DecisionOptions = { positiveLabel: string; threshold: number };

export function dataFromPredictions(p: Predictions, truth: Truth, options: DecisionOptions): EvaluationData {
  if (p.task === 'regression') {
    return { task: 'regression', actual: numericTruth(truth), predicted: Float64Array.from(truth.rows, (r) => p.scores[r]) };
  }
  const classes = p.labels.length;
  if (p.task === 'binary' && classes !== 2) throw new Error(`A binary model has ${classes} labels`);
  const proba = new Float64Array(truth.rows.length * classes);
  truth.rows.forEach((r, i) => proba.set(p.scores.subarray(r * classes, (r + 1) * classes), i * classes));
  return {
    task: p.task,
    labels: [...p.labels],
    y: classIndices(truth, p.labels),
    proba,
    positive: p.task === 'binary' ? positiveIndex(p.labels, options.positiveLabel) : -1,
    threshold: options.threshold,
  };
}

/** An empty choice takes the second label, as scikit-learn's classes_[1] is the positive class. */
export function positiveIndex(labels: readonly string[], positiveLabel: string): number {
  if (positiveLabel === '') return 1;
  const k = labels.indexOf(positiveLabel);
  if (k < 0) {
    throw new UserError(
      `Positive label "${positiveLabel}" is not one of the classes ${labels.map((l) => `"${l}"`).join(', ')}`,
      { field: 'positiveLabel' },
    );
  }
  return k;
}
