// The compare page's two tables as rows: every param any run has, marked when the runs disagree,
// and every metric with the best run per row marked (where the metric has a direction).
import { metricDirection } from './metric-direction';

export interface ComparedRunValues {
  id: string;
  params: Record<string, string>;
  metrics: Record<string, number>;
}

export interface ParamRow {
  key: string;
  /** One per run, in the runs' order; null where the run has no such param. */
  values: (string | null)[];
  differs: boolean;
}

export interface MetricRow {
  key: string;
  values: (number | null)[];
  direction: 'higher' | 'lower' | null;
  /** Indices of the runs holding the best value (ties all marked); empty without a direction. */
  best: number[];
}

export function paramRows(runs: readonly ComparedRunValues[]): ParamRow[] {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort();
  return keys.map((key) => {
    const values = runs.map((r) => (key in r.params ? r.params[key] : null));
    return { key, values, differs: new Set(values).size > 1 };
  });
}

export function metricRows(runs: readonly ComparedRunValues[]): MetricRow[] {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort();
  return keys.map((key) => {
    const values = runs.map((r) => (typeof r.metrics[key] === 'number' && Number.isFinite(r.metrics[key]) ? r.metrics[key] : null));
    const direction = metricDirection(key);
    const present = values.filter((v): v is number => v !== null);
    let best: number[] = [];
    if (direction && present.length >= 2 && new Set(present).size > 1) {
      const target = direction === 'higher' ? Math.max(...present) : Math.min(...present);
      best = values.flatMap((v, i) => (v === target ? [i] : []));
    }
    return { key, values, direction, best };
  });
}

/** Differing params first (what changed is what a comparison is for), each group by key. */
export function changedFirst(rows: readonly ParamRow[]): ParamRow[] {
  return [...rows.filter((r) => r.differs), ...rows.filter((r) => !r.differs)];
}
