import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initTf } from './tf-backend';

const wasmPath = path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');

describe('initTf', () => {
  it('really runs on wasm in Node (path given without a trailing slash)', async () => {
    const { tf, backend, note } = await initTf({ backends: ['wasm', 'cpu'], wasmPath });
    expect(backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(note).toBeUndefined();
    const sum = tf.tidy(() => tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])).arraySync());
    expect(sum).toEqual([4, 6]);
  });

  it('initialises once: the same runtime gets the same promise', async () => {
    const ml = { backends: ['wasm', 'cpu'], wasmPath };
    expect(initTf(ml)).toBe(initTf({ ...ml }));
  });

  it('passes over a backend this build does not register, with a note', async () => {
    const { backend, note } = await initTf({ backends: ['webgpu', 'wasm'], wasmPath });
    expect(backend).toBe('wasm');
    expect(note).toMatch(/^webgpu failed to initialise: .*not registered/);
  });
});
