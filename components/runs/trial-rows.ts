// A search report's trials as rows a table sorts and a chart plots: the searched params, the
// validation score, the duration, and which trial won.
import { stepResults, type TrialResult } from '../../nodes/result-metrics';
import type { JsonValue, Report } from '../../nodes/values';

export interface SearchTrials {
  metric: string;
  direction: 'maximize' | 'minimize';
  trials: TrialResult[];
  /** Every searched param, in the order the trials name them. */
  params: string[];
  /** The winning trial's number; null when every trial failed. */
  best: number | null;
}

export function isSearchReport(report: unknown): report is Report {
  return typeof report === 'object' && report !== null && (report as { type?: unknown }).type === 'search' && Array.isArray((report as { trials?: unknown }).trials);
}

export function readSearchTrials(report: Report): SearchTrials {
  const search = stepResults({ kind: 'report', report }).search ?? { metric: 'score', direction: 'maximize' as const, trials: [] };
  const params = [...new Set(search.trials.flatMap((t) => Object.keys(t.params)))];
  let best: TrialResult | null = null;
  for (const t of search.trials) {
    if (t.value === null) continue;
    if (!best || best.value === null || (search.direction === 'maximize' ? t.value > best.value : t.value < best.value)) best = t;
  }
  return { ...search, params, best: best?.trial ?? null };
}

export type TrialSortKey = { kind: 'trial' } | { kind: 'value' } | { kind: 'duration' } | { kind: 'param'; name: string };

/** Sorted copy; trials without the value (failed, or lacking the param) go last either way. */
export function sortTrials(trials: readonly TrialResult[], key: TrialSortKey, dir: 'asc' | 'desc'): TrialResult[] {
  const pick = (t: TrialResult): number | string | null => {
    switch (key.kind) {
      case 'trial':
        return t.trial;
      case 'value':
        return t.value;
      case 'duration':
        return t.durationMs;
      case 'param':
        return sortable(t.params[key.name]);
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...trials].sort((a, b) => {
    const x = pick(a);
    const y = pick(b);
    if (x === null || y === null) return x === y ? a.trial - b.trial : x === null ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign || a.trial - b.trial;
    return String(x).localeCompare(String(y)) * sign || a.trial - b.trial;
  });
}

function sortable(value: JsonValue | undefined): number | string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** How to lay a param out on a chart's x axis: numbers on a number line (log when they span decades), anything else as categories. */
export function paramAxis(trials: readonly TrialResult[], name: string): { type: 'number'; log: boolean } | { type: 'category'; values: string[] } {
  const values = trials.map((t) => t.params[name]).filter((v) => v !== undefined);
  if (values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    const nums = values as number[];
    const min = Math.min(...nums);
    const max = Math.max(...nums);
    return { type: 'number', log: min > 0 && max / min >= 100 };
  }
  return { type: 'category', values: [...new Set(values.map(displayValue))].sort() };
}

export function displayValue(value: JsonValue | undefined): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
