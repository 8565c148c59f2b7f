// The headline numbers of an evaluation, computed on every row. NaN marks a metric that is
// undefined on this data (e.g. ROC AUC when only one class occurs); the report writes it as null.
import { baselineComparison } from './baselines';
import { costPer1000, outcomesAt, type CostMatrix } from './cost';
import { classColumn, isClass, predictedClasses, type ClassificationData, type RegressionData } from './evaluation-data';
import type { MetricName } from './metric-catalogue';
import { averagePrecision, rocAuc, thresholdCounts, type ThresholdCounts } from './metrics/binary-curve';
import { accuracy, averagedScores, classScores, confusionMatrix, type ConfusionMatrix } from './metrics/classification';
import { ovrAverages } from './metrics/one-vs-rest';
import { brierScore, logLoss } from './metrics/probability';
import { regressionMetrics } from './metrics/regression';

export type MetricValues = Partial<Record<MetricName, number>>;

export type ClassificationResult = {
  values: MetricValues;
  matrix: ConfusionMatrix;
  /** Threshold counts per curve series: the positive class (binary) or each class against the rest. */
  series: { label: string; counts: ThresholdCounts; scores: Float64Array; isPositive: Uint8Array }[];
};

export function classificationMetrics(data: ClassificationData, cost?: CostMatrix): ClassificationResult {
  const classes = data.labels.length;
  const matrix = confusionMatrix(data.y, predictedClasses(data), classes);
  const ks = data.task === 'binary' ? [data.positive] : data.labels.map((_, k) => k);
  const series = ks.map((k) => {
    const scores = classColumn(data, k);
    const isPositive = isClass(data, k);
    return { label: data.labels[k], counts: thresholdCounts(isPositive, scores), scores, isPositive };
  });
  const values: MetricValues = { accuracy: accuracy(matrix), log_loss: logLoss(data.y, data.proba, classes) };

  if (data.task === 'binary') {
    const { counts, scores, isPositive } = series[0];
    const { precision, recall, f1 } = classScores(matrix, data.positive);
    Object.assign(values, { precision, recall, f1, roc_auc: rocAuc(counts), pr_auc: averagePrecision(counts) });
    values.brier = brierScore(isPositive, scores);
    if (cost) {
      values.cost_per_1000 = costPer1000(outcomesAt(counts, data.threshold), cost);
      values.baseline_saving_pct = baselineComparison(counts, cost, data.threshold).savingPct ?? Number.NaN;
    }
  } else {
    const counts = series.map((s) => s.counts);
    const auc = ovrAverages(counts, 'roc_auc');
    const macro = averagedScores(matrix, 'macro');
    const weighted = averagedScores(matrix, 'weighted');
    Object.assign(values, {
      precision_macro: macro.precision,
      recall_macro: macro.recall,
      f1_macro: macro.f1,
      precision_weighted: weighted.precision,
      recall_weighted: weighted.recall,
      f1_weighted: weighted.f1,
      roc_auc: auc.macro,
      roc_auc_weighted: auc.weighted,
      pr_auc: ovrAverages(counts, 'average_precision').macro,
    });
  }
  return { values, matrix, series };
}

export function regressionMetricValues(data: RegressionData): MetricValues {
  return { ...regressionMetrics(data.actual, data.predicted) };
}

/** One metric, for permutation importance: the same definitions as the report. */
export function metricValue(data: ClassificationData | RegressionData, metric: MetricName, cost?: CostMatrix): number {
  const values = data.task === 'regression' ? regressionMetricValues(data) : classificationMetrics(data, cost).values;
  return values[metric] ?? Number.NaN;
}
