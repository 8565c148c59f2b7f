import { describe, expect, it } from 'vitest';
import { decidePlacement, resolvePlacement } from './placement';

describe('resolvePlacement', () => {
  it('auto prefers the server when the node runs there', () => {
    expect(resolvePlacement('auto', ['browser', 'server'])).toBe('server');
    expect(resolvePlacement('auto', ['browser'])).toBe('browser');
  });

  it('auto honours a preferred runtime the node supports', () => {
    expect(resolvePlacement('auto', ['browser', 'server'], 'browser')).toBe('browser');
    expect(resolvePlacement('auto', ['server'], 'browser')).toBe('server');
  });

  it('honours a fixed setting the node supports and refuses one it does not', () => {
    expect(resolvePlacement('browser', ['browser', 'server'])).toBe('browser');
    expect(resolvePlacement('browser', ['server'])).toBeNull();
    expect(resolvePlacement('server', ['browser'], 'server')).toBeNull();
  });

  it('refuses a node that runs nowhere', () => {
    expect(resolvePlacement('auto', [])).toBeNull();
  });
});

describe('decidePlacement', () => {
  const both = ['browser', 'server'] as const;
  const hardware = { browser: { webgpu: 'hardware' as const } };

  it('honours a fixed setting and says whose it is', () => {
    expect(decidePlacement({ setting: 'server', from: 'node', runsOn: both }, hardware)).toEqual({ placement: 'server', reason: "Runs on the server: this node's setting" });
    expect(decidePlacement({ setting: 'browser', from: 'pipeline', runsOn: both }, hardware).placement).toBe('browser');
  });

  it('runs a browser setting on the server when no browser takes part, and says so', () => {
    const d = decidePlacement({ setting: 'browser', from: 'pipeline', runsOn: both }, {});
    expect(d.placement).toBe('server');
    expect(d.reason).toMatch(/no browser takes part/);
  });

  it('keeps server-only nodes on the server', () => {
    expect(decidePlacement({ setting: 'auto', from: 'default', runsOn: ['server'] }, hardware)).toEqual({ placement: 'server', reason: 'Runs on the server: this node runs only there' });
  });

  it('sends GPU training to a browser with a hardware WebGPU adapter, not a software one', () => {
    const gpu = { setting: 'auto' as const, from: 'default' as const, runsOn: both, usesGpu: true };
    expect(decidePlacement(gpu, hardware).placement).toBe('browser');
    const soft = decidePlacement(gpu, { browser: { webgpu: 'software' } });
    expect(soft).toEqual({ placement: 'server', reason: 'Runs on the server: this browser has only a software WebGPU adapter, so training here would be no faster' });
    expect(decidePlacement(gpu, { browser: { webgpu: 'none' } }).placement).toBe('server');
  });

  it('keeps data over the browser limit on the server, even for GPU training', () => {
    const d = decidePlacement({ setting: 'auto', from: 'default', runsOn: both, usesGpu: true, dataBytes: 300 * 2 ** 20 }, { ...hardware, browserMaxBytes: 200 * 2 ** 20 });
    expect(d).toEqual({ placement: 'server', reason: 'Runs on the server: it depends on 300 MB of data, over the browser limit of 200 MB' });
  });

  it('leaves other steps next to the data on the server', () => {
    expect(decidePlacement({ setting: 'auto', from: 'default', runsOn: both }, hardware).placement).toBe('server');
  });
});
