// The browser bench's Web Worker (bundled by esbuild, one fresh worker per backend): initialises
// the one TF.js backend asked for through the runner's initTf, then times the bench training.
import '@tensorflow/tfjs-backend-webgpu';
import { initTf } from '../nodes/train/tf-backend';
import type { Tf } from '../nodes/train/tf-backend';
import { webgpuKernelsProblem } from '../nodes/train/webgpu-self-check';
import { timeTraining, type DispatchCounter, type TrainingJob, type TrainingOutcome } from './browser-training-run';

export interface WorkerRequest extends TrainingJob {
  backend: string;
  /** URL prefix of the tfjs-backend-wasm .wasm files. */
  wasmPath: string;
}

/** `device`: the WebGPU adapter or the WebGL renderer, for those two backends. */
export type WorkerReply = { backend: string; device?: string } & (
  | ({ status: 'trained'; kernelCheck?: KernelCheck } & TrainingOutcome)
  | { status: 'unavailable' | 'failed'; reason: string }
);

/** The one-time known-answer check of the WebGPU kernels (webgpu-self-check.ts), run before the timed training. */
export interface KernelCheck {
  seconds: number;
  /** Why the kernels are not used; absent when they passed. */
  problem?: string;
}

interface GpuAdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
}
type GpuNavigator = { gpu?: { requestAdapter(): Promise<{ info?: GpuAdapterInfo } | null> } };

async function run(request: WorkerRequest): Promise<WorkerReply> {
  const { backend } = request;
  const device = backend === 'webgpu' ? await gpuAdapter() : backend === 'webgl' ? glRenderer() : undefined;
  const about = { backend, ...(device ? { device } : {}) };
  const unavailable = (reason: string): WorkerReply => ({ ...about, status: 'unavailable', reason });
  // 'cpu' after the backend asked for, as the runner's list ends: initTf's note then says why the
  // first was passed over, the way a run would report it.
  const backends = backend === 'cpu' ? ['cpu'] : [backend, 'cpu'];
  let init: Awaited<ReturnType<typeof initTf>>;
  try {
    init = await initTf({ backends, wasmPath: request.wasmPath });
  } catch (error) {
    return unavailable(error instanceof Error ? error.message : String(error));
  }
  if (init.backend !== backend) return unavailable(init.note ?? `TF.js chose ${init.backend}`);
  try {
    // Once per worker in the product too; done first so the step count and time are the steady state's.
    const kernelCheck = backend === 'webgpu' ? await checkKernels(init.tf) : undefined;
    const outcome = await timeTraining(init.tf, request, countDispatches(init.tf, backend));
    return { ...about, status: 'trained', ...outcome, ...(kernelCheck ? { kernelCheck } : {}) };
  } catch (error) {
    return { ...about, status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Counts the GPU kernel dispatches of the webgpu and webgl backends by wrapping the one method each
 * sends every program through (TF.js 4.22: WebGPUBackend.recordAndSubmit, MathBackendWebGL.
 * runWebGLProgram). The count is the same on any GPU, unlike the time, so SwiftShader measures it.
 */
function countDispatches(tf: Tf, backend: string): DispatchCounter | undefined {
  const method = backend === 'webgpu' ? 'recordAndSubmit' : backend === 'webgl' ? 'runWebGLProgram' : undefined;
  const target = tf.backend() as unknown as Record<string, (...args: unknown[]) => unknown>;
  if (!method || typeof target[method] !== 'function') return undefined;
  const original = target[method].bind(target);
  let count = 0;
  target[method] = (...args: unknown[]) => {
    count++;
    return original(...args);
  };
  return () => count;
}

async function checkKernels(tf: Tf): Promise<KernelCheck> {
  const started = performance.now();
  const problem = await webgpuKernelsProblem(tf);
  return { seconds: (performance.now() - started) / 1000, ...(problem ? { problem } : {}) };
}

async function gpuAdapter(): Promise<string> {
  const gpu = (navigator as unknown as GpuNavigator).gpu;
  if (!gpu) return 'navigator.gpu is undefined';
  const adapter = await gpu.requestAdapter();
  if (!adapter) return 'requestAdapter() gave null';
  const info = adapter.info;
  if (!info) return 'adapter without info';
  return [info.vendor, info.architecture, info.description].filter(Boolean).join(' / ') || 'empty adapter info';
}

function glRenderer(): string {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return 'no WebGL2 context';
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  void run(event.data).then((reply) => postMessage(reply));
});
