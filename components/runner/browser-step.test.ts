import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StepHooks } from '../../engine/execute-types';
import { sha256Hex } from '../../engine/hash';
import type { NodeDefinition, NodeRegistry } from '../../engine/node-definition';
import type { PlanStep } from '../../engine/plan';
import { encodeValue } from '../../nodes/codec';
import type { PortValue } from '../../nodes/values';
import { memoryArtifactCache } from './artifact-cache';
import { runBrowserStep } from './browser-step';
import type { ServerLink } from './server-link';

const report = (n: number): PortValue => ({ kind: 'report', report: { type: 'test', title: 'Test', value: n } });

/** A node that "trains" on the first backend offered; `failures` says how it fails there. */
function gpuNode(failures: Record<string, Error>): NodeDefinition {
  return {
    type: 'test/gpu', version: 1, title: 'GPU', category: 'train', description: '',
    inputs: [], outputs: [{ name: 'out', kind: 'report' }], params: z.object({}), runsOn: ['browser'], deterministic: true,
    async run({ ctx }) {
      const backend = ctx.ml.backends[0];
      ctx.reportBackend(backend);
      if (failures[backend]) throw failures[backend];
      return { out: report(ctx.ml.backends.length) };
    },
  };
}

function harness(def: NodeDefinition) {
  const uploaded = new Map<string, string>();
  const logs: string[] = [];
  const link: ServerLink = {
    lookupCache: async () => null,
    report: async () => ({ stop: false }),
    runServerStep: async () => { throw new Error('not used'); },
    hasArtifact: async (id) => uploaded.has(id),
    uploadArtifact: async (id, kind) => void uploaded.set(id, kind),
    downloadArtifact: async () => { throw new Error('not used'); },
    readBundled: async () => new Uint8Array(),
  };
  const registry: NodeRegistry = { get: () => def, latestVersion: () => 1, list: () => [def] };
  const deps = { link, cache: memoryArtifactCache(2 ** 20), registry, backends: ['webgpu', 'webgl', 'wasm', 'cpu'], wasmPath: '/tfjs-wasm/' };
  const step: PlanStep = { id: 'train', type: 'test/gpu', version: 1, params: {}, inputs: {}, outputs: { out: 'report' }, placement: 'browser', deterministic: true, cacheKey: null };
  const hooks: StepHooks = { signal: new AbortController().signal, log: (_l, m) => logs.push(m), progress: () => {} };
  return { run: () => runBrowserStep(deps, step, {}, hooks), uploaded, logs, cache: deps.cache };
}

describe('runBrowserStep', () => {
  it('stores and uploads outputs under the hash of their canonical encoding', async () => {
    const h = harness(gpuNode({}));
    const result = await h.run();
    const bytes = encodeValue(report(4)).bytes;
    expect(result).toEqual({ outputs: { out: { id: sha256Hex(bytes), kind: 'report', size: bytes.byteLength, meta: { type: 'test' } } }, backend: 'webgpu' });
    expect(h.uploaded.get(sha256Hex(bytes))).toBe('report');
    expect(await h.cache.has(sha256Hex(bytes))).toBe(true);
  });

  it('re-runs the step on the next backend after a device loss or out-of-memory error, and says why', async () => {
    const h = harness(gpuNode({ webgpu: new Error('GPU device was lost: destroyed'), webgl: Object.assign(new Error('alloc'), { name: 'GPUOutOfMemoryError' }) }));
    const result = await h.run();
    expect(result.backend).toBe('wasm');
    expect(result.backendNote).toMatch(/^webgpu failed mid-step \(GPU device was lost: destroyed\); re-ran the step on webgl; webgl failed mid-step \(alloc\); re-ran the step on wasm$/);
    expect(h.logs.filter((l) => l.includes('re-ran'))).toHaveLength(2);
    // Only the result of the run that finished is kept: two backends fewer were offered to it.
    expect(Object.values(result.outputs)[0].id).toBe(sha256Hex(encodeValue(report(2)).bytes));
  });

  it('never retries an ordinary failure: the step fails with its own message', async () => {
    const h = harness(gpuNode({ webgpu: new Error('Column "amount" is not numeric') }));
    await expect(h.run()).rejects.toThrow('Column "amount" is not numeric');
    expect(h.uploaded.size).toBe(0);
  });
});
