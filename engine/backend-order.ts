// Which TF.js backend a browser trains on: the fastest one it measured, not the first that
// starts. The same order is what the browser offers placement (its first speed is the one
// compared with the server's), so where a step is placed and what it then trains on agree.
import { estimateSeconds, formatSeconds, mlpWeights, type BackendSpeed, type TrainingWork } from './training-speed';

/**
 * The training the order is decided for: the bench MLP (20 inputs → 64 → 32 → 1), 200 steps of
 * 512 rows. A step's own size is not known where the order is set (the run's start), and for
 * this size the fixed cost per step, the arithmetic and the backend's start all count.
 */
export const REFERENCE_WORK: TrainingWork = { steps: 200, batch: 512, weights: mlpWeights(20, [64, 32], 1) };

export interface MeasuredBackends {
  speeds: readonly BackendSpeed[];
  failed: readonly { backend: string; reason: string }[];
}

export interface BackendOrder {
  /** Backends to try, in order: measured ones fastest first, then unmeasured, then those the probe saw fail. */
  backends: string[];
  /** The measured speeds of `backends`, in that order. */
  speeds: BackendSpeed[];
  /** Why this order, for the step log; absent when nothing was measured. */
  note?: string;
}

export function fastestFirst(backends: readonly string[], measured: MeasuredBackends | undefined): BackendOrder {
  const offered = new Set(backends);
  const seconds = new Map<string, number>();
  const speeds: BackendSpeed[] = [];
  for (const speed of measured?.speeds ?? []) {
    if (!offered.has(speed.backend) || seconds.has(speed.backend)) continue;
    seconds.set(speed.backend, estimateSeconds(speed, REFERENCE_WORK));
    speeds.push(speed);
  }
  // Equal estimates keep the runner's own order.
  speeds.sort((a, b) => seconds.get(a.backend)! - seconds.get(b.backend)! || backends.indexOf(a.backend) - backends.indexOf(b.backend));
  const failed = new Set((measured?.failed ?? []).map((f) => f.backend));
  const rest = backends.filter((b) => !seconds.has(b));
  const order = [...speeds.map((s) => s.backend), ...rest.filter((b) => !failed.has(b)), ...rest.filter((b) => failed.has(b))];
  if (speeds.length === 0) return { backends: order, speeds };
  const timed = speeds.map((s) => `${s.backend} ${formatSeconds(seconds.get(s.backend)!)}`).join(', ');
  const note = `fastest measured in this browser first (${timed} for the reference MLP training)`;
  return { backends: order, speeds, note };
}
