import { describe, expect, it } from 'vitest';
import { browserFacts } from './capabilities';
import { bestWorkerBrowser, workerBrowserOf } from './worker-browser';

const probe = (backend: 'webgpu' | 'wasm', stepMs: number) => ({
  webgpu: 'hardware' as const,
  adapter: 'nvidia hopper',
  speeds: [{ backend, stepMs, macNs: 0.01, setupMs: 300 }],
  failed: [],
  backends: [backend, 'wasm', 'cpu'],
  registryHash: null,
  userAgent: 'HeadlessChrome',
});

describe("queue workers' browsers, as their heartbeats report them", () => {
  it('reads back what the worker reported (flat facts), and nothing from a worker without one', () => {
    const facts = browserFacts(probe('webgpu', 0.5));
    expect(facts).toEqual({ browser: true, browserWebgpu: 'hardware', browserAdapter: 'nvidia hopper', browserBackend: 'webgpu', browserStepMs: 0.5, browserMacNs: 0.01, browserSetupMs: 300 });
    expect(workerBrowserOf({ id: 'w1', capabilities: facts })).toEqual({ workerId: 'w1', webgpu: 'hardware', speed: { backend: 'webgpu', stepMs: 0.5, macNs: 0.01, setupMs: 300 } });
    expect(browserFacts(undefined)).toEqual({ browser: false });
    expect(workerBrowserOf({ id: 'w2', capabilities: { browser: false, browserStepMs: 1 } })).toBeUndefined();
    expect(workerBrowserOf({ id: 'w3', capabilities: {} })).toBeUndefined();
  });

  it('offers no speed it cannot read, rather than a made-up one', () => {
    expect(workerBrowserOf({ id: 'w', capabilities: { browser: true, browserWebgpu: 'software', browserBackend: 'metal', browserStepMs: 1, browserMacNs: 0, browserSetupMs: 1 } })).toEqual({ workerId: 'w', webgpu: 'software' });
    expect(workerBrowserOf({ id: 'w', capabilities: { browser: true, browserWebgpu: 'quantum', browserBackend: 'wasm', browserStepMs: -1, browserMacNs: 0, browserSetupMs: 1 } })).toEqual({ workerId: 'w', webgpu: 'none' });
  });

  it('offers the fastest measured browser, and an unmeasured one only when none measured', () => {
    const slow = { id: 'slow', capabilities: browserFacts(probe('wasm', 3)) };
    const fast = { id: 'fast', capabilities: browserFacts(probe('webgpu', 0.2)) };
    const unmeasured = { id: 'unmeasured', capabilities: browserFacts({ ...probe('wasm', 1), speeds: [] }) };
    const plain = { id: 'plain', capabilities: { browser: false } };
    expect(bestWorkerBrowser([slow, unmeasured, fast, plain])?.workerId).toBe('fast');
    expect(bestWorkerBrowser([unmeasured, plain])).toEqual({ workerId: 'unmeasured', webgpu: 'hardware' });
    expect(bestWorkerBrowser([plain])).toBeUndefined();
  });
});
