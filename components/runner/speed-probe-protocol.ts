// What crosses between the page and the speed probe's Web Worker (plain, structured-cloned data).
import type { BackendSpeed } from '../../engine/training-speed';

export interface ToSpeedProbe {
  backends: readonly string[];
  /** Where the TF.js wasm binaries are served. */
  wasmPath: string;
}

export type FromSpeedProbe =
  | { type: 'speed'; speed: BackendSpeed }
  /** The backend did not start, or training failed on it: the runner would pass it over too. */
  | { type: 'failed'; backend: string; reason: string }
  | { type: 'done' };
