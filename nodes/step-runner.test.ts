import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NodeRunError, UserError } from '../engine/errors';
import type { StepHooks } from '../engine/execute-types';
import { sha256Hex } from '../engine/hash';
import type { NodeDefinition, NodeRegistry, NodeRunContext } from '../engine/node-definition';
import type { PlanStep } from '../engine/plan';
import { encodeValue } from './codec';
import { tableValue } from './table/column-schema';
import { tableFromColumns } from './table/table-from-columns';
import { runStep, type RunStepArgs, type StepIo } from './step-runner';
import type { PortValue } from './values';

const report = (n: number): PortValue => ({ kind: 'report', report: { type: 'test', title: 'Test', value: n } });

function node(run: (inputs: Record<string, unknown>, ctx: NodeRunContext) => Promise<Record<string, PortValue>>): NodeDefinition {
  return {
    type: 'test/n', version: 1, title: 'N', category: 'train', description: '',
    inputs: [{ name: 'in', kind: 'report' }], outputs: [{ name: 'out', kind: 'report' }], params: z.object({}), runsOn: ['server', 'browser'], deterministic: true,
    run: ({ inputs, ctx }) => run(inputs, ctx),
  };
}

function setup(def: NodeDefinition | undefined, extra: Partial<RunStepArgs> = {}) {
  const stored = new Map<string, Uint8Array>();
  const input = encodeValue(report(7)).bytes;
  stored.set(sha256Hex(input), input);
  const logs: string[] = [];
  const controller = new AbortController();
  const io: StepIo = {
    readInput: async (ref) => stored.get(ref.id)!,
    writeOutput: async (bytes) => {
      const id = sha256Hex(bytes);
      stored.set(id, bytes);
      return { id, size: bytes.byteLength };
    },
    readBundled: async () => new Uint8Array([1]),
    readArtifact: async (id) => stored.get(id)!,
  };
  const registry: NodeRegistry = { get: () => def, latestVersion: () => 1, list: () => (def ? [def] : []) };
  const step: PlanStep = { id: 'n1', type: 'test/n', version: 1, params: {}, inputs: {}, outputs: { out: 'report' }, placement: 'server', deterministic: true, cacheKey: null };
  const hooks: StepHooks = { signal: controller.signal, log: (_l, m) => logs.push(m), progress: () => {} };
  const args: RunStepArgs = {
    step, registry, io, hooks,
    inputs: { in: { id: sha256Hex(input), kind: 'report', size: input.byteLength } },
    capabilities: { runtime: 'server', ml: { backends: ['wasm', 'cpu'] } },
    ...extra,
  };
  return { run: () => runStep(args), stored, logs, controller };
}

describe('runStep', () => {
  it('decodes inputs, runs the node and stores each output under the hash of its encoding', async () => {
    const h = setup(node(async (inputs, ctx) => {
      ctx.reportBackend('wasm');
      return { out: report(((inputs.in as { report: { value: number } }).report.value) + 1) };
    }));
    const result = await h.run();
    const bytes = encodeValue(report(8)).bytes;
    expect(result).toEqual({ ok: true, backend: 'wasm', outputs: { out: { id: sha256Hex(bytes), size: bytes.byteLength, kind: 'report', meta: { type: 'test' }, mediaType: encodeValue(report(8)).mediaType } } });
    expect(h.stored.get(sha256Hex(bytes))).toEqual(bytes);
  });

  it('reports the peak of the memory sampler only when one is given', async () => {
    let inUse = 100;
    const h = setup(node(async () => {
      inUse = 5000;
      await new Promise((r) => setTimeout(r, 60));
      inUse = 200;
      return { out: report(1) };
    }), { capabilities: { runtime: 'server', ml: { backends: ['cpu'] }, memoryInUse: () => inUse } });
    const result = await h.run();
    expect(result.ok && result.peakMemoryBytes).toBe(5000);
  });

  it('maps errors: UserError → invalid_input, NodeRunError keeps its code, others → node_failed, after a cancel → cancelled', async () => {
    const unexpected: unknown[] = [];
    const cases: [Error, string, boolean][] = [
      [new UserError('Column "x" is missing'), 'invalid_input', false],
      [new NodeRunError('n1', 'artifact_missing', 'gone'), 'artifact_missing', false],
      [new Error('boom'), 'node_failed', false],
      [new Error('stopped midway'), 'cancelled', true],
    ];
    for (const [error, code, cancel] of cases) {
      const h = setup(node(async () => {
        if (cancel) h.controller.abort();
        throw error;
      }), { onUnexpectedError: (e) => unexpected.push(e) });
      const result = await h.run();
      expect(result).toEqual({ ok: false, code, message: code === 'cancelled' ? 'Cancelled' : error.message });
    }
    expect(unexpected).toEqual([cases[2][0]]);
  });

  it('says which node type is unknown, in the runner\'s own words when it gives them', async () => {
    expect(await setup(undefined).run()).toEqual({ ok: false, code: 'invalid_input', message: 'Unknown node type test/n@1' });
    const browser = setup(undefined, { unknownNodeMessage: (t, v) => `reload for ${t}@${v}` });
    expect(await browser.run()).toEqual({ ok: false, code: 'invalid_input', message: 'reload for test/n@1' });
  });

  it('never re-runs on another backend without a fallback, and stores nothing from a failed step', async () => {
    let calls = 0;
    const h = setup(node(async (_inputs, ctx) => {
      calls++;
      ctx.reportBackend(ctx.ml.backends[0]);
      throw new Error('GPU device was lost');
    }));
    const before = h.stored.size;
    expect(await h.run()).toMatchObject({ ok: false, code: 'node_failed' });
    expect(calls).toBe(1);
    expect(h.stored.size).toBe(before);
  });

  it('with a fallback, drops a result computed on a lost device and re-runs on the next backend', async () => {
    let lost: string | null = null;
    const h = setup(node(async (_inputs, ctx) => {
      ctx.reportBackend(ctx.ml.backends[0]);
      if (ctx.ml.backends[0] === 'webgpu') lost = 'destroyed';
      return { out: report(ctx.ml.backends.length) };
    }), {
      capabilities: {
        runtime: 'browser',
        ml: { backends: ['webgpu', 'wasm'] },
        backendFallback: { isBackendFailure: (e) => /GPU device was lost/.test(String(e)), lostReason: () => lost, reset: () => (lost = null) },
      },
    });
    const result = await h.run();
    expect(result).toMatchObject({ ok: true, backend: 'wasm', backendNote: 'webgpu failed mid-step (GPU device was lost while the step ran (destroyed)); re-ran the step on wasm' });
    expect(result.ok && result.outputs.out.id).toBe(sha256Hex(encodeValue(report(1)).bytes));
  });

  it('says in the step log which backend it trained on, and why that order', async () => {
    const h = setup(node(async (_inputs, ctx) => {
      ctx.reportBackend(ctx.ml.backends[0]);
      return { out: report(1) };
    }), { capabilities: { runtime: 'browser', ml: { backends: ['wasm', 'webgpu'] }, backendChoice: 'fastest measured in this browser first (wasm 0.4 s, webgpu 1.8 s)' } });
    expect(await h.run()).toMatchObject({ ok: true, backend: 'wasm' });
    expect(h.logs).toEqual(['Training on TF.js backend wasm: fastest measured in this browser first (wasm 0.4 s, webgpu 1.8 s)']);
    const server = setup(node(async (_inputs, ctx) => (ctx.reportBackend('wasm'), { out: report(1) })));
    await server.run();
    expect(server.logs).toEqual(['Training on TF.js backend wasm']);
  });

  it('keeps an input table handed back unchanged as the input artifact, and encodes one that changed', async () => {
    const table = tableValue(tableFromColumns([{ info: { name: 'x', type: 'numeric', role: 'feature' }, values: [1, 2, 3] }]));
    const bytes = encodeValue(table).bytes;
    const id = sha256Hex(bytes);
    const runOn = async (change: (value: PortValue & { kind: 'table' }) => PortValue) => {
      const written: Uint8Array[] = [];
      const def: NodeDefinition = {
        ...node(async () => ({})),
        inputs: [{ name: 'in', kind: 'table' }],
        outputs: [{ name: 'out', kind: 'table' }],
        run: async ({ inputs }) => ({ out: change(inputs.in as PortValue & { kind: 'table' }) }),
      };
      const h = setup(def, {
        inputs: { in: { id, kind: 'table', size: 0 } },
        io: {
          readInput: async () => bytes,
          readBundled: async () => new Uint8Array(),
          readArtifact: async () => bytes,
          writeOutput: async (b) => (written.push(b), { id: sha256Hex(b), size: b.byteLength }),
        },
      });
      return { result: await h.run(), written };
    };
    const meta = { rows: 3, columns: [{ name: 'x', type: 'numeric', role: 'feature' }] };
    const same = await runOn((value) => value);
    // The size is the stored bytes', not the reference's (which said 0 here).
    expect(same.result).toEqual({ ok: true, outputs: { out: { id, size: bytes.byteLength, kind: 'table', meta, mediaType: encodeValue(table).mediaType } } });
    expect(same.written).toEqual([]);
    // An equal value in a new object, or the same object with its schema changed, is encoded again.
    const copy = await runOn((value) => ({ ...value }));
    expect(copy.result).toMatchObject({ ok: true, outputs: { out: { id } } });
    expect(copy.written).toHaveLength(1);
    const retargeted = await runOn((value) => ((value.columns[0].role = 'target'), value));
    expect(retargeted.result).toMatchObject({ ok: true, outputs: { out: { meta: { columns: [{ role: 'target' }] } } } });
    expect(retargeted.result.ok && retargeted.result.outputs.out.id).not.toBe(id);
    expect(retargeted.written).toHaveLength(1);
  });
});
