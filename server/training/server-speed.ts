// The server's measured training speed, for placement 'auto': the browser's probe, run once on
// the server's own TF.js runtime (the step workers' wasm) in a worker thread of its own, so the
// web server's event loop never waits on it. Measured on first need and kept for the process.
import path from 'node:path';
import { Piscina } from 'piscina';
import type { BrowserOffer } from '../../engine/placement';
import type { BackendSpeed } from '../../engine/training-speed';

/** The step workers' runtime (server/runners/step-worker.ts): the probe times what a step would use. */
const RUNTIME = { backends: ['wasm', 'cpu'], wasmPath: path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep };
const TIMEOUT_MS = 60_000;

let measured: Promise<BackendSpeed | undefined> | undefined;

/** Undefined when the probe failed (logged; the next ask tries again): placement then keeps training on the server. */
export function serverTrainingSpeed(): Promise<BackendSpeed | undefined> {
  measured ??= measure().catch((error: unknown) => {
    console.error('The server training speed probe failed; placement keeps training on the server until it succeeds', error);
    measured = undefined;
    return undefined;
  });
  return measured;
}

/** Only a browser that measured itself is compared with the server, so only then is the server measured. */
export async function serverSpeedFor(browser: BrowserOffer | undefined): Promise<BackendSpeed | undefined> {
  return browser?.speeds?.length ? serverTrainingSpeed() : undefined;
}

/** A one-thread piscina pool, as the other worker threads are started (Next leaves piscina's entries unbundled). */
async function measure(): Promise<BackendSpeed> {
  const pool = new Piscina({ filename: path.join(process.cwd(), 'server/training/speed-probe-entry.mjs'), minThreads: 0, maxThreads: 1 });
  try {
    return (await pool.run(RUNTIME, { signal: AbortSignal.timeout(TIMEOUT_MS) })) as BackendSpeed;
  } finally {
    void pool.destroy();
  }
}
