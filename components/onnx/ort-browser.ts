// The browser side of openSession: asks for a WebGPU adapter, and loads onnxruntime-web builds
// lazily (the WebGPU build only when there is a GPU) with their wasm files served by this app
// under /ort-wasm/ (no CDN), single-threaded since the page is not cross-origin isolated.
import type { GpuProbe, Provider, SessionDeps } from './open-session';
import type { OrtModule } from './run-model';

/** Where app/ort-wasm/[file]/route.ts serves the runtime's .wasm and .mjs files. */
export const ORT_WASM_PREFIX = '/ort-wasm/';

interface NavigatorGpu {
  requestAdapter: () => Promise<unknown>;
}

async function probeGpu(): Promise<GpuProbe> {
  const gpu = (navigator as Navigator & { gpu?: NavigatorGpu }).gpu;
  if (!gpu) return { ok: false, reason: 'This browser offers no WebGPU (navigator.gpu is missing).' };
  try {
    const adapter = await gpu.requestAdapter();
    return adapter ? { ok: true, adapter } : { ok: false, reason: 'navigator.gpu gave no adapter: no usable GPU here.' };
  } catch (error) {
    return { ok: false, reason: `Asking for a WebGPU adapter failed: ${(error as Error).message}` };
  }
}

async function loadRuntime(provider: Provider): Promise<OrtModule> {
  const ort = provider === 'webgpu' ? await import('onnxruntime-web/webgpu') : await import('onnxruntime-web/wasm');
  ort.env.wasm.wasmPaths = new URL(ORT_WASM_PREFIX, window.location.href).href;
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  return ort;
}

export const browserSessionDeps: SessionDeps = { probeGpu, loadRuntime };
