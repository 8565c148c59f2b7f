// The numbers a step's outputs report, flat, for a run's metric rows: an evaluation's metrics, a
// model's training figures, a search's best score and its trials. Pure: the server reads the
// artifacts and stores what this returns, whichever runner produced them.
import type { JsonObject, JsonValue, PortValue } from './values';

/** One hyperparameter-search trial, as the search report lists it. */
export interface TrialResult {
  trial: number;
  /** The searched values only. */
  params: JsonObject;
  /** The validation metric; null when the trial failed. */
  value: number | null;
  durationMs: number;
  error?: string;
}

export interface SearchResult {
  metric: string;
  direction: 'maximize' | 'minimize';
  trials: TrialResult[];
}

export interface StepResults {
  /** Metric name → value, finite numbers only. */
  metrics: Record<string, number>;
  search?: SearchResult;
}

/** Every finite number in an object's top level (nested values are curves and tables, not metrics). */
function numbers(source: JsonValue | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  if (!source || typeof source !== 'object' || Array.isArray(source)) return out;
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

export function stepResults(value: PortValue): StepResults {
  switch (value.kind) {
    case 'metrics': {
      const report = value.metrics;
      const metrics = numbers(report.metrics);
      const gates = Array.isArray(report.gates) ? report.gates : [];
      if (gates.length > 0) metrics.gates_passed = gates.every((g) => isObject(g) && g.passed === true) ? 1 : 0;
      return { metrics };
    }
    case 'model': {
      // Training figures (final loss, iterations, rows); `params` and `history` are not metrics.
      const { params: _params, history: _history, ...training } = value.model.training;
      return { metrics: numbers(training) };
    }
    case 'report':
      return value.report.type === 'search' ? searchResults(value.report) : { metrics: {} };
    case 'table':
      return { metrics: {} };
  }
}

function searchResults(report: JsonObject): StepResults {
  const metric = typeof report.metric === 'string' ? report.metric : 'score';
  const direction = report.direction === 'minimize' ? 'minimize' : 'maximize';
  const trials: TrialResult[] = (Array.isArray(report.trials) ? report.trials : []).filter(isObject).map((t, i) => ({
    trial: typeof t.trial === 'number' ? t.trial : i + 1,
    params: isObject(t.params) ? t.params : {},
    value: typeof t.value === 'number' && Number.isFinite(t.value) ? t.value : null,
    durationMs: typeof t.durationMs === 'number' ? t.durationMs : 0,
    ...(typeof t.error === 'string' ? { error: t.error } : {}),
  }));
  const best = isObject(report.best) && typeof report.best.value === 'number' ? report.best.value : null;
  const metrics: Record<string, number> = { trials: trials.length };
  if (best !== null && Number.isFinite(best)) metrics[metric] = best;
  return { metrics, search: { metric, direction, trials } };
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
