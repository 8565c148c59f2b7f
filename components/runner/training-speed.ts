'use client';
// This browser's measured training speed per TF.js backend, for placement 'auto'. Measured once
// in a Web Worker (speed-probe.worker.ts) and kept in localStorage per browser profile, keyed by
// the probe's version, the backend order and the WebGPU adapter, for a week: a driver or browser
// update is then measured again.
import type { BackendSpeed } from '../../engine/training-speed';
import { SPEED_PROBE_VERSION } from '../../nodes/train/mlp-speed-probe';
import { TFJS_WASM_PREFIX } from './browser-ml';
import type { FromSpeedProbe, ToSpeedProbe } from './speed-probe-protocol';

const STORAGE_KEY = 'pipeworks.training-speed';
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
/** SwiftShader's WebGPU takes a few seconds; past this the probe is abandoned and nothing is claimed. */
const PROBE_TIMEOUT_MS = 180_000;

export interface MeasuredSpeeds {
  /** The backends that trained, in the probe's order; the runner trains on the fastest (engine/backend-order.ts). */
  speeds: BackendSpeed[];
  /** Backends passed over, and why. */
  failed: { backend: string; reason: string }[];
  measuredAt: number;
}

interface Stored extends MeasuredSpeeds {
  version: number;
  backends: string[];
  adapter: string | null;
}

let pending: { key: string; speeds: Promise<MeasuredSpeeds>; done?: MeasuredSpeeds } | undefined;

/** The cached measurement for this backend order and adapter, else a fresh one (seconds). Never throws. */
export function trainingSpeeds(backends: readonly string[], adapter: string | undefined): Promise<MeasuredSpeeds> {
  const key = JSON.stringify([backends, adapter ?? null]);
  if (pending?.key === key) return pending.speeds;
  const stored = readStored(backends, adapter);
  const speeds = stored ? Promise.resolve(stored) : measure(backends).then((m) => (writeStored({ ...m, version: SPEED_PROBE_VERSION, backends: [...backends], adapter: adapter ?? null }), m));
  const entry: NonNullable<typeof pending> = { key, speeds, ...(stored ? { done: stored } : {}) };
  void speeds.then((m) => (entry.done = m));
  pending = entry;
  return speeds;
}

/** What is measured already (this page or the profile's cache), without starting a probe. */
export function measuredSpeeds(backends: readonly string[], adapter: string | undefined): MeasuredSpeeds | undefined {
  const key = JSON.stringify([backends, adapter ?? null]);
  return pending?.key === key && pending.done ? pending.done : readStored(backends, adapter);
}

function measure(backends: readonly string[]): Promise<MeasuredSpeeds> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./speed-probe.worker.ts', import.meta.url), { type: 'module', name: 'pipeworks-speed-probe' });
    const result: MeasuredSpeeds = { speeds: [], failed: [], measuredAt: Date.now() };
    // Cut short, the figures may miss the fastest backend, which the runner would then not train on: none is claimed.
    const finish = (cutShort?: string) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(cutShort ? { ...result, speeds: [], failed: [...result.failed, { backend: 'all', reason: cutShort }] } : result);
    };
    const timer = setTimeout(() => finish(`the probe took over ${PROBE_TIMEOUT_MS / 1000} s`), PROBE_TIMEOUT_MS);
    worker.onmessage = (e: MessageEvent<FromSpeedProbe>) => {
      const message = e.data;
      if (message.type === 'speed') result.speeds.push(message.speed);
      else if (message.type === 'failed') result.failed.push({ backend: message.backend, reason: message.reason });
      else finish();
    };
    worker.onerror = (e) => finish(e.message || 'the probe worker failed to start');
    worker.postMessage({ backends, wasmPath: `${location.origin}${TFJS_WASM_PREFIX}` } satisfies ToSpeedProbe);
  });
}

function readStored(backends: readonly string[], adapter: string | undefined): MeasuredSpeeds | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as Partial<Stored>;
    const fresh = typeof stored.measuredAt === 'number' && Date.now() - stored.measuredAt < MAX_AGE_MS;
    const same = stored.version === SPEED_PROBE_VERSION && JSON.stringify(stored.backends) === JSON.stringify(backends) && stored.adapter === (adapter ?? null);
    if (!fresh || !same || !Array.isArray(stored.speeds) || stored.speeds.length === 0) return undefined;
    return { speeds: stored.speeds, failed: stored.failed ?? [], measuredAt: stored.measuredAt! };
  } catch {
    return undefined; // storage unavailable or unreadable: measure again
  }
}

function writeStored(stored: Stored): void {
  try {
    if (stored.speeds.length > 0) localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Private mode or a full quota: the measurement still serves this page.
  }
}
