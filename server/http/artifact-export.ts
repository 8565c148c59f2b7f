// A table artifact downloaded as CSV, Parquet or Arrow (GET /api/artifacts/<id>?format=…), behind
// the same session or API-key check as the raw download. CSV and Parquet are written to a temp
// file in a worker thread (decoding and encoding a large table would stall the serving thread),
// then streamed and removed (CSV in artifact-pool.ts; Parquet in parquet-pool.ts, since DuckDB is
// native and never enters the Next bundle). Arrow is the stored artifact itself: the IPC file our
// codec writes keeps every type, null, dictionary (categorical) and millisecond timestamp exactly,
// plus the column schema in its metadata.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { didYouMean } from '../../engine/did-you-mean';
import { ARROW_FILE_MEDIA_TYPE } from '../../nodes/codec';
import type { Artifact } from '../db/schema';
import { getEnv } from '../env';
import { CSV_MEDIA_TYPE } from '../export/table-csv';
import { exportParquetInWorker } from '../export/parquet-pool';
import { readArtifactBytes, tempDir } from '../store/artifact-files';
import { exportCsvInWorker } from '../store/artifact-pool';

export const EXPORT_FORMATS = ['csv', 'parquet', 'arrow', 'onnx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The format asked for, or a 400 naming the choices (and the likely one). */
export function exportFormat(raw: string): ExportFormat | Response {
  const format = raw.toLowerCase();
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  return Response.json(
    { error: `Unknown export format "${raw}"; choose csv, parquet or arrow for a table, onnx for a model.${didYouMean(raw, EXPORT_FORMATS)}` },
    { status: 400 },
  );
}

/** A download name from the caller's hint (letters, digits, . _ - and spaces), else the artifact id. */
export function downloadName(hint: string | null, id: string, extension: string): string {
  const cleaned = (hint ?? '').replace(/[^A-Za-z0-9._ -]+/g, '-').replace(/^[.\s-]+|[.\s-]+$/g, '').slice(0, 100);
  return `${cleaned || id.slice(0, 16)}.${extension}`;
}

export function attachment(name: string, mediaType: string): HeadersInit {
  return { 'content-type': mediaType, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' };
}

export async function exportTable(row: Artifact, format: Exclude<ExportFormat, 'onnx'>, nameHint: string | null): Promise<Response> {
  if (row.kind !== 'table') {
    return Response.json({ error: `Only tables export as CSV, Parquet or Arrow; this is a ${row.kind} artifact` }, { status: 400 });
  }
  const dataDir = getEnv().PIPEWORKS_DATA_DIR;
  const filename = (extension: string) => downloadName(nameHint, row.id, extension);
  if (format === 'arrow') {
    const bytes = await readArtifactBytes(dataDir, row.id);
    return new Response(Buffer.from(bytes), { headers: attachment(filename('arrow'), ARROW_FILE_MEDIA_TYPE) });
  }
  if (format === 'csv') {
    return streamTempFile(dataDir, 'csv', (file) => exportCsvInWorker(dataDir, row.id, file), attachment(filename('csv'), CSV_MEDIA_TYPE));
  }
  return streamTempFile(dataDir, 'parquet', (file) => exportParquetInWorker({ dataDir, id: row.id, file }), attachment(filename('parquet'), 'application/vnd.apache.parquet'));
}

/** A file a worker thread writes into the temp folder, streamed out and removed once sent. */
async function streamTempFile(dataDir: string, extension: string, write: (file: string) => Promise<void>, headers: HeadersInit): Promise<Response> {
  const dir = tempDir(dataDir);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `export-${randomUUID()}.${extension}`);
  try {
    await write(file);
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  const stream = createReadStream(file);
  stream.once('close', () => void rm(file, { force: true }));
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { headers });
}
