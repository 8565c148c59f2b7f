// The validation metric a search ranks trials by, from an estimator's predict() output.
import { UserError } from '../../engine/errors';
import { rocAuc, thresholdCounts } from '../evaluate/metrics/binary-curve';
import { oneVsRestCounts, ovrAverages } from '../evaluate/metrics/one-vs-rest';
import { regressionMetrics } from '../evaluate/metrics/regression';
import type { FitTarget } from './estimator';

export const SEARCH_METRICS = ['auto', 'roc_auc', 'accuracy', 'r2', 'rmse'] as const;
export type SearchMetricChoice = (typeof SEARCH_METRICS)[number];
export type SearchMetric = Exclude<SearchMetricChoice, 'auto'>;

/** auto: ROC AUC for classification (macro one-vs-rest for more than two classes), R² for regression. */
export function resolveMetric(choice: SearchMetricChoice, target: FitTarget): SearchMetric {
  const classification = target.kind === 'classification';
  if (choice === 'auto') return classification ? 'roc_auc' : 'r2';
  const forClassification = choice === 'roc_auc' || choice === 'accuracy';
  if (forClassification !== classification) {
    throw new UserError(`The metric ${choice} does not apply to a ${target.kind} target`, { field: 'metric' });
  }
  return choice;
}

export const higherIsBetter = (metric: SearchMetric): boolean => metric !== 'rmse';

/** `scores` as Estimator.predict returns them: rows × classes probabilities, or rows × 1 values. */
export function metricValue(metric: SearchMetric, target: FitTarget, scores: Float64Array): number {
  if (target.kind === 'regression') {
    const m = regressionMetrics(target.y, scores);
    return metric === 'rmse' ? m.rmse : m.r2;
  }
  const { y, classes } = target;
  if (metric === 'accuracy') {
    let correct = 0;
    for (let i = 0; i < y.length; i++) {
      let best = 0;
      for (let k = 1; k < classes; k++) if (scores[i * classes + k] > scores[i * classes + best]) best = k;
      if (best === y[i]) correct++;
    }
    return y.length ? correct / y.length : Number.NaN;
  }
  if (classes === 2) {
    const positive = Float64Array.from(y, (v) => (v === 1 ? 1 : 0));
    const p1 = Float64Array.from({ length: y.length }, (_, i) => scores[2 * i + 1]);
    return rocAuc(thresholdCounts(positive, p1));
  }
  return ovrAverages(oneVsRestCounts(y, scores, classes), 'roc_auc').macro;
}
