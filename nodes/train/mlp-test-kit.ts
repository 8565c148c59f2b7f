// Shared by the MLP tests: the wasm runtime of this checkout and small seeded datasets.
import { mulberry32 } from '../split/prng';
import type { MlRuntime } from '../../engine/node-definition';
import type { FitContext, FitTarget, Matrix } from './estimator';

export const TEST_ML: MlRuntime = {
  backends: ['wasm', 'cpu'],
  wasmPath: 'node_modules/@tensorflow/tfjs-backend-wasm/dist/',
};

/** Points in [-1, 1]²; class 1 inside the circle of radius 0.7 (not linearly separable). */
export function circleData(rows: number, seed: number): { X: Matrix; target: FitTarget & { kind: 'classification' } } {
  const prng = mulberry32(seed);
  const data = new Float64Array(rows * 2);
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const a = 2 * prng.next() - 1;
    const b = 2 * prng.next() - 1;
    data[2 * i] = a;
    data[2 * i + 1] = b;
    y[i] = a * a + b * b < 0.49 ? 1 : 0;
  }
  return { X: { rows, cols: 2, data }, target: { kind: 'classification', classes: 2, y } };
}

/** Three classes by the angle of the point. */
export function sectorData(rows: number, seed: number): { X: Matrix; target: FitTarget & { kind: 'classification' } } {
  const { X } = circleData(rows, seed);
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const angle = Math.atan2(X.data[2 * i + 1], X.data[2 * i]) + Math.PI;
    y[i] = Math.min(2, Math.floor((angle / (2 * Math.PI)) * 3));
  }
  return { X, target: { kind: 'classification', classes: 3, y } };
}

/** y = 50 + 20·sin(2a) + 10·b² in big units, to check the target is scaled and unscaled. */
export function waveData(rows: number, seed: number): { X: Matrix; target: FitTarget & { kind: 'regression' } } {
  const { X } = circleData(rows, seed);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) y[i] = 50 + 20 * Math.sin(2 * X.data[2 * i]) + 10 * X.data[2 * i + 1] ** 2;
  return { X, target: { kind: 'regression', y } };
}

export interface Recorded {
  ctx: FitContext;
  progress: { fraction: number; message?: string; data?: Record<string, unknown> }[];
  backends: { name: string; note?: string }[];
  logs: string[];
}

export function recordingContext(overrides: Partial<FitContext> = {}): Recorded {
  const progress: Recorded['progress'] = [];
  const backends: Recorded['backends'] = [];
  const logs: string[] = [];
  const ctx: FitContext = {
    signal: new AbortController().signal,
    seed: 7,
    ml: TEST_ML,
    log: (level, message) => logs.push(`${level}: ${message}`),
    progress: (fraction, message, data) => progress.push({ fraction, message, data }),
    reportBackend: (name, note) => backends.push({ name, note }),
    ...overrides,
  };
  return { ctx, progress, backends, logs };
}
