// A drift report as monitor_figures rows (one per statistic, with the threshold's verdict) and as
// the check's `detail`: the histograms the monitoring page draws for that window.
import type { DriftReport, FeatureDrift } from '../../nodes/monitor/drift/drift-result';
import { thresholdsFor, type DriftSettings, type DriftThresholds } from '../../nodes/monitor/drift/drift-thresholds';

/** The feature name the prediction's own figures are stored under. */
export const PREDICTION_FEATURE = '__prediction__';

export interface Figure {
  feature: string;
  metric: string;
  value: number;
  flagged: boolean;
}

export type HistogramDetail =
  | { kind: 'numeric'; edges: number[]; reference: number[]; current: number[] }
  | { kind: 'categorical'; categories: string[]; reference: number[]; current: number[] };

export type CheckDetail = {
  features: Record<string, HistogramDetail>;
  prediction?: HistogramDetail;
  /** Why a part of the check is missing (prediction drift, decay, serving memory), in words. */
  notes?: string[];
};

const above = (value: number, limit: number | null) => limit !== null && value > limit;
const below = (value: number, limit: number | null) => limit !== null && value < limit;

function featureFigures(f: FeatureDrift, feature: string, t: DriftThresholds): Figure[] {
  const out: Figure[] = [];
  const add = (metric: string, value: number | null | undefined, flagged: boolean) => {
    if (value !== null && value !== undefined && Number.isFinite(value)) out.push({ feature, metric, value, flagged });
  };
  add('missing_rate', f.missingRate, above(f.missingRate - f.referenceMissingRate, t.missingRateIncrease));
  if (f.psi !== null) add('psi', f.psi, above(f.psi, t.psi));
  if (f.kind === 'numeric') {
    if (f.ks) {
      add('ks', f.ks.statistic, above(f.ks.statistic, t.ksStatistic));
      add('ks_p_value', f.ks.pValue, below(f.ks.pValue, t.ksPValue));
    }
    if (f.wasserstein !== null) add('wasserstein', f.wasserstein, above(f.wasserstein, t.wasserstein));
  } else {
    if (f.chiSquare) {
      add('chi2', f.chiSquare.statistic, false);
      add('chi2_p_value', f.chiSquare.pValue, below(f.chiSquare.pValue, t.chiSquarePValue));
    }
    add('unseen_rate', f.unseenShare, above(f.unseenShare, t.unseenShare));
  }
  return out;
}

function histogram(f: FeatureDrift): HistogramDetail {
  return f.kind === 'numeric'
    ? { kind: 'numeric', edges: f.histogram.edges, reference: f.histogram.reference, current: f.histogram.current }
    : { kind: 'categorical', categories: f.histogram.categories, reference: f.histogram.reference, current: f.histogram.current };
}

export function driftFigures(report: DriftReport, settings: DriftSettings): { figures: Figure[]; detail: CheckDetail } {
  const figures: Figure[] = [];
  const features: Record<string, HistogramDetail> = {};
  for (const f of report.features) {
    figures.push(...featureFigures(f, f.name, thresholdsFor(settings, f.name)));
    features[f.name] = histogram(f);
  }
  const detail: CheckDetail = { features };
  if (report.prediction) {
    figures.push(...featureFigures(report.prediction, PREDICTION_FEATURE, thresholdsFor(settings, report.prediction.name)));
    detail.prediction = histogram(report.prediction);
  }
  return { figures, detail };
}
