// The sample datasets bundled with the app. sha256 is over the exact file bytes and is the
// ingest cache key, so a changed file is a new dataset. generate.py (public data) and
// generate_synthetic.py (Pipeworks' own synthetic data) document how they were made.
//
// ADDING A SAMPLE: besides the file and the fields below, give it a `schema`: every column of the CSV in
// header order with the type the CSV reader infers for it, e.g.
//   schema: [
//     { name: 'sepal_length_cm', type: 'numeric' },
//     { name: 'species', type: 'categorical' },
//   ],
// type is one of nodes/values.ts COLUMN_TYPES ('numeric' | 'categorical' | 'boolean' | 'datetime' | 'text').
// Roles are not listed, except `role: 'id'` where the reader sees an identifier: `target` (and `time`) set them, as the node does when it runs. The schema is what
// the inspector's column pickers offer before anything runs; manifest.test.ts parses each file and fails
// if the schema differs (its message prints the schema to paste).
import type { ColumnType } from '../../values';

export type SampleTask = 'binary' | 'multiclass' | 'regression';

/** One column of a sample as the CSV reader types it; its role follows from `target` and `time`. */
export interface SampleColumn {
  name: string;
  type: ColumnType;
  /** Set where the reader itself gives the column role id (table/id-like.ts: an identifier). */
  role?: 'id';
}

export interface SampleDataset {
  name: string;
  title: string;
  /** File name inside nodes/ingest/samples/. */
  file: string;
  sha256: string;
  rows: number;
  /** All columns, the target included. */
  columns: number;
  target: string;
  /** A datetime column that orders the rows (role 'time'), for time-ordered splits and forecasting. */
  time?: string;
  /**
   * For several series over the same times (one per store, say): the column naming the series.
   * Rows ascend by time and each (time, series) pair occurs once; without it, times are unique.
   */
  series?: string;
  task: SampleTask;
  /** Every column in header order, so its schema is known without parsing (pinned by manifest.test.ts). */
  schema: readonly SampleColumn[];
  license: string;
  source: string;
}

export const SAMPLE_DATASETS = [
  {
    name: 'breast-cancer',
    title: 'Breast cancer (Wisconsin diagnostic)',
    file: 'breast-cancer.csv',
    sha256: '518936fa92ca3d8a78c420aee22030c4e519ffcba3be15dd23e83f2fc22e20e5',
    rows: 569,
    columns: 31,
    // scikit-learn codes target 0 as malignant (212 rows) and 1 as benign (357 rows); the CSV spells them out.
    target: 'diagnosis',
    task: 'binary',
    schema: [
      { name: 'mean_radius', type: 'numeric' },
      { name: 'mean_texture', type: 'numeric' },
      { name: 'mean_perimeter', type: 'numeric' },
      { name: 'mean_area', type: 'numeric' },
      { name: 'mean_smoothness', type: 'numeric' },
      { name: 'mean_compactness', type: 'numeric' },
      { name: 'mean_concavity', type: 'numeric' },
      { name: 'mean_concave_points', type: 'numeric' },
      { name: 'mean_symmetry', type: 'numeric' },
      { name: 'mean_fractal_dimension', type: 'numeric' },
      { name: 'radius_error', type: 'numeric' },
      { name: 'texture_error', type: 'numeric' },
      { name: 'perimeter_error', type: 'numeric' },
      { name: 'area_error', type: 'numeric' },
      { name: 'smoothness_error', type: 'numeric' },
      { name: 'compactness_error', type: 'numeric' },
      { name: 'concavity_error', type: 'numeric' },
      { name: 'concave_points_error', type: 'numeric' },
      { name: 'symmetry_error', type: 'numeric' },
      { name: 'fractal_dimension_error', type: 'numeric' },
      { name: 'worst_radius', type: 'numeric' },
      { name: 'worst_texture', type: 'numeric' },
      { name: 'worst_perimeter', type: 'numeric' },
      { name: 'worst_area', type: 'numeric' },
      { name: 'worst_smoothness', type: 'numeric' },
      { name: 'worst_compactness', type: 'numeric' },
      { name: 'worst_concavity', type: 'numeric' },
      { name: 'worst_concave_points', type: 'numeric' },
      { name: 'worst_symmetry', type: 'numeric' },
      { name: 'worst_fractal_dimension', type: 'numeric' },
      { name: 'diagnosis', type: 'categorical' },
    ],
    license: 'CC BY 4.0',
    source:
      'Wolberg, Street, Mangasarian: Breast Cancer Wisconsin (Diagnostic), UCI Machine Learning Repository, ' +
      'https://doi.org/10.24432/C5DW2B; taken from scikit-learn 1.2.1 load_breast_cancer()',
  },
  {
    name: 'iris',
    title: 'Iris flowers',
    file: 'iris.csv',
    sha256: '27ae50b33722da23f76475e7fd89b5e0282574d3cce570f1ae2d8773d596278b',
    rows: 150,
    columns: 5,
    target: 'species',
    task: 'multiclass',
    schema: [
      { name: 'sepal_length_cm', type: 'numeric' },
      { name: 'sepal_width_cm', type: 'numeric' },
      { name: 'petal_length_cm', type: 'numeric' },
      { name: 'petal_width_cm', type: 'numeric' },
      { name: 'species', type: 'categorical' },
    ],
    license: 'CC BY 4.0',
    source:
      'Fisher (1936): Iris, UCI Machine Learning Repository, https://doi.org/10.24432/C56C76; ' +
      'taken from scikit-learn 1.2.1 load_iris()',
  },
  {
    name: 'diabetes',
    title: 'Diabetes progression',
    file: 'diabetes.csv',
    sha256: '2d9516499b8b56e76cf361824b4608b0bef572b03e561ba3410ca4b4ce37b5d4',
    rows: 442,
    columns: 11,
    target: 'progression',
    task: 'regression',
    schema: [
      { name: 'age', type: 'numeric' },
      { name: 'sex', type: 'numeric' },
      { name: 'bmi', type: 'numeric' },
      { name: 'bp', type: 'numeric' },
      { name: 's1', type: 'numeric' },
      { name: 's2', type: 'numeric' },
      { name: 's3', type: 'numeric' },
      { name: 's4', type: 'numeric' },
      { name: 's5', type: 'numeric' },
      { name: 's6', type: 'numeric' },
      { name: 'progression', type: 'numeric' },
    ],
    license:
      'No separate data licence is stated; redistributed as part of scikit-learn, which is BSD-3-Clause',
    source:
      'Efron, Hastie, Johnstone, Tibshirani (2004), "Least Angle Regression", Annals of Statistics 32(2); ' +
      'taken from scikit-learn 1.2.1 load_diabetes(scaled=False) (original units; s1–s6 are blood serum measurements)',
  },
  {
    name: 'seattle-weather',
    title: 'Seattle weather (daily, 2012–2015)',
    file: 'seattle-weather.csv',
    sha256: '0845078a290b48e3149ab8639966824110a251db4e06fc144c06ebb534af23be',
    rows: 1461,
    columns: 6,
    // A daily series with no gaps: forecast the day's maximum temperature (°C); time-ordered splits use `date`.
    target: 'temp_max',
    time: 'date',
    task: 'regression',
    schema: [
      { name: 'date', type: 'datetime' },
      { name: 'precipitation', type: 'numeric' },
      { name: 'temp_max', type: 'numeric' },
      { name: 'temp_min', type: 'numeric' },
      { name: 'wind', type: 'numeric' },
      { name: 'weather', type: 'categorical' },
    ],
    license:
      'Public domain (U.S. government work, NOAA); as packaged in vega-datasets, whose code is BSD-3-Clause',
    source:
      'NOAA National Climatic Data Center, Global Historical Climatology Network (GHCN-Daily) observations for ' +
      'Seattle; taken unchanged from the npm package vega-datasets 3.2.1 (data/seattle-weather.csv), converted by ' +
      'its scripts/weather.py: precipitation in mm, temperatures in °C, average wind in m/s, and a "weather" label ' +
      '(drizzle, rain, sun, snow, fog) that script derives from the GHCN weather-type flags',
  },
  {
    name: 'customer-churn',
    title: 'Customer churn (synthetic telco)',
    file: 'customer-churn.csv',
    sha256: '5b975b000f7769fe9d07aeeee9a04dae307369c4156707af11fb88725f6337fc',
    rows: 4000,
    columns: 12,
    // 26% churned; churned is empty for 1% (outcome pending) and payment_method for 1.5%, so a clean step matters.
    target: 'churned',
    task: 'binary',
    schema: [
      { name: 'customer_id', type: 'text', role: 'id' },
      { name: 'senior_citizen', type: 'categorical' },
      { name: 'partner', type: 'categorical' },
      { name: 'tenure_months', type: 'numeric' },
      { name: 'contract', type: 'categorical' },
      { name: 'internet_service', type: 'categorical' },
      { name: 'monthly_charges', type: 'numeric' },
      { name: 'total_charges', type: 'numeric' },
      { name: 'payment_method', type: 'categorical' },
      { name: 'paperless_billing', type: 'categorical' },
      { name: 'support_calls', type: 'numeric' },
      { name: 'churned', type: 'categorical' },
    ],
    license: 'CC0 1.0 (generated by Pipeworks; no third-party data)',
    source: 'Generated by Pipeworks from a logistic churn model, seed 20260104 (generate_synthetic.py, customer_churn)',
  },
  {
    name: 'house-prices',
    title: 'House prices (synthetic city)',
    file: 'house-prices.csv',
    sha256: 'ddf2e478ea20279dcfcdc6fd460f62228b8fa9b811499ed83d9c7f50a8af85f5',
    rows: 3000,
    columns: 10,
    // Sale price in euros; energy_rating is empty for 3% and age_years for 1%.
    target: 'price',
    task: 'regression',
    schema: [
      { name: 'neighbourhood', type: 'categorical' },
      { name: 'property_type', type: 'categorical' },
      { name: 'area_m2', type: 'numeric' },
      { name: 'rooms', type: 'numeric' },
      { name: 'bathrooms', type: 'numeric' },
      { name: 'age_years', type: 'numeric' },
      { name: 'distance_to_centre_km', type: 'numeric' },
      { name: 'garage', type: 'categorical' },
      { name: 'energy_rating', type: 'categorical' },
      { name: 'price', type: 'numeric' },
    ],
    license: 'CC0 1.0 (generated by Pipeworks; no third-party data)',
    source: 'Generated by Pipeworks from a log-linear price model, seed 20260107 (generate_synthetic.py, house_prices)',
  },
  {
    name: 'store-demand',
    title: 'Store demand (synthetic, daily 2023–2024)',
    file: 'store-demand.csv',
    sha256: '9f61ddee7427a71b1e5cdc05514de2bc795f4f45406644b6af3c0803727bf2c5',
    rows: 3655,
    columns: 8,
    // Five stores × 731 days: forecast units_sold; a time split on `date` keeps each day's stores together.
    target: 'units_sold',
    time: 'date',
    series: 'store',
    task: 'regression',
    schema: [
      { name: 'date', type: 'datetime' },
      { name: 'store', type: 'categorical' },
      { name: 'day_of_week', type: 'categorical' },
      { name: 'month', type: 'categorical' },
      { name: 'holiday', type: 'boolean' },
      { name: 'promo', type: 'boolean' },
      { name: 'temperature_c', type: 'numeric' },
      { name: 'units_sold', type: 'numeric' },
    ],
    license: 'CC0 1.0 (generated by Pipeworks; no third-party data)',
    source:
      'Generated by Pipeworks from a multiplicative demand model (trend, weekly and yearly seasonality, ' +
      'temperature, holidays, promotions), seed 20260110 (generate_synthetic.py, store_demand)',
  },
] as const satisfies readonly SampleDataset[];

export type SampleName = (typeof SAMPLE_DATASETS)[number]['name'];

export const SAMPLE_NAMES = SAMPLE_DATASETS.map((d) => d.name) as [SampleName, ...SampleName[]];

export function sampleDataset(name: SampleName): SampleDataset {
  return SAMPLE_DATASETS.find((d) => d.name === name)!;
}
