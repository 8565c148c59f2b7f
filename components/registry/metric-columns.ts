// Which metrics a version list shows as columns, and which way is better for each.
import { higherIsBetter, METRIC_NAMES, type MetricName } from '../../nodes/evaluate/metric-catalogue';

/** Headline metrics first, in the order people usually compare them. */
const PREFERRED = ['roc_auc', 'accuracy', 'f1', 'log_loss', 'r2', 'rmse', 'mae'];

export function metricColumns(available: readonly string[], sortMetric: string | null, max = 3): string[] {
  const ranked = [...PREFERRED.filter((m) => available.includes(m)), ...available.filter((m) => !PREFERRED.includes(m))];
  return [...new Set([...(sortMetric ? [sortMetric] : []), ...ranked])].slice(0, max);
}

/** The direction that puts the best first; unknown metrics count as higher-is-better. */
export function bestFirst(metric: string): 'asc' | 'desc' {
  return (METRIC_NAMES as readonly string[]).includes(metric) && !higherIsBetter(metric as MetricName) ? 'asc' : 'desc';
}
