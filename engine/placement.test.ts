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

  describe('TF.js training under auto: by measured speed', () => {
    // The bench MLP: 80k rows, 20-64-32-1, batch 512, 3 epochs.
    const work = { steps: 471, batch: 512, weights: 3457 };
    const serverWasm = { backend: 'wasm' as const, stepMs: 1.5, macNs: 0, setupMs: 50 }; // 0.76 s
    const swiftShader = { backend: 'webgpu' as const, stepMs: 100, macNs: 0, setupMs: 2500 }; // 49.6 s
    const fastGpu = { backend: 'webgpu' as const, stepMs: 0.2, macNs: 0, setupMs: 100 }; // 0.19 s, said as 0.2 s
    const level = { backend: 'webgl' as const, stepMs: 1.45, macNs: 0, setupMs: 50 }; // 0.73 s: within 10%
    const auto = { setting: 'auto' as const, from: 'default' as const, runsOn: both, usesGpu: true, work };
    const offer = (...speeds: (typeof serverWasm | typeof swiftShader | typeof level)[]) => ({ webgpu: 'software' as const, speeds });
    const cases: { name: string; subject: Parameters<typeof decidePlacement>[0]; env: Parameters<typeof decidePlacement>[1]; placement: 'browser' | 'server'; reason: RegExp }[] = [
      { name: 'a software WebGPU adapter (SwiftShader) is slower: server', subject: auto, env: { browser: offer(swiftShader), serverSpeed: serverWasm }, placement: 'server', reason: /^Runs on the server: about 0\.8 s on the server \(wasm\) against about 50 s in this browser \(webgpu\)$/ },
      { name: 'a fast GPU: browser', subject: auto, env: { browser: { webgpu: 'hardware', speeds: [fastGpu] }, serverSpeed: serverWasm }, placement: 'browser', reason: /^Runs in the browser: about 0\.2 s in this browser \(webgpu\) against about 0\.8 s on the server/ },
      { name: 'a hardware adapter that measures slower stays on the server', subject: auto, env: { browser: { webgpu: 'hardware', speeds: [swiftShader] }, serverSpeed: serverWasm }, placement: 'server', reason: /against about 50 s in this browser/ },
      { name: 'a tie (within 10%) stays next to the data', subject: auto, env: { browser: offer(level), serverSpeed: serverWasm }, placement: 'server', reason: /within 10%, a tie stays next to the data/ },
      { name: 'an exact tie stays on the server', subject: auto, env: { browser: offer(serverWasm), serverSpeed: serverWasm }, placement: 'server', reason: /a tie/ },
      { name: 'only the runner\'s backend (the first) counts', subject: auto, env: { browser: offer(swiftShader, fastGpu), serverSpeed: serverWasm }, placement: 'server', reason: /webgpu/ },
      { name: 'no browser probe: server, saying why', subject: auto, env: { browser: { webgpu: 'hardware' }, serverSpeed: serverWasm }, placement: 'server', reason: /this browser's training speed has not been measured/ },
      { name: 'an empty probe: server', subject: auto, env: { browser: { webgpu: 'hardware', speeds: [] }, serverSpeed: serverWasm }, placement: 'server', reason: /has not been measured/ },
      { name: 'no server measurement: server, saying why', subject: auto, env: { browser: { webgpu: 'hardware', speeds: [fastGpu] } }, placement: 'server', reason: /the server's training speed could not be measured/ },
      { name: 'unknown data size: server, saying why', subject: { ...auto, work: undefined }, env: { browser: { webgpu: 'hardware', speeds: [fastGpu] }, serverSpeed: serverWasm }, placement: 'server', reason: /size of its data is not known/ },
      { name: 'the user asked for the browser: browser, however slow', subject: { ...auto, setting: 'browser', from: 'node' }, env: { browser: offer(swiftShader), serverSpeed: serverWasm }, placement: 'browser', reason: /^Runs in the browser: this node's setting$/ },
      { name: 'the pipeline asked for the server: server, however fast the browser', subject: { ...auto, setting: 'server', from: 'pipeline' }, env: { browser: { webgpu: 'hardware', speeds: [fastGpu] }, serverSpeed: serverWasm }, placement: 'server', reason: /the pipeline's setting/ },
      { name: 'no browser takes part: server', subject: auto, env: { serverSpeed: serverWasm }, placement: 'server', reason: /no browser takes part/ },
    ];
    it.each(cases)('$name', ({ subject, env, placement, reason }) => {
      const d = decidePlacement(subject, env);
      expect(d.placement).toBe(placement);
      expect(d.reason).toMatch(reason);
    });

    describe("a queue worker's headless browser, where no tab takes part", () => {
      const worker = (speed?: typeof serverWasm | typeof swiftShader | typeof fastGpu) => ({ workerId: 'gpu-box:41:ab12cd', webgpu: 'hardware' as const, ...(speed && { speed }) });
      it('takes TF.js training asked for the browser, and nothing else', () => {
        const asked = { ...auto, setting: 'browser' as const, from: 'node' as const };
        expect(decidePlacement(asked, { workerBrowser: worker(swiftShader), serverSpeed: serverWasm })).toMatchObject({
          placement: 'browser',
          reason: "Runs in the headless browser of queue worker gpu-box:41:ab12cd: this node's setting, and no tab takes part in this run",
        });
        const notTraining = decidePlacement({ ...asked, usesGpu: false }, { workerBrowser: worker(fastGpu), serverSpeed: serverWasm });
        expect(notTraining).toEqual({ placement: 'server', reason: "Runs on the server: this node's setting asks for the browser, but no browser takes part in this run (command line, schedule or API)" });
        expect(decidePlacement(asked, { serverSpeed: serverWasm }).reason).toBe(
          "Runs on the server: this node's setting asks for the browser, but no browser takes part in this run (command line, schedule or API), and no connected queue worker offers a headless browser (`pipeworks worker --browser`)",
        );
      });
      it('under auto, by its measured speed against the server', () => {
        const fast = decidePlacement(auto, { workerBrowser: worker(fastGpu), serverSpeed: serverWasm });
        expect(fast.placement).toBe('browser');
        expect(fast.reason).toBe('Runs in the headless browser of queue worker gpu-box:41:ab12cd: about 0.2 s in the headless browser of queue worker gpu-box:41:ab12cd (webgpu) against about 0.8 s on the server (wasm)');
        expect(fast.estimate?.browser).toEqual({ seconds: expect.closeTo(0.1942, 3), backend: 'webgpu' });
        const slow = decidePlacement(auto, { workerBrowser: worker(swiftShader), serverSpeed: serverWasm });
        expect(slow).toMatchObject({ placement: 'server', reason: 'Runs on the server: about 0.8 s on the server (wasm) against about 50 s in the headless browser of queue worker gpu-box:41:ab12cd (webgpu)' });
        expect(decidePlacement(auto, { workerBrowser: worker(), serverSpeed: serverWasm }).reason).toBe(
          'Runs on the server: the headless browser of queue worker gpu-box:41:ab12cd could not measure its training speed, so nothing shows it would be faster',
        );
        expect(decidePlacement({ ...auto, usesGpu: false }, { workerBrowser: worker(fastGpu), serverSpeed: serverWasm }).reason).toBe('Runs on the server: no browser takes part in this run');
        expect(decidePlacement({ ...auto, dataBytes: 300 * 2 ** 20 }, { workerBrowser: worker(fastGpu), serverSpeed: serverWasm, browserMaxBytes: 200 * 2 ** 20 }).placement).toBe('server');
      });
      it('is passed over when a tab takes part: the tab runs the run', () => {
        const d = decidePlacement(auto, { browser: offer(swiftShader), workerBrowser: worker(fastGpu), serverSpeed: serverWasm });
        expect(d).toMatchObject({ placement: 'server', reason: /in this browser \(webgpu\)$/ });
      });
    });

    it('carries both estimates, whatever the rule, for the preview to show', () => {
      const d = decidePlacement({ ...auto, setting: 'browser', from: 'node' }, { browser: offer(swiftShader), serverSpeed: serverWasm });
      expect(d.estimate?.browser).toEqual({ seconds: expect.closeTo(49.6, 1), backend: 'webgpu' });
      expect(d.estimate?.server).toEqual({ seconds: expect.closeTo(0.7565, 3), backend: 'wasm' });
      expect(decidePlacement({ ...auto, work: undefined }, { browser: offer(swiftShader), serverSpeed: serverWasm }).estimate).toBeUndefined();
      expect(decidePlacement({ ...auto, usesGpu: false }, { browser: offer(swiftShader), serverSpeed: serverWasm }).estimate).toBeUndefined();
    });
  });

  it('flags a TF.js training asked about by an unmeasured browser, so the preview knows to measure it', () => {
    const gpu = { setting: 'auto' as const, from: 'default' as const, runsOn: both, usesGpu: true };
    expect(decidePlacement(gpu, { browser: { webgpu: 'software' } }).browserUnmeasured).toBe(true);
    expect(decidePlacement({ ...gpu, setting: 'browser' }, { browser: { webgpu: 'hardware' } }).browserUnmeasured).toBeUndefined();
    expect(decidePlacement({ ...gpu, dataBytes: 300e6 }, { browser: { webgpu: 'software' } }).browserUnmeasured).toBeUndefined();
    const speeds = [{ backend: 'wasm' as const, stepMs: 1, macNs: 0, setupMs: 1 }];
    expect(decidePlacement(gpu, { browser: { webgpu: 'software', speeds } }).browserUnmeasured).toBeUndefined();
    expect(decidePlacement(gpu, {}).browserUnmeasured).toBeUndefined();
    expect(decidePlacement({ ...gpu, usesGpu: false }, { browser: { webgpu: 'software' } }).browserUnmeasured).toBeUndefined();
    expect(decidePlacement({ ...gpu, runsOn: ['server'] }, { browser: { webgpu: 'software' } }).browserUnmeasured).toBeUndefined();
  });

  it('keeps data over the browser limit on the server, even for GPU training', () => {
    const d = decidePlacement({ setting: 'auto', from: 'default', runsOn: both, usesGpu: true, dataBytes: 300 * 2 ** 20 }, { ...hardware, browserMaxBytes: 200 * 2 ** 20 });
    expect(d).toEqual({ placement: 'server', reason: 'Runs on the server: it depends on 300 MB of data, over the browser limit of 200 MB' });
  });

  it('leaves other steps next to the data on the server', () => {
    expect(decidePlacement({ setting: 'auto', from: 'default', runsOn: both }, hardware).placement).toBe('server');
  });
});
