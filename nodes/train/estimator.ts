// The contract between the train node and each learning algorithm. Preprocessing turns a table
// into a dense matrix first (nodes/train/preprocess*), so estimators see numbers only.
import type { LogLevel, MlRuntime } from '../../engine/node-definition';
import type { OnnxGraph } from '../onnx/onnx-graph';
import type { JsonObject } from '../values';

/** A dense, row-major matrix: value (r, c) is data[r * cols + c]. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export type FitTarget =
  /** y holds class indices 0..classes-1; sampleWeight is set when class weighting is on. */
  | { kind: 'classification'; classes: number; y: Int32Array; sampleWeight?: Float64Array }
  | { kind: 'regression'; y: Float64Array };

export interface FitContext {
  signal: AbortSignal;
  seed: number;
  ml: MlRuntime;
  log(level: LogLevel, message: string): void;
  /** Per-epoch (or per-iteration) progress; `data` carries e.g. { epoch, loss, valLoss }. */
  progress(fraction: number, message?: string, data?: Record<string, unknown>): void;
  reportBackend(backend: string, note?: string): void;
  /** A held-out split for early stopping, already preprocessed, when the pipeline has one. */
  validation?: { X: Matrix; target: FitTarget };
}

export interface Estimator<P> {
  /** Stored as ModelArtifact.format; predict() is looked up by it. */
  format: string;
  fit(X: Matrix, target: FitTarget, params: P, ctx: FitContext): Promise<{ payload: JsonObject; training: JsonObject }>;
  /**
   * Classification: rows × classes probabilities, row-major (binary gives two columns).
   * Regression: rows × 1 predicted values.
   */
  predict(payload: JsonObject, X: Matrix, ml: MlRuntime): Promise<Float64Array>;
  /**
   * Adds predict() to an ONNX graph (nodes/onnx): `features` names the preprocessed double
   * [N, cols] matrix; returns the name of a double [N, classes or 1] tensor of what predict returns.
   */
  toOnnx(payload: JsonObject, graph: OnnxGraph, features: string): string;
}
