// What each monitored figure is called on an axis, with its unit; the check runner's metric names
// are documented in docs/monitoring.md ("Recorded checks").
export interface FigureInfo {
  label: string;
  unit: string;
}

const INFO: Record<string, FigureInfo> = {
  psi: { label: 'PSI', unit: 'index' },
  ks: { label: 'KS statistic', unit: '0–1' },
  ks_p_value: { label: 'KS p-value', unit: 'probability' },
  wasserstein: { label: 'Wasserstein distance', unit: 'feature units' },
  chi2: { label: 'Chi-square', unit: 'statistic' },
  chi2_p_value: { label: 'Chi-square p-value', unit: 'probability' },
  unseen_rate: { label: 'Unseen categories', unit: 'share of rows' },
  missing_rate: { label: 'Missing values', unit: 'share of rows' },
  roc_auc: { label: 'ROC AUC', unit: '0–1' },
  pr_auc: { label: 'PR AUC', unit: '0–1' },
  accuracy: { label: 'Accuracy', unit: '0–1' },
  f1: { label: 'F1', unit: '0–1' },
  precision: { label: 'Precision', unit: '0–1' },
  recall: { label: 'Recall', unit: '0–1' },
  cost_per_1000: { label: 'Cost per 1,000 decisions', unit: 'cost units' },
  latency_p50: { label: 'Latency p50', unit: 'ms' },
  latency_p95: { label: 'Latency p95', unit: 'ms' },
  latency_p99: { label: 'Latency p99', unit: 'ms' },
  throughput_rps: { label: 'Throughput', unit: 'requests/s' },
  error_rate: { label: 'Error rate', unit: 'share of requests' },
  rss_mb: { label: 'Serving process memory (RSS)', unit: 'MB' },
  model_mb: { label: 'Loaded model', unit: 'MB' },
};

export const figureInfo = (metric: string): FigureInfo => INFO[metric] ?? { label: metric, unit: '' };

/** The drift statistics a person can plot over time, with the threshold key that judges each. */
export const DRIFT_METRICS = [
  { metric: 'psi', threshold: 'psi' },
  { metric: 'ks', threshold: 'ksStatistic' },
  { metric: 'ks_p_value', threshold: 'ksPValue' },
  { metric: 'wasserstein', threshold: 'wasserstein' },
  { metric: 'chi2_p_value', threshold: 'chiSquarePValue' },
  { metric: 'unseen_rate', threshold: 'unseenShare' },
  { metric: 'missing_rate', threshold: null },
] as const;

export type DriftMetric = (typeof DRIFT_METRICS)[number]['metric'];
