// What a model version stores about its training data so drift checks never re-read it: per
// feature a compact exact (or bounded) distribution, category counts and the missing rate.

/** Numeric and datetime columns; datetimes as epoch milliseconds. */
export interface NumericReference {
  name: string;
  kind: 'numeric';
  /** Rows of the training table, missing included. */
  rows: number;
  /** Rows with no value (null, NaN, ±Infinity). */
  missing: number;
  /**
   * Distinct values ascending with their counts (sum = rows − missing). Exact when the column has
   * at most REFERENCE_SAMPLE_CAP distinct values; otherwise grouped into at most that many groups,
   * each at its largest value (`exact` false), which moves any ECDF by less than 1/cap.
   */
  values: number[];
  counts: number[];
  exact: boolean;
  /** PSI's interior edges (the training column's deciles, ties merged) and training counts per bin. */
  psiEdges: number[];
  psiCounts: number[];
}

export interface CategoricalReference {
  name: string;
  kind: 'categorical';
  rows: number;
  missing: number;
  /** The most frequent categories (up to REFERENCE_CATEGORY_CAP), most frequent first. */
  categories: { value: string; count: number }[];
  /** Rows whose category did not fit under the cap. */
  otherCount: number;
}

export type FeatureReference = NumericReference | CategoricalReference;

export interface ReferenceProfile {
  schemaVersion: 1;
  rows: number;
  features: FeatureReference[];
  /** The training target: the reference for prediction drift (see docs/monitoring.md). */
  target: FeatureReference | null;
}

export const REFERENCE_SAMPLE_CAP = 10_000;
export const REFERENCE_CATEGORY_CAP = 1_000;
