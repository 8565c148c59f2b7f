// How long a TF.js training would take on one backend, from a short measured probe: pure
// arithmetic, so placement can compare a browser with the server without running anything.
//
// A step costs a fixed part (kernel dispatches, uploads, read-backs: what dominates a small
// network on a GPU) plus a part that grows with batch × weights (the arithmetic). The probe
// (nodes/train/mlp-speed-probe.ts) times steps at two batch sizes to tell the two apart.

/** The TF.js backends a browser runner tries, in its order (the server runs wasm, then cpu). */
export const BROWSER_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type TfBackend = (typeof BROWSER_BACKENDS)[number];

export function isTfBackend(name: string): name is TfBackend {
  return (BROWSER_BACKENDS as readonly string[]).includes(name);
}

/** One backend's measured training speed. */
export interface BackendSpeed {
  /** The TF.js backend measured. */
  backend: TfBackend;
  /** Fixed cost of one gradient step, in milliseconds. */
  stepMs: number;
  /** Cost of one row through one weight (forward and backward), in nanoseconds. */
  macNs: number;
  /** Paid once before the first step (backend start, shader compilation, kernel self-check), in milliseconds. */
  setupMs: number;
}

/** What a training does, as far as placement can tell before it runs. Upper bounds where the data size is. */
export interface TrainingWork {
  /** Gradient steps: epochs × batches per epoch. */
  steps: number;
  /** Rows per step. */
  batch: number;
  /** Weights and biases of the network. */
  weights: number;
}

/** The rows and columns of a table, known before anything runs. */
export interface DataShape {
  rows: number;
  columns: number;
}

/** A timed probe run: `steps` gradient steps of `batch` rows through `weights` weights took `ms`. */
export interface SpeedSample {
  batch: number;
  weights: number;
  steps: number;
  ms: number;
}

/** Expected wall time of `work` at `speed`, in seconds. */
export function estimateSeconds(speed: BackendSpeed, work: TrainingWork): number {
  const perStepMs = speed.stepMs + (work.batch * work.weights * speed.macNs) / 1e6;
  return (speed.setupMs + work.steps * perStepMs) / 1000;
}

/**
 * The line through two or more samples' per-step times against batch × weights (least squares).
 * A negative slope or intercept is noise around zero, so each is clamped at zero and the other
 * refitted, which keeps every sample's time explained by non-negative costs.
 */
export function fitSpeed(backend: TfBackend, setupMs: number, samples: readonly SpeedSample[]): BackendSpeed {
  if (samples.length === 0) throw new Error('fitSpeed: no samples');
  const points = samples.map((s) => ({ x: s.batch * s.weights, y: s.ms / s.steps }));
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  let slope = sxx > 0 ? sxy / sxx : 0;
  let intercept = my - slope * mx;
  if (slope < 0) {
    slope = 0;
    intercept = my;
  } else if (intercept < 0) {
    intercept = 0;
    slope = points.reduce((a, p) => a + p.x * p.y, 0) / points.reduce((a, p) => a + p.x * p.x, 0);
  }
  return { backend, stepMs: intercept, macNs: slope * 1e6, setupMs: Math.max(0, setupMs) };
}

/** Of two measurements of one backend, the one that trains the bench MLP's step (batch 512) faster. */
export function quicker(a: BackendSpeed, b: BackendSpeed): BackendSpeed {
  const step = (s: BackendSpeed) => estimateSeconds({ ...s, setupMs: 0 }, { steps: 1, batch: 512, weights: mlpWeights(20, [64, 32], 1) });
  return step(b) < step(a) ? b : a;
}

/** Weights and biases of a dense network: inputs → hidden… → outputs. */
export function mlpWeights(inputs: number, hidden: readonly number[], outputs: number): number {
  let total = 0;
  let fanIn = inputs;
  for (const units of [...hidden, outputs]) {
    total += (fanIn + 1) * units;
    fanIn = units;
  }
  return total;
}

/** "0.84 s", "12 s", "3.1 min": an estimate, so two significant figures at most. */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds < 0.1 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  const minutes = seconds / 60;
  return minutes < 120 ? `${minutes < 10 ? minutes.toFixed(1) : Math.round(minutes)} min` : `${(minutes / 60).toFixed(1)} h`;
}
