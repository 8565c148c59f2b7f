// Opens a model on the first execution provider that works, in order webgpu (only when the browser
// offers a WebGPU adapter) then wasm, and keeps a note of why each earlier one was passed over.
import type * as Ort from 'onnxruntime-web';
import { explainLoadError } from '../../engine/onnx/load-error';
import type { OperatorUse } from '../../engine/onnx/prepare-model';
import type { OrtModule } from './run-model';

export const PROVIDERS = ['webgpu', 'wasm'] as const;
export type Provider = (typeof PROVIDERS)[number];

export interface ProviderNote {
  provider: Provider;
  used: boolean;
  reason: string;
}

export type GpuProbe = { ok: true; adapter: unknown } | { ok: false; reason: string };

export interface SessionDeps {
  probeGpu: () => Promise<GpuProbe>;
  /** The runtime build for a provider, configured (wasm paths, threads). */
  loadRuntime: (provider: Provider) => Promise<OrtModule>;
}

export interface OpenedSession {
  ort: OrtModule;
  session: Ort.InferenceSession;
  provider: Provider;
  notes: ProviderNote[];
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `operators` (the model's, from prepareOnnxModel) let a load failure name the operator the runtime lacks. */
export async function openSession(bytes: Uint8Array, deps: SessionDeps, operators: readonly OperatorUse[] = []): Promise<{ ok: true; value: OpenedSession } | { ok: false; error: string; notes: ProviderNote[] }> {
  const notes: ProviderNote[] = [];
  const gpu = await deps.probeGpu();
  if (!gpu.ok) {
    notes.push({ provider: 'webgpu', used: false, reason: gpu.reason });
  } else {
    try {
      const ort = await deps.loadRuntime('webgpu');
      if (gpu.adapter) (ort.env.webgpu as { adapter?: unknown }).adapter = gpu.adapter;
      const session = await ort.InferenceSession.create(bytes, { executionProviders: ['webgpu'] });
      notes.push({ provider: 'webgpu', used: true, reason: 'A WebGPU adapter is available and the model loaded on it.' });
      return { ok: true, value: { ort, session, provider: 'webgpu', notes } };
    } catch (error) {
      notes.push({ provider: 'webgpu', used: false, reason: `The model did not load on WebGPU: ${message(error)}` });
    }
  }
  try {
    const ort = await deps.loadRuntime('wasm');
    const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
    notes.push({ provider: 'wasm', used: true, reason: 'WebAssembly on the CPU, one thread (the page is not cross-origin isolated).' });
    return { ok: true, value: { ort, session, provider: 'wasm', notes } };
  } catch (error) {
    notes.push({ provider: 'wasm', used: false, reason: message(error) });
    return { ok: false, error: explainLoadError(message(error), operators, 'onnxruntime-web in this browser'), notes };
  }
}
