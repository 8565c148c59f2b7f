// The estimators a hyperparameter search can tune, by format, with their own params and tasks.
// Add a line here when an estimator lands (the same one predict.ts lists by format).
import type { z } from 'zod';
import type { Estimator } from './estimator';
import { forestEstimator, forestParamsShape } from './forest-estimator';
import { linearEstimator, linearParamsShape } from './linear-estimator';
import { logisticEstimator, logisticParamsShape } from './logistic-estimator';
import { mlpEstimator } from './mlp-estimator';
import { mlpShape } from './mlp-params';
import type { TaskFamily } from './target-encoding';

export interface Searchable {
  estimator: Estimator<any>;
  /** The estimator's own params: the names a search space may use, and their validation. */
  shape: z.ZodRawShape;
  tasks: readonly TaskFamily[];
}

export const SEARCHABLE = {
  'tfjs/mlp': { estimator: mlpEstimator, shape: mlpShape, tasks: ['classification', 'regression'] },
  'pipeworks/logistic': { estimator: logisticEstimator, shape: logisticParamsShape, tasks: ['classification'] },
  'pipeworks/linear': { estimator: linearEstimator, shape: linearParamsShape, tasks: ['regression'] },
  'pipeworks/forest': { estimator: forestEstimator, shape: forestParamsShape, tasks: ['classification', 'regression'] },
} satisfies Record<string, Searchable>;

export type SearchAlgorithm = keyof typeof SEARCHABLE;
export const SEARCH_ALGORITHMS = Object.keys(SEARCHABLE) as [SearchAlgorithm, ...SearchAlgorithm[]];
