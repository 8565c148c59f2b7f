// The metrics JSON that an evaluate node outputs: everything a UI needs to draw ROC, PR and
// calibration curves, the confusion matrix, residuals and the cost view, without recomputing.
import type { ModelTask } from '../models/model-artifact';
import { baselineComparison, type EvaluatedCost } from './baselines';
import { costView, type CostMatrix } from './cost';
import { classificationCurves, type Curves } from './curves';
import type { ClassificationData, EvaluationData, RegressionData } from './evaluation-data';
import type { GateResult } from './gates';
import { METRIC_DESCRIPTIONS, TASK_METRICS, higherIsBetter } from './metric-catalogue';
import { classificationMetrics, regressionMetricValues, type MetricValues } from './metric-values';
import { classScores } from './metrics/classification';
import { residualsSummary, type ResidualsSummary } from './metrics/residuals';
import type { ImportanceResult } from './permutation-importance';

export type MetricsReport = {
  type: 'classification' | 'regression';
  title: string;
  task: ModelTask;
  /** 'model': a model predicted the table; 'predictions': the table already held the scores. */
  source: 'model' | 'predictions';
  target: string;
  /** Class labels in the order of matrices and probability columns; empty for regression. */
  labels: string[];
  positiveLabel: string | null;
  /** Binary: rows with P(positive) ≥ threshold are predicted positive. */
  threshold: number | null;
  /** Rows evaluated, and rows left out because their target was missing. */
  rows: number;
  droppedRows: number;
  /** null where a metric is undefined on this data (e.g. ROC AUC when only one class occurs). */
  metrics: MetricValues;
  about: Record<string, { description: string; higherIsBetter: boolean }>;
  perClass?: { label: string; precision: number; recall: number; f1: number; support: number }[];
  curves?: Curves;
  /** matrix[actual][predicted], in `labels` order. */
  confusion?: { labels: string[]; matrix: number[][]; rows: 'actual'; columns: 'predicted' };
  residuals?: ResidualsSummary;
  /** Binary: what the decisions cost per 1,000, against the no-skill baselines. */
  cost?: EvaluatedCost;
  importance?: ImportanceResult;
  gates: GateResult[];
};

export type ReportInfo = {
  source: MetricsReport['source'];
  target: string;
  droppedRows: number;
  cost?: { matrix: CostMatrix; currency: string };
};

export function buildReport(data: EvaluationData, info: ReportInfo): MetricsReport {
  return data.task === 'regression' ? regressionReport(data, info) : classificationReport(data, info);
}

function base(task: ModelTask, rows: number, info: ReportInfo, values: MetricValues) {
  const about: MetricsReport['about'] = {};
  for (const name of TASK_METRICS[task]) {
    if (values[name] !== undefined) about[name] = { description: METRIC_DESCRIPTIONS[name], higherIsBetter: higherIsBetter(name) };
  }
  const what = task === 'regression' ? 'Regression' : task === 'binary' ? 'Binary classification' : 'Multiclass classification';
  return {
    title: `${what} metrics for "${info.target}" (${rows.toLocaleString('en-US')} rows)`,
    task,
    source: info.source,
    target: info.target,
    rows,
    droppedRows: info.droppedRows,
    metrics: values,
    about,
    gates: [],
  };
}

function classificationReport(data: ClassificationData, info: ReportInfo): MetricsReport {
  const cost = data.task === 'binary' ? info.cost : undefined;
  const result = classificationMetrics(data, cost?.matrix);
  const report: MetricsReport = {
    type: 'classification',
    ...base(data.task, data.y.length, info, result.values),
    labels: data.labels,
    positiveLabel: data.task === 'binary' ? data.labels[data.positive] : null,
    threshold: data.task === 'binary' ? data.threshold : null,
    perClass: data.labels.map((label, k) => {
      const { precision, recall, f1, support } = classScores(result.matrix, k);
      return { label, precision, recall, f1, support };
    }),
    curves: classificationCurves(result.series),
    confusion: { labels: data.labels, matrix: result.matrix, rows: 'actual', columns: 'predicted' },
  };
  if (cost) {
    const counts = result.series[0].counts;
    report.cost = { ...costView(counts, cost.matrix, data.threshold, { currency: cost.currency }), vsBaseline: baselineComparison(counts, cost.matrix, data.threshold) };
  }
  return report;
}

function regressionReport(data: RegressionData, info: ReportInfo): MetricsReport {
  return {
    type: 'regression',
    ...base('regression', data.actual.length, info, regressionMetricValues(data)),
    labels: [],
    positiveLabel: null,
    threshold: null,
    residuals: residualsSummary(data.actual, data.predicted),
  };
}
