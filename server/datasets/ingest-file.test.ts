import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeValue } from '../../nodes/codec';
import { csvOptions, DEFAULT_LIMITS } from '../../nodes/ingest/csv/csv-options';
import { readCsvBytes } from '../../nodes/ingest/parse-csv';
import { makeTempDir } from '../db/test-db';
import { parseEnv } from '../env';
import { ingestLimits } from './ingest-limits';
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

  // Issue 14, finding 2: a 20 KB Parquet file of constant columns held 25 million rows and became an
  // 800 MB artifact. With the default limits it is refused from its footer, before a row is read.
  it('refuses a Parquet decompression bomb by its footer with the default limits, naming the limit', async () => {
    const file = path.join(dir, 'bomb.parquet');
    await writeParquet(file, `SELECT 1.0::DOUBLE AS a, 2.0::DOUBLE AS b, 3.0::DOUBLE AS c, 4.0::DOUBLE AS d FROM range(25000000)`);
    const limits = ingestLimits(parseEnv({}));
    const before = process.memoryUsage().rss;
    await expect(ingestFile({ ...request(file), limits })).rejects.toThrow(
      'The file holds 25,000,000 rows, more than the 10,000,000 rows limit (PIPEWORKS_MAX_ROWS)',
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    await expect(ingestFile({ ...request(file), limits: { ...limits, maxRows: undefined } })).rejects.toThrow(
      'The file holds 100,000,000 cells, more than the 50,000,000 cells limit (PIPEWORKS_MAX_CELLS)',
    );
    const decodedOnly = { ...limits, maxRows: undefined, maxCells: undefined, maxDecodedBytes: 512 * 1024 * 1024 };
    await expect(ingestFile({ ...request(file), limits: decodedOnly })).rejects.toThrow(
      'The table would take 762.94 MB, more than the 512 MB limit on data once decoded (PIPEWORKS_MAX_DECODED_MB)',
    );
  }, 60_000); // DuckDB writes 25 million constant rows into the bomb: seconds on a loaded 2-core machine.

  it('counts Parquet strings as they stream and stops at the decoded-size limit', async () => {
    const file = path.join(dir, 'text.parquet');
    await writeParquet(file, `SELECT repeat('x', 1000) AS s FROM range(5000)`);
    const error = await ingestFile({ ...request(file), limits: { ...DEFAULT_LIMITS, maxDecodedBytes: 1024 * 1024 } }).then(
      () => new Error('accepted'),
      (e: Error) => e,
    );
    expect(error.message).toBe('The table would take more than the 1 MB limit on data once decoded (PIPEWORKS_MAX_DECODED_MB)');
    expect(await ingestFile({ ...request(file), limits: { ...DEFAULT_LIMITS, maxDecodedBytes: 10 * 1024 * 1024 } })).toMatchObject({ rows: 5000 });
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

async function writeParquet(file: string, select: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
