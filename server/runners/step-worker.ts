// Runs one plan step inside a worker thread: an adapter from the pool's task to the shared step
// runner (nodes/step-runner.ts), with I/O on the artifact store's files. The main thread records
// metadata; this side touches only files.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { BroadcastChannel, parentPort } from 'node:worker_threads';
import { UserError } from '../../engine/errors';
import { createRegistry } from '../../nodes/registry';
import { runStep } from '../../nodes/step-runner';
import { serverSandbox } from '../sandbox/server-sandbox';
import { readArtifactBytes, writeArtifactBytes } from '../store/artifact-files';
import { RecentArtifacts } from './recent-artifacts';
import type { StepMessage, StepTask, StepTaskResult, StepThreadLine } from './step-protocol';

/** This thread's recently read and written artifacts: a step reading its predecessor's output reads no file. */
const recent = new RecentArtifacts();

const registries = new Map<boolean, ReturnType<typeof createRegistry>>();

function registryFor(testNodes: boolean) {
  let registry = registries.get(testNodes);
  if (!registry) registries.set(testNodes, (registry = createRegistry({ testNodes })));
  return registry;
}

/** Reads a bundled file by a relative name, refusing anything that escapes the bundle root. */
async function readBundled(root: string, relative: string): Promise<Uint8Array> {
  const full = path.resolve(root, relative);
  if (!full.startsWith(path.resolve(root) + path.sep)) throw new UserError(`Bundled file "${relative}" is outside the bundle`);
  return new Uint8Array(await readFile(full));
}

/** The folder holding tfjs-backend-wasm's .wasm files (with a trailing separator, as TF.js expects). */
function wasmDir(): string {
  return path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep;
}

function heapInUse(): number {
  const s = getHeapStatistics();
  return s.used_heap_size + s.external_memory;
}

/** The steps running in this thread, by task key, so a stop from the pool reaches them. */
const running = new Map<string, AbortController>();
/**
 * Stops that came before their task started here (the pool posts one as soon as it is asked, and a
 * queued task may start later); each is taken by its task. Bounded: a stop whose task ran on
 * another thread is never taken here.
 */
const stoppedEarly = new Set<string>();
const STOPPED_EARLY_MAX = 1000;
const abortChannels = new Map<string, BroadcastChannel>();

function listenForStops(name: string): void {
  if (abortChannels.has(name)) return;
  const channel = new BroadcastChannel(name);
  // Never what keeps this thread alive: piscina ends idle threads.
  channel.unref();
  channel.onmessage = (event) => {
    const key = String((event as { data: unknown }).data);
    const controller = running.get(key);
    if (controller) return controller.abort();
    stoppedEarly.add(key);
    if (stoppedEarly.size > STOPPED_EARLY_MAX) stoppedEarly.delete(stoppedEarly.values().next().value!);
  };
  abortChannels.set(name, channel);
}

export default async function runStepTask(task: StepTask): Promise<StepTaskResult> {
  const { step, dataDir, taskKey } = task;
  const send = (message: StepMessage) => parentPort!.postMessage({ stepTask: taskKey, message } satisfies StepThreadLine);
  const controller = new AbortController();
  listenForStops(task.abortChannel);
  running.set(taskKey, controller);
  if (stoppedEarly.delete(taskKey)) controller.abort();
  try {
    return await runStep({
      step,
      registry: registryFor(task.testNodes),
      inputs: task.inputs,
      io: {
        readInput: (ref) => recent.read(ref.id, (id) => readArtifactBytes(dataDir, id)),
        writeOutput: async (bytes) => {
          const stored = await writeArtifactBytes(dataDir, bytes);
          recent.keep(stored.id, bytes);
          return stored;
        },
        readBundled: (relative) => readBundled(task.bundledRoot, relative),
        readArtifact: (id) => recent.read(id, (id) => readArtifactBytes(dataDir, id)),
      },
      capabilities: {
        runtime: 'server',
        // User code never runs in this thread: the sandbox is a separate process (server/sandbox/).
        sandbox: serverSandbox(),
        // Node has no GPU backend for TF.js here (tfjs-node cannot be installed): wasm, then cpu.
        ml: { backends: ['wasm', 'cpu'], wasmPath: wasmDir() },
        memoryInUse: heapInUse,
      },
      hooks: {
        signal: controller.signal,
        log: (level, message) => send({ type: 'log', level, message }),
        progress: (fraction, message, data) => send({ type: 'progress', fraction, message, data }),
      },
      onUnexpectedError: (error) => console.error(`[step ${step.id} ${step.type}]`, error),
    });
  } finally {
    running.delete(taskKey);
    parentPort!.postMessage({ stepTask: taskKey, end: true } satisfies StepThreadLine);
  }
}
