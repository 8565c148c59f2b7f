// Scores a raw table with a trained model: the stored preprocessing first, then the estimator
// named by model.format. Serving and the evaluate nodes both come through here.
import { UserError } from '../../engine/errors';
import type { MlRuntime } from '../../engine/node-definition';
import type { Estimator } from '../train/estimator';
import { forestEstimator } from '../train/forest-estimator';
import { linearEstimator } from '../train/linear-estimator';
import { logisticEstimator } from '../train/logistic-estimator';
import { mlpEstimator } from '../train/mlp-estimator';
import { transform } from '../train/preprocess';
import { parsePreprocessing } from '../train/preprocess-state';
import type { TableValue } from '../values';
import type { ModelArtifact, ModelTask } from './model-artifact';

export interface Predictions {
  task: ModelTask;
  /** Class labels in column order; empty for regression. */
  labels: string[];
  /** Classification: rows × labels.length probabilities, row-major. Regression: rows × 1 values. */
  scores: Float64Array;
}

/** Every estimator that can predict, by format. Add a line here for a new estimator. */
const ESTIMATORS: readonly Estimator<never>[] = [logisticEstimator, linearEstimator, forestEstimator, mlpEstimator];

export function estimatorFor(format: string): Estimator<never> {
  const estimator = ESTIMATORS.find((e) => e.format === format);
  if (!estimator) {
    throw new UserError(
      `Models of format "${format}" cannot be scored here; known formats: ${ESTIMATORS.map((e) => e.format).join(', ')}`,
    );
  }
  return estimator;
}

export async function predictTable(model: ModelArtifact, table: TableValue, ml: MlRuntime): Promise<Predictions> {
  const estimator = estimatorFor(model.format);
  const X = transform(parsePreprocessing(model.preprocessing), table.table);
  const scores = await estimator.predict(model.payload, X, ml);
  const width = model.task === 'regression' ? 1 : model.labels.length;
  if (scores.length !== X.rows * width) {
    throw new Error(`${model.format} returned ${scores.length} scores for ${X.rows} rows × ${width}`);
  }
  return { task: model.task, labels: [...model.labels], scores };
}
