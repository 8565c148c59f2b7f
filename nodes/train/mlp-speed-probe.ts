// The training speed probe: a few steps of a small MLP (the bench MLP's 20-64-32-1 network)
// through the real training loop, at two batch sizes, on the active TF.js backend. Isomorphic:
// the browser runs it per backend in a Web Worker, the server on its wasm backend in a worker
// thread, so both sides are timed by the same code and placement compares like with like.
import { fitSpeed, isTfBackend, mlpWeights, type BackendSpeed, type SpeedSample } from '../../engine/training-speed';
import { mulberry32 } from '../split/prng';
import type { MlpSpec } from './mlp-layout';
import { trainMlp } from './mlp-train';
import type { MlpRows } from './mlp-rows';
import type { Tf } from './tf-backend';

/** Bumped when the probe changes, so speeds cached by browsers are measured again. */
export const SPEED_PROBE_VERSION = 1;

const SPEC: MlpSpec = { inputs: 20, hidden: [64, 32], activation: 'relu', outputs: 1, output: 'sigmoid' };
const WEIGHTS = mlpWeights(SPEC.inputs, SPEC.hidden, SPEC.outputs);
/** Small and bench-sized batches: the fixed cost per step shows in the first, the arithmetic in the second. */
const BATCHES = [64, 512] as const;
const STEPS = 4;
/** A timed pass is made at least this long (more epochs), so timer resolution does not decide. */
const MIN_TIMED_MS = 150;
const MAX_EPOCHS = 40;
const MIN_REPEATS = 2;
const MAX_REPEATS = 8;
const REPEAT_BUDGET_MS = 1500;
const WARM_MS = 1000;
const MAX_WARM_PASSES = 20;

export interface ProbeOptions {
  signal?: AbortSignal;
  now?: () => number;
}

/** Measures the active backend of `tf`. Throws when training fails there. */
export async function probeTrainingSpeed(tf: Tf, options: ProbeOptions = {}): Promise<BackendSpeed> {
  const now = options.now ?? (() => performance.now());
  const signal = options.signal ?? new AbortController().signal;
  const data = new Map(BATCHES.map((batch) => [batch, probeRows(batch * STEPS)]));
  // The first pass at each batch size pays for shader compilation (and, once per worker, the
  // WebGPU kernels' self-check) and warms the JavaScript: a real training pays that once too, so
  // it is kept as setup. Every size is warmed before any is timed.
  const first = new Map<number, number>();
  for (const batch of BATCHES) first.set(batch, await timed(tf, data.get(batch)!, batch, 1, signal, now));
  // WebAssembly and JavaScript reach their optimised tiers only after a while of running.
  const warmStarted = now();
  for (let i = 0; i < MAX_WARM_PASSES && now() - warmStarted < WARM_MS; i++) await timed(tf, data.get(BATCHES[1])!, BATCHES[1], 1, signal, now);
  const samples: SpeedSample[] = [];
  let setupMs = 0;
  for (const batch of BATCHES) {
    const rows = data.get(batch)!;
    const once = await timed(tf, rows, batch, 1, signal, now);
    const epochs = Math.min(MAX_EPOCHS, Math.max(1, Math.ceil(MIN_TIMED_MS / Math.max(once, 1))));
    // The quickest of a few repeats: on a shared machine, other work only ever adds time. A fast
    // backend gets more repeats (within a budget), a slow one, whose noise matters less, fewer.
    let ms = Infinity;
    const started = now();
    for (let i = 0; i < MIN_REPEATS || (i < MAX_REPEATS && now() - started < REPEAT_BUDGET_MS); i++) {
      ms = Math.min(ms, await timed(tf, rows, batch, epochs, signal, now));
    }
    samples.push({ batch, weights: WEIGHTS, steps: STEPS * epochs, ms });
    setupMs += first.get(batch)! - (ms / (STEPS * epochs)) * STEPS;
  }
  const backend = tf.getBackend();
  if (!isTfBackend(backend)) throw new Error(`The speed probe ran on TF.js backend "${backend}", which placement does not know`);
  return fitSpeed(backend, setupMs, samples);
}

async function timed(tf: Tf, data: MlpRows, batchSize: number, epochs: number, signal: AbortSignal, now: () => number): Promise<number> {
  const opts = { dropout: 0, l2: 0, learningRate: 0.01, epochs, batchSize, patience: 1, minDelta: 0, earlyStopping: false, seed: 1 };
  const started = now();
  await trainMlp(tf, SPEC, data, undefined, opts, { signal, onEpoch: () => undefined });
  return now() - started;
}

/** Seeded random features and labels: the probe times arithmetic, not learning. */
function probeRows(rows: number): MlpRows {
  const prng = mulberry32(7);
  const x = Float32Array.from({ length: rows * SPEC.inputs }, () => prng.next() * 2 - 1);
  const y = Float32Array.from({ length: rows }, () => (prng.next() < 0.5 ? 0 : 1));
  return { rows, cols: SPEC.inputs, x, y, outputs: 1 };
}
