// Picks the TF.js backend once per process or worker, in the runner's order, and proves it took:
// tf.setBackend can resolve while tf.getBackend() still names another backend (a failed wasm init
// leaves TF.js on the slow cpu backend without an error), so each choice is checked.
// TF.js is loaded here, on the first init, not when the module is imported: the registry imports
// every node, and commands that only compile (`pipeworks validate`) must not pay for TF.js.
import type { MlRuntime } from '../../engine/node-definition';

export type Tf = typeof import('@tensorflow/tfjs');

export interface TfInit {
  tf: Tf;
  backend: string;
  /** Why earlier backends in the list were passed over; absent when the first one worked. */
  note?: string;
}

let pending: { key: string; init: Promise<TfInit> } | undefined;

/** Idempotent: the same runtime gets the same (cached) answer; a different list chooses again. */
export function initTf(ml: MlRuntime): Promise<TfInit> {
  const key = JSON.stringify([ml.backends, ml.wasmPath ?? null]);
  if (pending?.key !== key) pending = { key, init: chooseBackend(ml) };
  return pending.init;
}

async function chooseBackend(ml: MlRuntime): Promise<TfInit> {
  const tf = await import('@tensorflow/tfjs');
  // Registers the wasm backend with TF.js and gives setWasmPaths.
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const passedOver: string[] = [];
  for (const name of ml.backends) {
    const failure = await trySetBackend(tf, wasm.setWasmPaths, name, ml);
    if (failure === undefined) {
      return passedOver.length ? { tf, backend: name, note: passedOver.join('; ') } : { tf, backend: name };
    }
    passedOver.push(`${name} failed to initialise: ${failure}`);
  }
  throw new Error(`No TF.js backend could be initialised (${passedOver.join('; ') || 'none offered'})`);
}

/** Returns undefined when `name` is now the active backend, else the reason it is not. */
async function trySetBackend(tf: Tf, setWasmPaths: (folder: string) => void, name: string, ml: MlRuntime): Promise<string | undefined> {
  if (tf.getBackend() === name) return undefined;
  if (!tf.findBackendFactory(name)) return 'this backend is not registered in this build';
  if (name === 'wasm') {
    const prepared = prepareWasm(tf, setWasmPaths, ml.wasmPath);
    if (prepared) return prepared;
  }
  const warnings: string[] = [];
  let ok = false;
  try {
    ok = await captureWarnings(warnings, () => tf.setBackend(name));
  } catch (error) {
    warnings.push(error instanceof Error ? error.message : String(error));
  }
  const active = tf.getBackend();
  if (ok && active === name) return undefined;
  if (ok) return `TF.js reports backend "${active}" instead`;
  // The first line names the cause (e.g. ENOENT on the .wasm file); the rest repeats it.
  const cause = warnings.find((w) => !w.startsWith('Initialization of backend')) ?? 'setBackend returned false';
  return cause.length > 240 ? `${cause.slice(0, 240)}…` : cause;
}

/**
 * Threaded wasm fails inside bundled workers and in Node, and its failure is silent, so it is
 * switched off before the first init. The folder needs a trailing slash: TF.js appends file names.
 */
function prepareWasm(tf: Tf, setWasmPaths: (folder: string) => void, wasmPath: string | undefined): string | undefined {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (wasmPath === undefined) return undefined;
  const folder = /[/\\]$/.test(wasmPath) ? wasmPath : `${wasmPath}/`;
  try {
    setWasmPaths(folder);
  } catch (error) {
    // setWasmPaths throws only after an aborted init: report that rather than retrying blindly.
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

/** TF.js says why a backend failed through console.warn only: keep a copy of those lines. */
async function captureWarnings<T>(into: string[], run: () => Promise<T>): Promise<T> {
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    into.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
    original(...args);
  };
  try {
    return await run();
  } finally {
    console.warn = original;
  }
}
