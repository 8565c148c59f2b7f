import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../db/test-db';
import { forkAsCode } from './fork-as-code';

let t: TestDb;
beforeEach(() => (t = openTestDb()));
afterEach(() => t.cleanup());

function doc(type: string, params: Record<string, unknown>, connected = true) {
  return {
    schemaVersion: 1,
    id: 'p1',
    name: 'P1',
    nodes: [
      { id: 'load', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'breast-cancer' }, position: { x: 0, y: 0 } },
      { id: 'step', type, version: 1, label: 'Big tumours', params, position: { x: 200, y: 0 } },
    ],
    edges: connected ? [{ id: 'e1', source: 'load', sourceHandle: 'table', target: 'step', targetHandle: 'table' }] : [],
  };
}

describe('forkAsCode', () => {
  it('writes a code/transform with the node\'s params in its code and its output columns declared', async () => {
    const forked = await forkAsCode(t.anyDb, { doc: doc('clean/filter-rows', { conditions: [{ column: 'mean_radius', op: 'gt', value: 15 }] }), nodeId: 'step' });
    expect(forked).toMatchObject({ type: 'code/transform', version: 1, label: 'Big tumours (code)' });
    expect(forked.params.code).toContain('cols["mean_radius"][i]; return !isMissing(v) && v > 15;');
    expect(forked.params.outputColumns.map((c) => c.name)).toContain('mean_radius');
    const renamed = await forkAsCode(t.anyDb, { doc: doc('clean/rename-columns', { renames: [{ from: 'mean_radius', to: 'radius' }] }), nodeId: 'step' });
    expect(renamed.params.outputColumns.map((c) => c.name)).toContain('radius');
  });

  it('refuses what it cannot write, saying why: the node\'s own param errors, unknown columns, no equivalent', async () => {
    await expect(forkAsCode(t.anyDb, { doc: doc('clean/filter-rows', { conditions: [{ column: 'mean_radus', op: 'gt', value: 15 }] }), nodeId: 'step' })).rejects.toThrow(
      /Column "mean_radus" is not in the table/,
    );
    await expect(forkAsCode(t.anyDb, { doc: doc('clean/filter-rows', {}, false), nodeId: 'step' })).rejects.toThrow(/not known before a run/);
    await expect(forkAsCode(t.anyDb, { doc: doc('clean/validate', {}), nodeId: 'step' })).rejects.toThrow(/does not fork as code: .*report/);
    await expect(forkAsCode(t.anyDb, { doc: doc('clean/filter-rows', {}), nodeId: 'nope' })).rejects.toThrow(/no node "nope"/);
  });
});
