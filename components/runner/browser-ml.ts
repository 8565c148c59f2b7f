// What this browser offers for ML: the TF.js backends in the runner's order (webgpu → webgl →
// wasm → cpu), where the wasm binaries are served, and what kind of WebGPU adapter there is, so
// placement 'auto' can tell a real GPU from a software one (SwiftShader).
import type { BrowserOffer } from '../../engine/placement';
import { BROWSER_BACKENDS as ORDER } from '../../engine/training-speed';

export const BROWSER_BACKENDS = ORDER;

/** Served by app/tfjs-wasm/[file]; TF.js appends the file names. */
export const TFJS_WASM_PREFIX = '/tfjs-wasm/';

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface AdapterLike {
  info?: AdapterInfoLike;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(): Promise<AdapterLike | null>;
}

export interface WebGpuProbe {
  offer: BrowserOffer['webgpu'];
  /** e.g. "google swiftshader", for the UI. */
  adapter?: string;
}

/** Asks for a WebGPU adapter once; never throws (no WebGPU reads as 'none'). */
export async function probeWebGpu(nav: { gpu?: unknown } = globalThis.navigator ?? {}): Promise<WebGpuProbe> {
  const gpu = nav.gpu as GpuLike | undefined;
  if (!gpu?.requestAdapter) return { offer: 'none' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { offer: 'none' };
    const info = adapter.info ?? {};
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ').trim();
    const software = info.isFallbackAdapter === true || adapter.isFallbackAdapter === true || /swiftshader|llvmpipe|software|warp/i.test(name);
    return { offer: software ? 'software' : 'hardware', adapter: name || undefined };
  } catch {
    return { offer: 'none' };
  }
}

/**
 * A GPU failure that a retry on the next backend can get past: the device was lost or ran out of
 * memory. Such an error is never swallowed: the step re-runs from the start on the next backend,
 * and the note says why.
 */
export function isGpuFailure(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /device (was |is )?lost|lost (the )?device|context (was |is )?lost|out of memory|GPUOutOfMemoryError|OOM when|CONTEXT_LOST_WEBGL|failed to allocate/i.test(message);
}
