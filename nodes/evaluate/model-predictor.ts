// The one place evaluation reaches for model prediction: the stored preprocessing, then the
// estimator named by the model's format (nodes/models/predict.ts).
import type { MlRuntime } from '../../engine/node-definition';
import type { ModelArtifact } from '../models/model-artifact';
import { predictTable } from '../models/predict';
import type { Predictor } from './predictor';

export function modelPredictor(model: ModelArtifact, ml: MlRuntime): Predictor {
  return (table) => predictTable(model, table, ml);
}
