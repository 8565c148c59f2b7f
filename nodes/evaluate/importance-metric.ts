// Which metric permutation importance measures: the param's choice, or the task's usual one.
import { UserError } from '../../engine/errors';
import type { ModelTask } from '../models/model-artifact';
import { higherIsBetter, producesMetric, TASK_METRICS, type MetricName } from './metric-catalogue';

/** roc_auc for binary, accuracy for multiclass, r2 for regression. */
const DEFAULT_METRIC: Record<ModelTask, MetricName> = { binary: 'roc_auc', multiclass: 'accuracy', regression: 'r2' };

export function importanceMetric(choice: string, task: ModelTask): { metric: MetricName; higherIsBetter: boolean } {
  const metric = choice === 'auto' ? DEFAULT_METRIC[task] : choice;
  if (!producesMetric(task, metric)) {
    throw new UserError(
      `Importance metric "${metric}" is not produced for a ${task} model; choose auto or one of ${TASK_METRICS[task].join(', ')}`,
      { field: 'importanceMetric' },
    );
  }
  return { metric, higherIsBetter: higherIsBetter(metric) };
}
