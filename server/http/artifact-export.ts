// A table artifact downloaded as CSV, Parquet or Arrow (GET /api/artifacts/<id>?format=…), behind
// the same session or API-key check as the raw download. CSV streams a slice of rows at a time;
// Parquet is written by DuckDB to a temp file that is streamed and then removed. Arrow is the
// stored artifact itself: the IPC file our codec writes keeps every type, null, dictionary
// (categorical) and millisecond timestamp exactly, plus the column schema in its metadata.
// Parquet runs in a worker thread (parquet-pool.ts): DuckDB is native and never enters the Next bundle.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { didYouMean } from '../../engine/did-you-mean';
import { ARROW_FILE_MEDIA_TYPE } from '../../nodes/codec';
import type { Artifact } from '../db/schema';
import { getEnv } from '../env';
import { CSV_MEDIA_TYPE, tableCsvChunks } from '../export/table-csv';
import { exportParquetInWorker } from '../export/parquet-pool';
import { readArtifactBytes, tempDir } from '../store/artifact-files';
import { decodedArtifact } from '../store/decoded-artifacts';

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
    const value = await decodedArtifact(dataDir, row.id, 'table');
    if (value.kind !== 'table') throw new Error(`Artifact ${row.id} did not decode as a table`);
    const chunks = tableCsvChunks(value.table, value.columns);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    return new Response(body, { headers: attachment(filename('csv'), CSV_MEDIA_TYPE) });
  }
  const dir = tempDir(dataDir);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `export-${randomUUID()}.parquet`);
  try {
    await exportParquetInWorker({ dataDir, id: row.id, file });
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  const stream = createReadStream(file);
  stream.once('close', () => void rm(file, { force: true }));
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { headers: attachment(filename('parquet'), 'application/vnd.apache.parquet') });
}
