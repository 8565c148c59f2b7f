// Runs one plan step inside a worker thread: read inputs from the artifact store, run the node,
// write its outputs back. The main thread records metadata; this side touches only files.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { NodeRunError, UserError } from '../../engine/errors';
import type { NodeRunContext } from '../../engine/node-definition';
import { decodeValue, encodeValue } from '../../nodes/codec';
import { createRegistry } from '../../nodes/registry';
import type { PortValue } from '../../nodes/values';
import { serverSandbox } from '../sandbox/server-sandbox';
import { readArtifactBytes, writeArtifactBytes } from '../store/artifact-files';
import type { StepMessage, StepTask, StepTaskResult, StoredOutput } from './step-protocol';

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

export default async function runStepTask(task: StepTask): Promise<StepTaskResult> {
  const { step, port } = task;
  const send = (message: StepMessage) => port.postMessage(message);
  let peak = heapInUse();
  const sampler = setInterval(() => (peak = Math.max(peak, heapInUse())), 25);
  const controller = new AbortController();
  port.on('message', (m: { type?: string }) => m?.type === 'abort' && controller.abort());
  try {
    const def = registryFor(task.testNodes).get(step.type, step.version);
    if (!def) throw new NodeRunError(step.id, 'invalid_input', `Unknown node type ${step.type}@${step.version}`);
    const inputs: Record<string, PortValue> = {};
    for (const [name, ref] of Object.entries(task.inputs)) {
      inputs[name] = decodeValue(ref.kind, await readArtifactBytes(task.dataDir, ref.id));
    }
    let backend: string | undefined;
    let backendNote: string | undefined;
    const ctx: NodeRunContext = {
      signal: controller.signal,
      runtime: 'server',
      log: (level, message) => send({ type: 'log', level, message }),
      progress: (fraction, message, data) => send({ type: 'progress', fraction, message, data }),
      readBundled: (relative) => readBundled(task.bundledRoot, relative),
      readArtifact: (id) => readArtifactBytes(task.dataDir, id),
      // User code never runs in this thread: the sandbox is a separate process (server/sandbox/).
      sandbox: serverSandbox(),
      sourceKey: step.fingerprint?.sourceKey,
      // Node has no GPU backend for TF.js here (tfjs-node cannot be installed): wasm, then cpu.
      ml: { backends: ['wasm', 'cpu'], wasmPath: wasmDir() },
      reportBackend: (name, note) => {
        backend = name;
        backendNote = note;
        if (note) send({ type: 'log', level: 'warn', message: note });
      },
    };
    const produced = await def.run({ inputs, params: step.params, ctx });
    peak = Math.max(peak, heapInUse());
    const outputs: Record<string, StoredOutput> = {};
    for (const [name, value] of Object.entries(produced)) {
      const { bytes, mediaType, meta } = encodeValue(value as PortValue);
      const { id, size } = await writeArtifactBytes(task.dataDir, bytes);
      outputs[name] = { id, size, kind: (value as PortValue).kind, meta, mediaType };
    }
    return { ok: true, outputs, peakMemoryBytes: peak, backend, backendNote };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, code: 'invalid_input', message: error.message };
    if (error instanceof NodeRunError) return { ok: false, code: error.code, message: error.message };
    if (controller.signal.aborted) return { ok: false, code: 'cancelled', message: 'Cancelled' };
    console.error(`[step ${step.id} ${step.type}]`, error);
    return { ok: false, code: 'node_failed', message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearInterval(sampler);
    port.close();
  }
}
