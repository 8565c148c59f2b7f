// What a drift check reports per feature and for the whole window.

export interface FeatureDriftBase {
  name: string;
  /** Current rows, missing included. */
  rows: number;
  missingRate: number;
  referenceMissingRate: number;
  /** Cells of the wrong type for the feature (counted as missing too). */
  invalid: number;
  psi: number | null;
  drifted: boolean;
  /** Which thresholds were crossed, in words, e.g. "PSI 0.31 > 0.2". */
  reasons: string[];
}

export interface NumericDrift extends FeatureDriftBase {
  kind: 'numeric';
  ks: { statistic: number; pValue: number; method: 'exact' | 'asymp' } | null;
  wasserstein: number | null;
  /** False when the reference sample is grouped: KS within 1/cap and Wasserstein within range/cap of exact. */
  referenceExact: boolean;
  /** PSI bins: interior edges, then reference and current counts per bin (for histograms). */
  histogram: { edges: number[]; reference: number[]; current: number[] };
}

export interface CategoricalDrift extends FeatureDriftBase {
  kind: 'categorical';
  chiSquare: { statistic: number; pValue: number; dof: number } | null;
  /** Share of current non-missing values in categories the reference never saw, and the first few. */
  unseenShare: number;
  unseen: { value: string; count: number }[];
  /** Categories with reference and current counts (for histograms), reference order then unseen. */
  histogram: { categories: string[]; reference: number[]; current: number[] };
}

export type FeatureDrift = NumericDrift | CategoricalDrift;

export interface DriftReport {
  rows: number;
  features: FeatureDrift[];
  /** The model's outputs against the training target; null when either is unknown. */
  prediction: FeatureDrift | null;
  drifted: boolean;
  driftedFeatures: string[];
}
