// Which way is better for a run metric key (`<step>.<metric>`): the catalogue's direction for an
// evaluation's metrics, lower for a loss, and none for figures such as row counts or trial numbers,
// where "best" means nothing.
import { higherIsBetter, METRIC_NAMES, type MetricName } from '../../nodes/evaluate/metric-catalogue';

/** The metric's name without its step id. Step ids are node ids, which hold no dots. */
export function metricName(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(dot + 1);
}

export function metricDirection(key: string): 'higher' | 'lower' | null {
  const name = metricName(key);
  if ((METRIC_NAMES as readonly string[]).includes(name)) return higherIsBetter(name as MetricName) ? 'higher' : 'lower';
  if (name === 'gates_passed') return 'higher';
  if (/(^|_)loss$/i.test(name) || /Loss$/.test(name)) return 'lower';
  return null;
}
