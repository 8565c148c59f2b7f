// Which metrics each task produces, and which way is better: the one list that gates, permutation
// importance and the metrics report agree on.
import type { ModelTask } from '../models/model-artifact';

export const TASK_METRICS = {
  binary: ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'pr_auc', 'log_loss', 'brier', 'cost_per_1000', 'baseline_saving_pct'],
  multiclass: [
    'accuracy',
    'precision_macro',
    'recall_macro',
    'f1_macro',
    'precision_weighted',
    'recall_weighted',
    'f1_weighted',
    'roc_auc',
    'roc_auc_weighted',
    'pr_auc',
    'log_loss',
  ],
  regression: ['rmse', 'mse', 'mae', 'r2', 'mape'],
} as const satisfies Record<ModelTask, readonly string[]>;

export type MetricName = (typeof TASK_METRICS)[ModelTask][number];

export const METRIC_NAMES = [...new Set(Object.values(TASK_METRICS).flat())] as [MetricName, ...MetricName[]];

const LOWER_IS_BETTER: ReadonlySet<MetricName> = new Set(['log_loss', 'brier', 'cost_per_1000', 'rmse', 'mse', 'mae', 'mape']);

export function higherIsBetter(metric: MetricName): boolean {
  return !LOWER_IS_BETTER.has(metric);
}

export function producesMetric(task: ModelTask, metric: string): metric is MetricName {
  return (TASK_METRICS[task] as readonly string[]).includes(metric);
}

/** Shown beside the numbers so a reader knows what each one means. */
export const METRIC_DESCRIPTIONS: Record<MetricName, string> = {
  accuracy: 'Share of rows whose predicted class is right',
  precision: 'Of the rows flagged positive, the share that really are',
  recall: 'Of the real positives, the share that were flagged',
  f1: 'Harmonic mean of precision and recall',
  roc_auc: 'Chance that a random positive scores above a random negative (one-vs-rest macro for multiclass)',
  roc_auc_weighted: 'One-vs-rest ROC AUC averaged by class support',
  pr_auc: 'Average precision over recall levels (step-wise, as scikit-learn; macro for multiclass)',
  log_loss: 'Cross-entropy of the predicted probabilities (lower is better)',
  brier: 'Mean squared error of the positive-class probability (lower is better)',
  cost_per_1000: 'Expected net cost of 1,000 decisions at the decision threshold (lower is better)',
  baseline_saving_pct:
    'How much cheaper, in % of its cost, the decisions are than the cheaper no-skill rule (flag nobody or flag everyone); ' +
    'negative when a rule that needs no model costs less. A gate ">= 10" asks the model to beat the best baseline by 10%',
  precision_macro: 'Precision averaged over classes, each class counting equally',
  recall_macro: 'Recall averaged over classes, each class counting equally',
  f1_macro: 'F1 averaged over classes, each class counting equally',
  precision_weighted: 'Precision averaged over classes, weighted by class support',
  recall_weighted: 'Recall averaged over classes, weighted by class support',
  f1_weighted: 'F1 averaged over classes, weighted by class support',
  rmse: 'Root mean squared error, in target units (lower is better)',
  mse: 'Mean squared error (lower is better)',
  mae: 'Mean absolute error, in target units (lower is better)',
  r2: 'Share of the target variance explained (1 is perfect, 0 is predicting the mean)',
  mape: 'Mean absolute percentage error as a fraction; a zero target divides by machine epsilon (lower is better)',
};
