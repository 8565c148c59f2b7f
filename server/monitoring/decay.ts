// Performance decay: the window's logged predictions that have feedback labels, scored with the
// evaluate node's own metric code (and its cost per 1,000 decisions when the version's evaluate
// step priced them). Rows whose label or answer cannot be read are left out and counted.
import { and, asc, eq, gt, gte, lte, or } from 'drizzle-orm';
import type { CostMatrix } from '../../nodes/evaluate/cost';
import { predictedClasses, type ClassificationData } from '../../nodes/evaluate/evaluation-data';
import { classificationMetrics, regressionMetricValues } from '../../nodes/evaluate/metric-values';
import type { AnyDb } from '../db/any-db';
import type { ModelSignature } from '../registry/version-types';
import type { Figure } from './check-figures';
import type { DecisionSettings, ValueWeights } from './decision-settings';
import { logOrder } from './log-window';

/** The window as the drift check read it: its newest time, and its oldest row (time and rowid). */
export interface WindowBounds {
  endpointId: string;
  versionId: string;
  to: number;
  from: number;
  oldestRowid: number;
}

export interface DecayResult {
  labelled: number;
  figures: Figure[];
  note: string | null;
}

interface Labelled {
  label: string | number | boolean;
  outputs: Record<string, unknown>;
  /** Needed only to weight costs by a value column. */
  inputs?: Record<string, unknown>;
}

export async function labelledRows(db: AnyDb, w: WindowBounds, withInputs = false): Promise<Labelled[]> {
  const { predictionFeedback, predictionLog } = db.t;
  return db
    .select({ label: predictionFeedback.label, outputs: predictionLog.outputs, ...(withInputs ? { inputs: predictionLog.inputs } : {}) })
    .from(predictionLog)
    .innerJoin(predictionFeedback, eq(predictionFeedback.predictionId, predictionLog.id))
    .where(
      and(
        eq(predictionLog.endpointId, w.endpointId),
        eq(predictionLog.versionId, w.versionId),
        lte(predictionLog.createdAt, w.to),
        // The window's exact lower edge: its oldest row and everything after it (ties by rowid).
        or(gt(predictionLog.createdAt, w.from), and(eq(predictionLog.createdAt, w.from), gte(logOrder(db), w.oldestRowid))),
      ),
    )
    // In the log's order on both databases, so sums over the rows add up alike.
    .orderBy(asc(predictionLog.createdAt), asc(logOrder(db)));
}

export function decayFigures(rows: Labelled[], signature: ModelSignature, decision: DecisionSettings): DecayResult {
  if (rows.length === 0) return { labelled: 0, figures: [], note: 'No feedback labels have arrived for this window yet' };
  if (signature.task === null) return { labelled: rows.length, figures: [], note: 'The model version does not say its task, so its metrics cannot be computed' };
  const scored = signature.task === 'regression' ? regression(rows) : classification(rows, signature.task, signature.labels, decision);
  if ('note' in scored) return { labelled: rows.length, figures: [], note: scored.note };
  const figures = Object.entries(scored.values)
    .filter((e): e is [string, number] => e[1] !== undefined && Number.isFinite(e[1]) && e[0] !== 'baseline_saving_pct')
    .map(([metric, value]) => ({ feature: '', metric, value, flagged: false }));
  const skipped = rows.length - scored.used;
  const notes = [
    skipped > 0 ? `${skipped} of ${rows.length} labelled rows were left out (${scored.why})` : null,
    signature.task === 'binary' && !decision.cost ? "Neither business KPI settings nor an evaluate step price this model's decisions, so cost_per_1000 is not computed" : null,
  ].filter((n) => n !== null);
  return { labelled: rows.length, figures, note: notes.length ? notes.join('; ') : null };
}

type Scored = { values: Record<string, number | undefined>; used: number; why: string } | { note: string };

function regression(rows: Labelled[]): Scored {
  const actual: number[] = [];
  const predicted: number[] = [];
  for (const r of rows) {
    const p = r.outputs.prediction;
    if (typeof r.label === 'number' && typeof p === 'number' && Number.isFinite(p)) {
      actual.push(r.label);
      predicted.push(p);
    }
  }
  if (actual.length === 0) return { note: 'No labelled row has a numeric label and a numeric prediction' };
  return { values: regressionMetricValues({ task: 'regression', actual: Float64Array.from(actual), predicted: Float64Array.from(predicted) }), used: actual.length, why: 'label or prediction not a number' };
}

function classification(rows: Labelled[], task: 'binary' | 'multiclass', labels: string[], decision: DecisionSettings): Scored {
  if (labels.length < 2) return { note: 'The model version lists no class labels, so its metrics cannot be computed' };
  const index = new Map(labels.map((l, i) => [l, i]));
  const y: number[] = [];
  const proba: number[] = [];
  const weights: number[] = [];
  const column = decision.cost?.weights?.valueColumn;
  for (const r of rows) {
    const k = index.get(String(r.label));
    const probabilities = r.outputs.probabilities as Record<string, unknown> | undefined;
    if (k === undefined || typeof probabilities !== 'object' || probabilities === null) continue;
    const p = labels.map((l) => probabilities[l]);
    if (!p.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) continue;
    y.push(k);
    proba.push(...p);
    if (column !== undefined) {
      const w = r.inputs?.[column];
      weights.push(typeof w === 'number' && Number.isFinite(w) ? w : 0);
    }
  }
  if (y.length === 0) return { note: `No labelled row has a label among the model's classes (${labels.join(', ')}) and logged probabilities` };
  const positive = task === 'binary' ? (decision.positiveLabel === '' ? 1 : (index.get(decision.positiveLabel) ?? -1)) : -1;
  if (task === 'binary' && positive < 0) return { note: `The evaluate step's positive label "${decision.positiveLabel}" is not a class of the model (${labels.join(', ')})` };
  const data: ClassificationData = { task, labels, y: Int32Array.from(y), proba: Float64Array.from(proba), positive, threshold: decision.threshold };
  const values: Record<string, number | undefined> = classificationMetrics(data, decision.cost?.matrix).values;
  if (task === 'binary' && decision.cost?.weights) values.cost_per_1000 = weightedCostPer1000(data, decision.cost.matrix, decision.cost.weights, weights);
  return { values, used: y.length, why: 'label not a class of the model, or no logged probabilities' };
}

/** As the evaluate node's cost per 1,000, with each weighted outcome's price times the row's value. */
export function weightedCostPer1000(data: ClassificationData, m: CostMatrix, w: ValueWeights, values: readonly number[]): number {
  const predicted = predictedClasses(data);
  let net = 0;
  for (let r = 0; r < data.y.length; r++) {
    const actual = data.y[r] === data.positive;
    const flagged = predicted[r] === data.positive;
    const v = values[r];
    if (actual && flagged) net -= m.truePositiveValue * (w.tp ? v : 1);
    else if (!actual && flagged) net += m.falsePositiveCost * (w.fp ? v : 1);
    else if (actual && !flagged) net += m.falseNegativeCost * (w.fn ? v : 1);
    else net -= m.trueNegativeValue;
  }
  return data.y.length === 0 ? Number.NaN : (1000 * net) / data.y.length;
}
