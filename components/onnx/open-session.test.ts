import { describe, expect, it } from 'vitest';
import { openSession, type Provider } from './open-session';
import type { OrtModule } from './run-model';

/** A runtime whose sessions load only on the providers in `works`; records what was asked. */
function fakeRuntime(works: Provider[], log: string[]): OrtModule {
  return {
    env: { webgpu: {} },
    InferenceSession: {
      create: async (_bytes: Uint8Array, options: { executionProviders: Provider[] }) => {
        const [ep] = options.executionProviders;
        log.push(`create ${ep}`);
        if (!works.includes(ep)) throw new Error(`${ep} is broken`);
        return { ep };
      },
    },
  } as unknown as OrtModule;
}

const bytes = new Uint8Array();

describe('openSession', () => {
  it('uses WebGPU when there is an adapter and the model loads on it', async () => {
    const log: string[] = [];
    const adapter = { name: 'gpu' };
    const runtime = fakeRuntime(['webgpu', 'wasm'], log);
    const opened = await openSession(bytes, { probeGpu: async () => ({ ok: true, adapter }), loadRuntime: async (p) => (log.push(`load ${p}`), runtime) });
    expect(opened.ok && opened.value.provider).toBe('webgpu');
    expect(opened.ok && opened.value.notes).toEqual([{ provider: 'webgpu', used: true, reason: expect.any(String) }]);
    expect((runtime.env.webgpu as { adapter?: unknown }).adapter).toBe(adapter);
    expect(log).toEqual(['load webgpu', 'create webgpu']);
  });

  it('passes over WebGPU without an adapter, and never loads its build', async () => {
    const log: string[] = [];
    const opened = await openSession(bytes, {
      probeGpu: async () => ({ ok: false, reason: 'navigator.gpu gave no adapter' }),
      loadRuntime: async (p) => (log.push(`load ${p}`), fakeRuntime(['webgpu', 'wasm'], log)),
    });
    expect(opened.ok && opened.value.provider).toBe('wasm');
    expect(opened.ok && opened.value.notes.map((n) => [n.provider, n.used, n.reason])).toEqual([
      ['webgpu', false, 'navigator.gpu gave no adapter'],
      ['wasm', true, expect.stringContaining('one thread')],
    ]);
    expect(log).toEqual(['load wasm', 'create wasm']);
  });

  it('falls back to wasm when the model fails on WebGPU, saying why', async () => {
    const log: string[] = [];
    const opened = await openSession(bytes, { probeGpu: async () => ({ ok: true, adapter: {} }), loadRuntime: async () => fakeRuntime(['wasm'], log) });
    expect(opened.ok && opened.value.provider).toBe('wasm');
    expect(opened.ok && opened.value.notes[0]).toEqual({ provider: 'webgpu', used: false, reason: 'The model did not load on WebGPU: webgpu is broken' });
  });

  it('returns the runtime’s error and every note when nothing loads it', async () => {
    const opened = await openSession(bytes, { probeGpu: async () => ({ ok: false, reason: 'none' }), loadRuntime: async () => fakeRuntime([], []) });
    expect(opened).toEqual({
      ok: false,
      error: 'onnxruntime-web in this browser could not load the model: wasm is broken',
      notes: [
        { provider: 'webgpu', used: false, reason: 'none' },
        { provider: 'wasm', used: false, reason: 'wasm is broken' },
      ],
    });
  });

  it('names the operator the runtime lacks', async () => {
    const runtime = {
      env: {},
      InferenceSession: {
        create: async () => {
          throw new Error("Can't create a session. ERROR_CODE: 6, ERROR_MESSAGE: No Op registered for TreeEnsemble with domain_version of 5");
        },
      },
    } as unknown as OrtModule;
    const opened = await openSession(bytes, { probeGpu: async () => ({ ok: false, reason: 'none' }), loadRuntime: async () => runtime }, [{ domain: 'ai.onnx.ml', op: 'TreeEnsemble', opset: 5, node: 'trees' }]);
    expect(opened.ok ? null : opened.error).toBe('The model uses the operator ai.onnx.ml.TreeEnsemble (opset 5, node trees), which onnxruntime-web in this browser does not implement.');
  });
});
