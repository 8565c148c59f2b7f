import { tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../engine/hash';
import { fakeContext } from '../testing/fake-context';
import { encodeValue } from '../codec';
import { inferredAndRun } from '../testing/output-columns-kit';
import { datasetNode } from './dataset.node.ts';
import { readCsvBytes } from './parse-csv';

async function storedTable() {
  const { table, columns } = await readCsvBytes(new TextEncoder().encode('x,y\n1,a\n2,b\n'));
  const bytes = encodeValue({ kind: 'table', table, columns }).bytes;
  return { bytes, hash: sha256Hex(bytes) };
}

describe('ingest/dataset', () => {
  it('keys on the pinned hash, or on the latest version the environment knows', () => {
    const pinned = 'a'.repeat(64);
    const env = { datasetHash: (name: string) => (name === 'sales' ? 'b'.repeat(64) : undefined) };
    expect(datasetNode.sourceKey!({ name: 'sales', version: pinned }, env)).toBe(pinned);
    expect(datasetNode.sourceKey!({ name: 'sales', version: 'latest' }, env)).toBe('b'.repeat(64));
    expect(datasetNode.sourceKey!({ name: 'other', version: 'latest' }, env)).toBeNull();
    expect(datasetNode.sourceKey!({ name: 'sales', version: 'latest' }, {})).toBeNull();
  });

  it('refuses a version that is neither "latest" nor a hash', () => {
    expect(datasetNode.params.safeParse({ name: 'sales', version: 'v2' }).success).toBe(false);
    expect(datasetNode.params.parse({ name: ' sales ' })).toEqual({ name: 'sales', version: 'latest' });
    expect(datasetNode.params.parse({})).toEqual({ name: '', version: 'latest' });
  });

  it('reads the version compile resolved, and returns its table unchanged', async () => {
    const { bytes, hash } = await storedTable();
    const ctx = fakeContext({ artifacts: { [hash]: bytes }, sourceKey: hash });
    const out = await datasetNode.run({ inputs: {}, params: { name: 'sales', version: 'latest' }, ctx });
    const table = out.table;
    if (table.kind !== 'table') throw new Error('expected a table');
    expect(table.table.numRows).toBe(2);
    expect(sha256Hex(tableToIPC(table.table, 'file'))).toBe(hash);
    expect(ctx.logs[0].message).toMatch(/2 rows, 2 columns/);
  });

  it('says so when the dataset has no version', async () => {
    const ctx = fakeContext({ sourceKey: null });
    await expect(datasetNode.run({ inputs: {}, params: { name: 'sales', version: 'latest' }, ctx })).rejects.toThrow(/no version yet/);
  });
});

describe('ingest/dataset columns before running', () => {
  it('match a run: the stored version\'s columns, asked for by name and pinned hash', async () => {
    const { bytes, hash } = await storedTable();
    const { columns } = await readCsvBytes(new TextEncoder().encode('x,y\n1,a\n2,b\n'));
    const asked: [string, string | undefined][] = [];
    const env = {
      datasetColumns: (name: string, version?: string) => (asked.push([name, version]), name === 'sales' ? columns : undefined),
    };
    const ctx = fakeContext({ artifacts: { [hash]: bytes }, sourceKey: hash });
    const { inferred, ran } = await inferredAndRun(datasetNode, { name: 'sales' }, {}, { env, ctx });
    expect(inferred).toEqual(ran);
    expect(datasetNode.outputColumns!({ name: 'sales', version: hash }, {}, env)).toEqual(inferred);
    expect(asked).toEqual([['sales', undefined], ['sales', hash]]);
  });

  it('are unknown without a name, for a name the server does not know, or without a server', () => {
    const env = { datasetColumns: () => [{ name: 'x', type: 'numeric', role: 'feature' }] };
    expect(datasetNode.outputColumns!({ name: '', version: 'latest' }, {}, env)).toEqual({ table: null });
    expect(datasetNode.outputColumns!({ name: 'sales', version: 'latest' }, {}, { datasetColumns: () => undefined })).toEqual({ table: null });
    expect(datasetNode.outputColumns!({ name: 'sales', version: 'latest' }, {}, {})).toEqual({ table: null });
  });
});
