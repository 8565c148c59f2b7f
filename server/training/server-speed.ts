// The server's measured training speed, for placement 'auto': the browser's probe, run once on
// the server's own TF.js runtime (the step workers' wasm) in a worker thread of its own, so the
// web server's event loop never waits on it. Measured on first need and kept for the process.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
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

function measure(): Promise<BackendSpeed> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(process.cwd(), 'server/training/speed-probe-entry.mjs'), { workerData: RUNTIME });
    const timer = setTimeout(() => {
      reject(new Error(`no answer within ${TIMEOUT_MS / 1000} s`));
      void worker.terminate();
    }, TIMEOUT_MS);
    worker.once('message', (speed: BackendSpeed) => {
      clearTimeout(timer);
      resolve(speed);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the probe thread exited with code ${code} before answering`));
    });
  });
}
