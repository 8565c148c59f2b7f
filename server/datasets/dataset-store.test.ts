import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../db/test-db';
import { CompileSources } from '../pipelines/compile-sources';
import { datasetColumnsEnv, datasetIssues, datasetSourceEnv } from '../pipelines/dataset-sources';
import { serverRegistry } from '../pipelines/registry';
import { latestHashByName, recordDatasetVersion } from './dataset-store';
import type { IngestedTable } from './ingest-file';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.cleanup());

const table = (hash: string, rows = 3): IngestedTable => ({
  artifactId: hash.repeat(64).slice(0, 64),
  artifactSize: 100,
  rows,
  columns: [{ name: 'x', type: 'numeric', role: 'feature' }],
  format: 'csv',
  sourceSize: 10,
  options: { delimiter: ',' },
});

describe('recordDatasetVersion', () => {
  it('numbers versions, skips a re-upload of the latest table, and keeps an older table as a new version', async () => {
    const add = (hash: string) => recordDatasetVersion(t.anyDb, { name: 'sales', filename: 's.csv', userId: null, table: table(hash) });
    expect(await add('a')).toMatchObject({ created: true, version: { version: 1 } });
    expect(await add('a')).toMatchObject({ created: false, version: { version: 1 } });
    expect(await add('b')).toMatchObject({ created: true, version: { version: 2 } });
    expect(await add('a')).toMatchObject({ created: true, version: { version: 3 } });
    expect(await latestHashByName(t.anyDb, 'sales')).toBe('a'.repeat(64));
    expect(await latestHashByName(t.anyDb, 'other')).toBeUndefined();
  });
});

describe('dataset sources for compile', () => {
  const doc = (params: Record<string, unknown>) => ({
    schemaVersion: 1 as const,
    id: 'p',
    name: 'p',
    nodes: [{ id: 'd', type: 'ingest/dataset', version: 1, params, position: { x: 0, y: 0 } }],
    edges: [],
  });

  const sourcesFor = async (params: Record<string, unknown>) => {
    const d = doc(params);
    return { d, sources: await CompileSources.prefetch(t.anyDb, d, serverRegistry()) };
  };

  it('gives each name its latest hash and an issue per missing name or foreign version', async () => {
    await recordDatasetVersion(t.anyDb, { name: 'sales', filename: 's.csv', userId: null, table: table('c') });
    const issues = async (params: Record<string, unknown>) => {
      const { d, sources } = await sourcesFor(params);
      return datasetIssues(sources, d, serverRegistry(), datasetSourceEnv(sources)).map((i) => [i.field, i.message]);
    };
    const { sources } = await sourcesFor({ name: 'sales' });
    expect(datasetSourceEnv(sources).datasetHash!('sales')).toBe('c'.repeat(64));
    expect(await issues({ name: 'sales' })).toEqual([]);
    expect(await issues({ name: 'sales', version: 'c'.repeat(64) })).toEqual([]);
    expect(await issues({})).toEqual([['params.name', 'Node "d" (Dataset): choose a dataset by name']]);
    expect(await issues({ name: 'nope' })).toEqual([['params.name', 'Node "d" (Dataset): there is no dataset named "nope". Upload it on the Datasets page.']]);
    expect(await issues({ name: 'Saels' })).toEqual([['params.name', 'Node "d" (Dataset): there is no dataset named "Saels". Did you mean "sales"?']]);
    expect((await issues({ name: 'sales', version: 'd'.repeat(64) }))[0][0]).toBe('params.version');
  });

  it('answers size, shape and columns of the latest or a pinned version, and asks for nothing more once prefetched', async () => {
    const V1 = [{ name: 'a', type: 'numeric' as const, role: 'feature' as const }];
    const V2 = [...V1, { name: 'b', type: 'text' as const, role: 'feature' as const }];
    await recordDatasetVersion(t.anyDb, { name: 'sales', filename: 's.csv', userId: null, table: { ...table('e', 5), columns: V1, artifactSize: 50 } });
    await recordDatasetVersion(t.anyDb, { name: 'sales', filename: 's.csv', userId: null, table: { ...table('f', 7), columns: V2, artifactSize: 70 } });
    const { sources } = await sourcesFor({ name: 'sales', version: 'e'.repeat(64) });
    const env = datasetSourceEnv(sources);
    const columns = datasetColumnsEnv(sources);
    expect([env.datasetBytes!('sales'), env.datasetShape!('sales'), columns.datasetColumns!('sales')]).toEqual([70, { rows: 7, columns: 2 }, V2]);
    expect([env.datasetBytes!('sales', 'e'.repeat(64)), env.datasetShape!('sales', 'e'.repeat(64)), columns.datasetColumns!('sales', 'e'.repeat(64))]).toEqual([50, { rows: 5, columns: 1 }, V1]);
    expect(await sources.fetchMissed()).toBe(false);
    // Not foreseen: answered "unknown" now, read by fetchMissed, and known on the next ask.
    expect(env.datasetHash!('other')).toBeUndefined();
    await recordDatasetVersion(t.anyDb, { name: 'other', filename: 'o.csv', userId: null, table: table('9') });
    expect(await sources.fetchMissed()).toBe(true);
    expect(env.datasetHash!('other')).toBe('9'.repeat(64));
    expect(await sources.fetchMissed()).toBe(false);
  });

  it('reads a pinned version instead of the latest', async () => {
    await recordDatasetVersion(t.anyDb, { name: 'sales', filename: 's.csv', userId: null, table: table('1') });
    await recordDatasetVersion(t.anyDb, { name: 'sales', filename: 's.csv', userId: null, table: table('2', 9) });
    const d = doc({ name: 'sales' });
    const sources = await CompileSources.prefetch(t.anyDb, d, serverRegistry(), new Map([['sales', '1'.repeat(64)]]));
    const env = datasetSourceEnv(sources);
    expect([env.datasetHash!('sales'), env.datasetShape!('sales')]).toEqual(['1'.repeat(64), { rows: 3, columns: 1 }]);
    expect(await sources.fetchMissed()).toBe(false);
  });
});
