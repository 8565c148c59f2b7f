// Runs one browser-placed step inside the Web Worker, through the same step runner as the server
// (nodes/step-runner.ts): inputs from the IndexedDB cache or the server (hash-checked), the node
// with a browser context (TF.js webgpu → webgl → wasm → cpu), outputs encoded exactly as a server
// runner encodes them, cached, and uploaded unless the server already has them. A GPU device loss
// or out-of-memory error re-runs the step from the start on the next backend, with a note saying
// so; it never passes a half-computed result on.
import * as tf from '@tensorflow/tfjs';
import type { CodeSandbox } from '../../engine/code-sandbox';
import { NodeRunError } from '../../engine/errors';
import type { StepHooks, StepRunResult } from '../../engine/execute-types';
import { sha256Hex } from '../../engine/hash';
import type { NodeRegistry } from '../../engine/node-definition';
import type { ArtifactRef, PlanStep } from '../../engine/plan';
import type { PortKind } from '../../engine/port-kinds';
import { runStep, type StepOutcome } from '../../nodes/step-runner';
import type { ArtifactCache } from './artifact-cache';
import { isGpuFailure } from './browser-ml';
import type { ServerLink } from './server-link';

export interface BrowserStepDeps {
  /** Only its artifact and bundled-file calls: a worker's headless page answers those alone (headless-page.ts). */
  link: Pick<ServerLink, 'hasArtifact' | 'uploadArtifact' | 'downloadArtifact' | 'readBundled'>;
  cache: ArtifactCache;
  registry: NodeRegistry;
  /** TF.js backends to try, in order: the fastest measured first (engine/backend-order.ts). */
  backends: readonly string[];
  /** Why that order, for the step log. */
  backendChoice?: string;
  wasmPath: string;
  /** Where code steps run (components/sandbox/); without one they refuse to run here. */
  sandbox?: CodeSandbox;
}

/** Artifact bytes from the cache, else from the server (verified there and then cached). */
export async function fetchArtifact(deps: Pick<BrowserStepDeps, 'link' | 'cache'>, id: string): Promise<Uint8Array> {
  const cached = await deps.cache.get(id);
  if (cached) return cached;
  const bytes = await deps.link.downloadArtifact(id);
  await deps.cache.put(id, bytes);
  return bytes;
}

/** Caches an encoded output and hands it to the server (skipped when the server has that hash). */
async function storeBytes(deps: Pick<BrowserStepDeps, 'link' | 'cache'>, kind: PortKind, bytes: Uint8Array): Promise<{ id: string; size: number }> {
  const id = sha256Hex(bytes);
  await deps.cache.put(id, bytes);
  if (!(await deps.link.hasArtifact(id))) await deps.link.uploadArtifact(id, kind, bytes);
  return { id, size: bytes.byteLength };
}

/**
 * An adapter to the shared step runner (nodes/step-runner.ts): I/O through the cache and the
 * server, and a fallback from a failed GPU backend to the next. A failure is thrown, as
 * engine/execute expects of a runner.
 */
export async function runBrowserStep(deps: BrowserStepDeps, step: PlanStep, refs: Record<string, ArtifactRef>, hooks: StepHooks): Promise<StepRunResult> {
  const outcome = await runBrowserStepOutcome(deps, step, refs, hooks);
  if (!outcome.ok) {
    if (outcome.code === 'cancelled') throw Object.assign(new Error(outcome.message), { name: 'AbortError' });
    throw new NodeRunError(step.id, outcome.code, outcome.message);
  }
  // The server's records take artifact references; the media type is implied by the kind.
  const outputs: Record<string, ArtifactRef> = {};
  for (const [name, { mediaType: _mediaType, ...ref }] of Object.entries(outcome.outputs)) outputs[name] = ref;
  const { backend, backendNote } = outcome;
  return { outputs, ...(backend && { backend }), ...(backendNote && { backendNote }) };
}

/** The shared runner's outcome as it is (plain data, media types kept), for a caller that passes it on: a worker's headless page. */
export function runBrowserStepOutcome(deps: BrowserStepDeps, step: PlanStep, refs: Record<string, ArtifactRef>, hooks: StepHooks): Promise<StepOutcome> {
  return runStep({
    step,
    registry: deps.registry,
    inputs: refs,
    io: {
      readInput: (ref) => fetchArtifact(deps, ref.id),
      writeOutput: (bytes, { kind }) => storeBytes(deps, kind, bytes),
      readBundled: (relative) => deps.link.readBundled(relative),
      readArtifact: (id) => fetchArtifact(deps, id),
    },
    capabilities: {
      runtime: 'browser',
      ...(deps.sandbox && { sandbox: deps.sandbox }),
      ml: { backends: deps.backends, wasmPath: deps.wasmPath },
      ...(deps.backendChoice && { backendChoice: deps.backendChoice }),
      backendFallback: {
        isBackendFailure: isGpuFailure,
        started: watchDeviceLoss,
        lostReason: () => deviceLost,
        reset: () => (deviceLost = null),
      },
    },
    hooks,
    unknownNodeMessage: (type, version) => `This browser does not know node type ${type}@${version}; reload the page`,
  });
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
