import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../db/test-db';
import { datasetColumns, datasetColumnsEnv } from './dataset-columns';
import { recordDatasetVersion } from './dataset-store';
import type { IngestedTable } from './ingest-file';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.cleanup());

const hashOf = (letter: string) => letter.repeat(64);
const table = (letter: string, columns: IngestedTable['columns']): IngestedTable => ({
  artifactId: hashOf(letter),
  artifactSize: 100,
  rows: 3,
  columns,
  format: 'csv',
  sourceSize: 10,
  options: {},
});
const V1 = [{ name: 'x', type: 'numeric' as const, role: 'feature' as const }];
const V2 = [...V1, { name: 'y', type: 'categorical' as const, role: 'target' as const }];

describe('datasetColumns', () => {
  beforeEach(() => {
    recordDatasetVersion(t.db, { name: 'sales', filename: 's.csv', userId: null, table: table('a', V1) });
    recordDatasetVersion(t.db, { name: 'sales', filename: 's.csv', userId: null, table: table('b', V2) });
  });

  it('reads the latest version, or the version pinned by its hash', () => {
    expect(datasetColumns(t.db, 'sales')).toEqual(V2);
    expect(datasetColumns(t.db, 'sales', hashOf('a'))).toEqual(V1);
  });

  it('knows nothing of another name, or a hash of another dataset', () => {
    recordDatasetVersion(t.db, { name: 'other', filename: 'o.csv', userId: null, table: table('c', V1) });
    expect(datasetColumns(t.db, 'nope')).toBeUndefined();
    expect(datasetColumns(t.db, 'sales', hashOf('c'))).toBeUndefined();
  });

  it('serves the env from the database', () => {
    const env = datasetColumnsEnv(t.db);
    expect(env.datasetColumns?.('sales')).toEqual(V2);
    expect(env.datasetColumns?.('sales', hashOf('a'))).toEqual(V1);
    expect(env.datasetColumns?.('nope')).toBeUndefined();
  });
});
