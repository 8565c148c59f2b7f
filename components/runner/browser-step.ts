// Runs one browser-placed step inside the Web Worker: inputs from the IndexedDB cache or the
// server (hash-checked), the node with a browser context (TF.js webgpu → webgl → wasm → cpu),
// outputs encoded exactly as a server runner encodes them, cached, and uploaded unless the server
// already has them. A GPU device loss or out-of-memory error re-runs the step from the start on
// the next backend, with a note saying so; it never passes a half-computed result on.
import * as tf from '@tensorflow/tfjs';
import { NodeRunError } from '../../engine/errors';
import type { StepHooks, StepRunResult } from '../../engine/execute-types';
import { sha256Hex } from '../../engine/hash';
import type { NodeRegistry, NodeRunContext } from '../../engine/node-definition';
import type { ArtifactRef, PlanStep } from '../../engine/plan';
import { decodeValue, encodeValue } from '../../nodes/codec';
import type { PortValue } from '../../nodes/values';
import type { ArtifactCache } from './artifact-cache';
import { isGpuFailure } from './browser-ml';
import type { ServerLink } from './server-link';

export interface BrowserStepDeps {
  link: ServerLink;
  cache: ArtifactCache;
  registry: NodeRegistry;
  /** TF.js backends to try, in order. */
  backends: readonly string[];
  wasmPath: string;
}

/** Artifact bytes from the cache, else from the server (verified there and then cached). */
export async function fetchArtifact(deps: Pick<BrowserStepDeps, 'link' | 'cache'>, id: string): Promise<Uint8Array> {
  const cached = await deps.cache.get(id);
  if (cached) return cached;
  const bytes = await deps.link.downloadArtifact(id);
  await deps.cache.put(id, bytes);
  return bytes;
}

/** Encodes, caches and hands an output to the server (skipped when the server has that hash). */
export async function storeOutput(deps: Pick<BrowserStepDeps, 'link' | 'cache'>, value: PortValue): Promise<ArtifactRef> {
  const { bytes, meta } = encodeValue(value);
  const id = sha256Hex(bytes);
  await deps.cache.put(id, bytes);
  if (!(await deps.link.hasArtifact(id))) await deps.link.uploadArtifact(id, value.kind, bytes);
  return { id, kind: value.kind, size: bytes.byteLength, meta };
}

export async function runBrowserStep(deps: BrowserStepDeps, step: PlanStep, refs: Record<string, ArtifactRef>, hooks: StepHooks): Promise<StepRunResult> {
  const def = deps.registry.get(step.type, step.version);
  if (!def) throw new NodeRunError(step.id, 'invalid_input', `This browser does not know node type ${step.type}@${step.version}; reload the page`);
  const inputs: Record<string, PortValue> = {};
  for (const [name, ref] of Object.entries(refs)) inputs[name] = decodeValue(ref.kind, await fetchArtifact(deps, ref.id));

  let backends = deps.backends;
  const fallbacks: string[] = [];
  for (;;) {
    let backend: string | undefined;
    let initNote: string | undefined;
    const ctx: NodeRunContext = {
      signal: hooks.signal,
      runtime: 'browser',
      log: hooks.log,
      progress: hooks.progress,
      readBundled: (relative) => deps.link.readBundled(relative),
      readArtifact: (id) => fetchArtifact(deps, id),
      sourceKey: step.fingerprint?.sourceKey,
      ml: { backends, wasmPath: deps.wasmPath },
      reportBackend: (name, note) => {
        backend = name;
        initNote = note;
        if (note) hooks.log('warn', note);
        watchDeviceLoss();
      },
    };
    try {
      const produced = await def.run({ inputs, params: step.params, ctx });
      // A device lost mid-step may have let the last kernels return garbage: never keep that result.
      if (backend && deviceLost) throw new Error(`GPU device was lost while the step ran (${deviceLost})`);
      const outputs: Record<string, ArtifactRef> = {};
      for (const [name, value] of Object.entries(produced)) outputs[name] = await storeOutput(deps, value as PortValue);
      const note = [...fallbacks, initNote].filter(Boolean).join('; ');
      return { outputs, ...(backend && { backend }), ...(note && { backendNote: note }) };
    } catch (error) {
      const at = backend ? backends.indexOf(backend) : -1;
      if (hooks.signal.aborted || !backend || at < 0 || at === backends.length - 1 || !isGpuFailure(error)) throw error;
      const next = backends[at + 1];
      const message = `${backend} failed mid-step (${error instanceof Error ? error.message : String(error)}); re-ran the step on ${next}`;
      hooks.log('warn', message);
      fallbacks.push(message);
      backends = backends.slice(at + 1);
      deviceLost = null;
    }
  }
}

/** Set when the WebGPU device TF.js uses is lost; checked after each step. */
let deviceLost: string | null = null;
const watched = new WeakSet<object>();

function watchDeviceLoss(): void {
  if (tf.getBackend() !== 'webgpu') return;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message?: string; reason?: string }> } }).device;
  if (!device?.lost || watched.has(device)) return;
  watched.add(device);
  void device.lost.then((info) => {
    deviceLost = info?.message || info?.reason || 'device lost';
  });
}
