// Runs a search's trials one after another on prepared data: fit on train, score on validation,
// keep the best model, record every trial. Generic over Estimators.
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import type { NodeRunContext } from '../../engine/node-definition';
import type { ModelArtifact } from '../models/model-artifact';
import type { JsonObject } from '../values';
import { trainModel } from './define-train-node';
import type { PreparedTraining } from './prepare-training';
import type { Searchable } from './search-estimators';
import { higherIsBetter, metricValue, type SearchMetric } from './search-metric';

export interface TrialRecord {
  trial: number;
  /** The searched values only (the rest are the estimator's defaults). */
  params: JsonObject;
  /** The validation metric; null when the trial failed. */
  value: number | null;
  durationMs: number;
  error?: string;
}

export interface SearchOutcome {
  trials: TrialRecord[];
  best: { trial: TrialRecord; model: ModelArtifact };
}

/** Each point with the estimator's defaults filled in, checked before any trial runs. */
export function trialParams(entry: Searchable, points: readonly JsonObject[]): unknown[] {
  const schema = z.strictObject(entry.shape);
  return points.map((point, i) => {
    const parsed = schema.safeParse(point);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `"${issue.path.join('.')}"` : 'the search space';
    throw new UserError(`Trial ${i + 1}: ${where}: ${issue.message} (values ${JSON.stringify(point)})`, { field: 'space' });
  });
}

export async function runTrials(
  entry: Searchable,
  points: readonly JsonObject[],
  prepared: PreparedTraining,
  metric: SearchMetric,
  ctx: NodeRunContext,
  seed: number,
): Promise<SearchOutcome> {
  const validation = prepared.validation;
  if (!validation || validation.X.rows === 0) {
    throw new UserError('A hyperparameter search needs validation rows to compare trials', { field: 'validation' });
  }
  const params = trialParams(entry, points);
  const n = points.length;
  const trials: TrialRecord[] = [];
  let best: SearchOutcome['best'] | undefined;
  const better = (a: number, b: number) => (higherIsBetter(metric) ? a > b : a < b);
  for (let i = 0; i < n; i++) {
    ctx.signal.throwIfAborted();
    const started = performance.now();
    const record: TrialRecord = { trial: i + 1, params: points[i], value: null, durationMs: 0 };
    try {
      const model = await trainModel(entry.estimator, params[i], prepared, trialContext(ctx, i, n), seed);
      const scores = await entry.estimator.predict(model.payload, validation.X, ctx.ml);
      record.value = metricValue(metric, validation.target, scores);
      if (!Number.isFinite(record.value)) throw new Error(`${metric} is ${record.value}`);
      if (!best || better(record.value, best.trial.value!)) best = { trial: record, model };
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      record.value = null;
      record.error = error instanceof Error ? error.message : String(error);
      ctx.log('warn', `Trial ${i + 1} failed: ${record.error}`);
    }
    record.durationMs = Math.round(performance.now() - started);
    trials.push(record);
    const shown = record.value === null ? 'failed' : `${metric} ${record.value.toFixed(4)}`;
    ctx.progress((i + 1) / n, `Trial ${i + 1}/${n}: ${shown} ${JSON.stringify(points[i])}`, {
      trial: i + 1,
      params: points[i],
      value: record.value,
      best: best?.trial.trial ?? null,
    });
  }
  if (!best) throw new UserError(`Every one of the ${n} trials failed; the first: ${trials[0]?.error ?? 'no trials'}`);
  return { trials, best };
}

/** The node's context with a trial's progress mapped into its share of the search. */
function trialContext(ctx: NodeRunContext, i: number, n: number): NodeRunContext {
  return {
    ...ctx,
    progress: (fraction, message, data) =>
      ctx.progress(
        (i + Math.min(1, Math.max(0, fraction)) * 0.999) / n,
        message === undefined ? undefined : `Trial ${i + 1}/${n}: ${message}`,
        { ...data, trial: i + 1 },
      ),
  };
}
