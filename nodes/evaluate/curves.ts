// Curve series for drawing: ROC, precision-recall and calibration, one series per positive class
// (a binary task has one; a multiclass task one per class against the rest). Curves are thinned
// to at most MAX_CURVE_POINTS points for display; every metric is computed on the full data.
import { averagePrecision, prCurve, rocAuc, rocCurve, type ThresholdCounts } from './metrics/binary-curve';
import { calibrationCurve } from './metrics/calibration';
import { pickFrom, pickIndices } from './metrics/downsample';

export const MAX_CURVE_POINTS = 500;
export const CALIBRATION_BINS = 10;

export type CurveInput = { label: string; counts: ThresholdCounts; scores: Float64Array; isPositive: Uint8Array };

export type RocSeries = { label: string; auc: number; points: number; fpr: number[]; tpr: number[]; thresholds: number[] };
export type PrSeries = {
  label: string;
  averagePrecision: number;
  /** Share of positives: the precision of a random ranking, the chart's baseline. */
  prevalence: number;
  points: number;
  precision: number[];
  recall: number[];
  /** Parallel to precision and recall; the last point (recall 0, precision 1) has no threshold (null). */
  thresholds: (number | null)[];
};
export type CalibrationSeries = {
  label: string;
  binEdges: number[];
  /** Per non-empty bin: mean predicted probability (x) and observed share of positives (y). */
  meanPredicted: number[];
  fractionPositive: number[];
  count: number[];
  bin: number[];
};
export type Curves = { roc: RocSeries[]; pr: PrSeries[]; calibration: CalibrationSeries[] };

export function classificationCurves(series: readonly CurveInput[]): Curves {
  return {
    roc: series.map(rocSeries),
    pr: series.map(prSeries),
    calibration: series.map(({ label, isPositive, scores }) => {
      const c = calibrationCurve(isPositive, scores, CALIBRATION_BINS);
      return { label, binEdges: c.binEdges, meanPredicted: c.probPred, fractionPositive: c.probTrue, count: c.count, bin: c.bin };
    }),
  };
}

function rocSeries({ label, counts }: CurveInput): RocSeries {
  const roc = rocCurve(counts);
  const shown = pickIndices(roc.fpr.length, MAX_CURVE_POINTS);
  return { label, auc: rocAuc(counts), points: roc.fpr.length, ...pickFrom(roc, shown) };
}

function prSeries({ label, counts }: CurveInput): PrSeries {
  const pr = prCurve(counts);
  const shown = pickIndices(pr.precision.length, MAX_CURVE_POINTS);
  const n = counts.positives + counts.negatives;
  return {
    label,
    averagePrecision: averagePrecision(counts),
    prevalence: n === 0 ? Number.NaN : counts.positives / n,
    points: pr.precision.length,
    precision: shown.map((i) => pr.precision[i]),
    recall: shown.map((i) => pr.recall[i]),
    thresholds: shown.map((i) => (i < pr.thresholds.length ? pr.thresholds[i] : null)),
  };
}
