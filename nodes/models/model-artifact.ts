// What a `model` port carries: everything serving needs to turn raw rows, exactly as ingested,
// into predictions. Learned preprocessing is fitted on the training split only and travels here.
import type { ColumnInfo, JsonObject } from '../values';

export const MODEL_TASKS = ['binary', 'multiclass', 'regression'] as const;
export type ModelTask = (typeof MODEL_TASKS)[number];

export interface ModelArtifact {
  /** Which estimator's `predict` reads `payload`, e.g. 'pipeworks/logistic', 'pipeworks/forest', 'tfjs/mlp', 'onnx'. */
  format: string;
  task: ModelTask;
  target: string;
  /** Raw input columns the model reads, as ingested (before preprocessing). */
  inputs: ColumnInfo[];
  /** The fitted preprocessing (imputation, scaling, encoding); see nodes/train/preprocess. */
  preprocessing: JsonObject;
  /** Class labels in the order of the model's outputs; empty for regression. */
  labels: string[];
  /** Estimator-specific fitted parameters (weights, trees, a TF.js topology with base64 weights). */
  payload: JsonObject;
  /** How it was trained: algorithm, params, rows, backend, per-epoch losses. Not used to predict. */
  training: JsonObject;
}

export interface ModelValue {
  kind: 'model';
  model: ModelArtifact;
}
