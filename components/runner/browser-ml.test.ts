import { describe, expect, it } from 'vitest';
import { isGpuFailure, probeWebGpu } from './browser-ml';

describe('probeWebGpu', () => {
  it('reads no WebGPU as none, and never throws', async () => {
    expect(await probeWebGpu({})).toEqual({ offer: 'none' });
    expect(await probeWebGpu({ gpu: { requestAdapter: async () => null } })).toEqual({ offer: 'none' });
    expect(await probeWebGpu({ gpu: { requestAdapter: async () => Promise.reject(new Error('blocked')) } })).toEqual({ offer: 'none' });
  });

  it('tells a software adapter from a hardware one', async () => {
    const swift = { requestAdapter: async () => ({ info: { vendor: 'google', architecture: 'swiftshader' } }) };
    expect(await probeWebGpu({ gpu: swift })).toEqual({ offer: 'software', adapter: 'google swiftshader' });
    const fallback = { requestAdapter: async () => ({ info: { vendor: 'x', isFallbackAdapter: true } }) };
    expect((await probeWebGpu({ gpu: fallback })).offer).toBe('software');
    const nvidia = { requestAdapter: async () => ({ info: { vendor: 'nvidia', architecture: 'hopper' } }) };
    expect(await probeWebGpu({ gpu: nvidia })).toEqual({ offer: 'hardware', adapter: 'nvidia hopper' });
  });
});

describe('isGpuFailure', () => {
  it('recognises device loss and out-of-memory, not ordinary errors', () => {
    expect(isGpuFailure(new Error('GPU device was lost: destroyed'))).toBe(true);
    expect(isGpuFailure(new Error('WebGL context lost'))).toBe(true);
    expect(isGpuFailure(new Error('CONTEXT_LOST_WEBGL'))).toBe(true);
    expect(isGpuFailure(Object.assign(new Error('allocation'), { name: 'GPUOutOfMemoryError' }))).toBe(true);
    expect(isGpuFailure(new Error('Column "amount" is not numeric'))).toBe(false);
  });
});
