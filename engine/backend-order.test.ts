import { describe, expect, it } from 'vitest';
import { fastestFirst } from './backend-order';
import type { BackendSpeed, TfBackend } from './training-speed';

const speed = (backend: TfBackend, stepMs: number, setupMs = 0, macNs = 0): BackendSpeed => ({ backend, stepMs, macNs, setupMs });
const ALL = ['webgpu', 'webgl', 'wasm', 'cpu'];

describe('fastestFirst', () => {
  it('trains on the fastest measured backend, not the first that starts', () => {
    const order = fastestFirst(ALL, { speeds: [speed('webgpu', 9), speed('webgl', 6), speed('wasm', 2)], failed: [] });
    expect(order.backends).toEqual(['wasm', 'webgl', 'webgpu', 'cpu']);
    expect(order.speeds.map((s) => s.backend)).toEqual(['wasm', 'webgl', 'webgpu']);
    expect(order.note).toMatch(/^fastest measured in this browser first \(wasm 0\.4 s, webgl 1\.2 s, webgpu 1\.8 s/);
  });

  it('counts the backend start and the arithmetic, not only the fixed cost per step', () => {
    // webgpu: 1 ms a step but 5 s of shader compilation; wasm: 3 ms a step, no start cost.
    expect(fastestFirst(ALL, { speeds: [speed('webgpu', 1, 5000), speed('wasm', 3)], failed: [] }).backends[0]).toBe('wasm');
    // webgl: no fixed cost but slow arithmetic (1 ns a row-weight: 512 × 2.8k weights ≈ 1.4 ms a step).
    expect(fastestFirst(ALL, { speeds: [speed('webgl', 0, 0, 1), speed('wasm', 1)], failed: [] }).backends[0]).toBe('wasm');
  });

  it('falls back in order: measured, then unmeasured, then those the probe saw fail', () => {
    const order = fastestFirst(ALL, { speeds: [speed('wasm', 2)], failed: [{ backend: 'webgpu', reason: 'no adapter' }] });
    expect(order.backends).toEqual(['wasm', 'webgl', 'cpu', 'webgpu']);
  });

  it('keeps the runner order, with no note, when nothing was measured', () => {
    expect(fastestFirst(ALL, undefined)).toEqual({ backends: ALL, speeds: [] });
    expect(fastestFirst(ALL, { speeds: [], failed: [] })).toEqual({ backends: ALL, speeds: [] });
  });

  it('ignores speeds of backends this run does not offer (?backends=) and keeps ties in the runner order', () => {
    const order = fastestFirst(['webgl', 'wasm'], { speeds: [speed('webgpu', 1), speed('wasm', 3), speed('webgl', 3)], failed: [] });
    expect(order.backends).toEqual(['webgl', 'wasm']);
  });
});
