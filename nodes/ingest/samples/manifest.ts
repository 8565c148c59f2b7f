// The sample datasets bundled with the app. sha256 is over the exact file bytes and is the
// ingest cache key, so a changed file is a new dataset. generate.py documents how they were made.
export type SampleTask = 'binary' | 'multiclass' | 'regression';

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
  task: SampleTask;
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
    license:
      'Public domain (U.S. government work, NOAA); as packaged in vega-datasets, whose code is BSD-3-Clause',
    source:
      'NOAA National Climatic Data Center, Global Historical Climatology Network (GHCN-Daily) observations for ' +
      'Seattle; taken unchanged from the npm package vega-datasets 3.2.1 (data/seattle-weather.csv), converted by ' +
      'its scripts/weather.py: precipitation in mm, temperatures in °C, average wind in m/s, and a "weather" label ' +
      '(drizzle, rain, sun, snow, fog) that script derives from the GHCN weather-type flags',
  },
] as const satisfies readonly SampleDataset[];

export type SampleName = (typeof SAMPLE_DATASETS)[number]['name'];

export const SAMPLE_NAMES = SAMPLE_DATASETS.map((d) => d.name) as [SampleName, ...SampleName[]];

export function sampleDataset(name: SampleName): SampleDataset {
  return SAMPLE_DATASETS.find((d) => d.name === name)!;
}
