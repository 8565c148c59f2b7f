import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeValue } from '../../nodes/codec';
import { csvOptions, DEFAULT_LIMITS } from '../../nodes/ingest/csv/csv-options';
import { readCsvBytes } from '../../nodes/ingest/parse-csv';
import { makeTempDir } from '../db/test-db';
import { readArtifactBytes, sha256Hex } from '../store/artifact-files';
import { ingestFile } from './ingest-file';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('pipeworks-ingest-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const request = (file: string, filename = path.basename(file), maxBytes?: number) => ({
  file,
  filename,
  options: csvOptions(),
  limits: { ...DEFAULT_LIMITS, maxBytes },
  dataDir: dir,
});

describe('ingestFile', () => {
  it('stores a CSV as exactly the bytes the codec would encode for its table', async () => {
    const text = 'a;b\n1;x\n2;y\n';
    const file = path.join(dir, 'in.csv');
    writeFileSync(file, text);
    const result = await ingestFile(request(file));
    expect(result).toMatchObject({ rows: 2, format: 'csv', sourceSize: text.length, options: { delimiter: ';' } });
    const { table, columns } = await readCsvBytes(new TextEncoder().encode(text));
    expect(result.artifactId).toBe(sha256Hex(encodeValue({ kind: 'table', table, columns }).bytes));
    expect((await readArtifactBytes(dir, result.artifactId)).length).toBe(result.artifactSize);
  });

  it('reads Parquet by its magic bytes, whatever the file is called, and checks its size', async () => {
    const file = path.join(dir, 'upload.bin');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT range AS n, 'v' || range AS s FROM range(3)) TO '${file}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    expect(await ingestFile(request(file, 'data.bin'))).toMatchObject({ rows: 3, format: 'parquet' });
    await expect(ingestFile(request(file, 'data.parquet', 10))).rejects.toThrow(/larger than the 10 bytes limit/);
  });

  it('refuses a .parquet name on a file that is not Parquet, and a corrupt Parquet file', async () => {
    const csv = path.join(dir, 'x');
    writeFileSync(csv, 'a\n1\n');
    await expect(ingestFile(request(csv, 'x.parquet'))).rejects.toThrow(/"x.parquet" is named \.parquet but is not a Parquet file/);
    const broken = path.join(dir, 'broken');
    writeFileSync(broken, 'PAR1 but nothing else');
    const error = await ingestFile(request(broken, 'b.parquet')).then(
      () => new Error('accepted'),
      (e: Error) => e,
    );
    expect(error.message).toMatch(/^Not a readable Parquet file/);
    expect(error.message).not.toContain(dir);
  });
});
