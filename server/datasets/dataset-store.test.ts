import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../db/test-db';
import { datasetIssues, datasetSourceEnv } from '../pipelines/dataset-sources';
import { serverRegistry } from '../pipelines/registry';
import { isVersionOf, latestHashByName, recordDatasetVersion } from './dataset-store';
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
  it('numbers versions, skips a re-upload of the latest table, and keeps an older table as a new version', () => {
    const add = (hash: string) => recordDatasetVersion(t.db, { name: 'sales', filename: 's.csv', userId: null, table: table(hash) });
    expect(add('a')).toMatchObject({ created: true, version: { version: 1 } });
    expect(add('a')).toMatchObject({ created: false, version: { version: 1 } });
    expect(add('b')).toMatchObject({ created: true, version: { version: 2 } });
    expect(add('a')).toMatchObject({ created: true, version: { version: 3 } });
    expect(latestHashByName(t.db, 'sales')).toBe('a'.repeat(64));
    expect(isVersionOf(t.db, 'sales', 'b'.repeat(64))).toBe(true);
    expect(isVersionOf(t.db, 'other', 'b'.repeat(64))).toBe(false);
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

  it('gives each name its latest hash and an issue per missing name or foreign version', () => {
    recordDatasetVersion(t.db, { name: 'sales', filename: 's.csv', userId: null, table: table('c') });
    const env = datasetSourceEnv(t.db);
    expect(env.datasetHash!('sales')).toBe('c'.repeat(64));
    expect(env.datasetHash!('nope')).toBeUndefined();
    const issues = (params: Record<string, unknown>) => datasetIssues(t.db, doc(params), serverRegistry(), env).map((i) => [i.field, i.message]);
    expect(issues({ name: 'sales' })).toEqual([]);
    expect(issues({ name: 'sales', version: 'c'.repeat(64) })).toEqual([]);
    expect(issues({})).toEqual([['params.name', 'Node "d" (Dataset): choose a dataset by name']]);
    expect(issues({ name: 'nope' })).toEqual([['params.name', 'Node "d" (Dataset): there is no dataset named "nope". Upload it on the Datasets page.']]);
    expect(issues({ name: 'Saels' })).toEqual([['params.name', 'Node "d" (Dataset): there is no dataset named "Saels". Did you mean "sales"?']]);
    expect(issues({ name: 'sales', version: 'd'.repeat(64) })[0][0]).toBe('params.version');
  });
});
