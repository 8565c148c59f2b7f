// One file on disk → a stored Arrow table: the import shared by the upload worker and the CLI.
// CSV goes through the isomorphic reader in nodes/ingest/csv, Parquet through DuckDB.
import { open, stat } from 'node:fs/promises';
import { RecordBatchFileWriter } from 'apache-arrow';
import { UserError } from '../../engine/errors';
import { readCsv } from '../../nodes/ingest/csv/read-csv';
import type { CsvLimits, CsvOptions } from '../../nodes/ingest/csv/csv-options';
import { tooLargeError } from '../../nodes/ingest/csv/csv-error';
import { withColumnSchema } from '../../nodes/table/column-schema';
import type { ColumnInfo } from '../../nodes/values';
import type { DatasetFormat } from '../db/schema';
import { writeArtifactStream } from '../store/artifact-files';
import { fileChunks } from './file-chunks';
import { readParquet } from './read-parquet';

export interface IngestRequest {
  /** A path the server chose, or one the local CLI user named; never a path from an HTTP request. */
  file: string;
  /** The name the user knows the file by; decides nothing but the format hint. */
  filename: string;
  options: CsvOptions;
  limits: CsvLimits;
  dataDir: string;
}

export interface IngestedTable {
  artifactId: string;
  artifactSize: number;
  rows: number;
  columns: ColumnInfo[];
  format: DatasetFormat;
  sourceSize: number;
  /** The options as applied (the delimiter found, for CSV). */
  options: Record<string, unknown>;
}

const PARQUET_MAGIC = 'PAR1';

export async function detectFormat(file: string, filename: string): Promise<DatasetFormat> {
  const handle = await open(file, 'r');
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (head.toString('latin1') === PARQUET_MAGIC) return 'parquet';
  if (/\.parquet$/i.test(filename)) throw new UserError(`"${filename}" is named .parquet but is not a Parquet file (it does not start with PAR1)`);
  return 'csv';
}

export async function ingestFile(request: IngestRequest): Promise<IngestedTable> {
  const { file, filename, options, limits, dataDir } = request;
  const sourceSize = (await stat(file)).size;
  const format = await detectFormat(file, filename);
  if (format === 'parquet') {
    if (limits.maxBytes !== undefined && sourceSize > limits.maxBytes) throw tooLargeError(limits.maxBytes);
    const { table, columns, rows } = await readParquet(file, limits);
    return { ...(await store(dataDir, table, columns)), rows, columns, format, sourceSize, options: {} };
  }
  const parsed = await readCsv(() => fileChunks(file), { options, limits, sizeHint: sourceSize });
  const applied = { ...options, delimiter: parsed.delimiter };
  return { ...(await store(dataDir, parsed.table, parsed.columns)), rows: parsed.rows, columns: parsed.columns, format, sourceSize, options: applied };
}

/** Streams the IPC file into the store, byte for byte what nodes/codec.ts would encode. */
async function store(dataDir: string, table: Parameters<typeof withColumnSchema>[0], columns: ColumnInfo[]) {
  const writer = RecordBatchFileWriter.writeAll(withColumnSchema(table, columns));
  const { id, size } = await writeArtifactStream(dataDir, writer);
  return { artifactId: id, artifactSize: size };
}
