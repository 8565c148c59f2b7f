// The learned-preprocessing choices every train node offers, as one zod shape spread into its params.
import { z } from 'zod';

export const NUMERIC_IMPUTE = ['mean', 'median', 'constant'] as const;
export const SCALERS = ['standard', 'minmax', 'none'] as const;
export const CATEGORICAL_IMPUTE = ['mode', 'constant'] as const;
export const ENCODINGS = ['one_hot', 'ordinal'] as const;
export const DATETIME_HANDLING = ['epoch_days', 'drop'] as const;

export interface PreprocessOptions {
  numericImpute: (typeof NUMERIC_IMPUTE)[number];
  numericFill: number;
  scale: (typeof SCALERS)[number];
  categoricalImpute: (typeof CATEGORICAL_IMPUTE)[number];
  categoricalFill: string;
  encoding: (typeof ENCODINGS)[number];
  maxCategories: number;
  datetime: (typeof DATETIME_HANDLING)[number];
}

export const DEFAULT_PREPROCESS: PreprocessOptions = {
  numericImpute: 'mean',
  numericFill: 0,
  scale: 'standard',
  categoricalImpute: 'mode',
  categoricalFill: '__missing__',
  encoding: 'one_hot',
  maxCategories: 50,
  datetime: 'epoch_days',
};

/** The zod shape; `defaults` lets an estimator change a default (a forest needs no scaling). */
export function preprocessShape(defaults: Partial<PreprocessOptions> = {}) {
  const d = { ...DEFAULT_PREPROCESS, ...defaults };
  return {
    numericImpute: z
      .enum(NUMERIC_IMPUTE)
      .default(d.numericImpute)
      .describe('Fill missing numbers with the training mean, median, or the constant below'),
    numericFill: z.number().finite().default(d.numericFill).describe('The constant for missing numbers'),
    scale: z
      .enum(SCALERS)
      .default(d.scale)
      .describe('Scale numeric features with training statistics: standard (z-score), minmax (0–1) or none'),
    categoricalImpute: z
      .enum(CATEGORICAL_IMPUTE)
      .default(d.categoricalImpute)
      .describe('Fill missing categories with the most frequent training value, or the constant below'),
    categoricalFill: z.string().max(200).default(d.categoricalFill).describe('The constant for missing categories'),
    encoding: z
      .enum(ENCODINGS)
      .default(d.encoding)
      .describe(
        'one_hot: a 0/1 column per category plus "__unseen__" for values not seen in training; ' +
          'ordinal: one column of codes 0..k-1 in sorted order, -1 for unseen values',
      ),
    maxCategories: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(d.maxCategories)
      .describe('Keep at most this many categories per column (the most frequent); the rest count as unseen'),
    datetime: z
      .enum(DATETIME_HANDLING)
      .default(d.datetime)
      .describe('Datetime features: epoch_days (days since 1970-01-01 UTC, then imputed and scaled like numbers) or drop'),
  };
}

export function pickPreprocessOptions(params: PreprocessOptions): PreprocessOptions {
  const { numericImpute, numericFill, scale, categoricalImpute, categoricalFill, encoding, maxCategories, datetime } =
    params;
  return { numericImpute, numericFill, scale, categoricalImpute, categoricalFill, encoding, maxCategories, datetime };
}
