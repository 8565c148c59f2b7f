// The step pool's threads (compiled step worker, or tsx): a step's lines reach its hooks, and a
// stop reaches the step whether it comes while the step runs or before its thread takes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanStep } from '../../engine/plan';
import { encodeValue } from '../../nodes/codec';
import { tableValue } from '../../nodes/table/column-schema';
import { tableFromColumns } from '../../nodes/table/table-from-columns';
import { writeArtifactBytes } from '../store/artifact-files';
import { StepWorkerPool } from './worker-pool';

let dataDir: string;
let pool: StepWorkerPool;
let inputId: string;

const sleep = (id: string, ms: number): PlanStep => ({
  id, type: 'testing/sleep', version: 1, params: { ms, spin: false }, inputs: {}, outputs: { table: 'table' }, placement: 'server', deterministic: true, cacheKey: null,
});

function hooks(signal = new AbortController().signal) {
  const lines: string[] = [];
  return { lines, hooks: { signal, log: (_level: string, message: string) => lines.push(message), progress: (_f: number, message?: string) => lines.push(message ?? '') } };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pipeworks-pool-'));
  const table = tableValue(tableFromColumns([{ info: { name: 'x', type: 'numeric', role: 'feature' }, values: [1, 2, 3] }]));
  inputId = (await writeArtifactBytes(dataDir, encodeValue(table).bytes)).id;
  pool = new StepWorkerPool({ threads: 1, dataDir, bundledRoot: path.join(process.cwd(), 'nodes'), testNodes: true });
});

afterAll(async () => {
  await pool.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const input = () => ({ table: { id: inputId, kind: 'table' as const, size: 0 } });

describe('StepWorkerPool', () => {
  it("runs a step and hands its progress lines to that step's hooks only", async () => {
    const a = hooks();
    const b = hooks();
    const [done] = await Promise.all([pool.run(sleep('a', 120), input(), a.hooks), pool.run(sleep('b', 0), input(), b.hooks)]);
    expect(done.outputs.table.id).toBe(inputId);
    expect(a.lines.some((line) => /^Slept \d+ of 120 ms$/.test(line))).toBe(true);
    expect(b.lines).toEqual([]);
  });

  it("hands a step every line it sent, its last one too, before the step's result", async () => {
    // The lines and the result travel on different ports; without the thread's end mark the result
    // overtook the last line in about one step of four.
    const spin = (id: string): PlanStep => ({ ...sleep(id, 3), params: { ms: 3, spin: true } });
    for (let i = 0; i < 40; i++) {
      const h = hooks();
      await pool.run(spin(`s${i}`), input(), h.hooks);
      expect(h.lines.at(-1)).toMatch(/^Slept \d+ of 3 ms$/);
    }
  });

  it('stops a running step, and a queued one before its thread takes it', async () => {
    const running = new AbortController();
    const queued = new AbortController();
    const r = hooks(running.signal);
    const first = pool.run(sleep('long', 60_000), input(), r.hooks);
    const second = pool.run(sleep('queued', 60_000), input(), hooks(queued.signal).hooks);
    await expect.poll(() => r.lines.length).toBeGreaterThan(0); // the first is running
    queued.abort(); // one thread: the second is still waiting for it
    running.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    // The thread is free again.
    expect((await pool.run(sleep('after', 0), input(), hooks().hooks)).outputs.table.id).toBe(inputId);
  });
});
