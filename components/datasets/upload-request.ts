// Sends a file as the raw request body (the browser streams it from disk), with upload progress.
// XMLHttpRequest rather than fetch: fetch reports no upload progress.
import type { VersionSummary } from '../../server/datasets/version-summary';
import type { UploadOptions } from './upload-options';

export interface UploadSuccess {
  ok: true;
  dataset: { id: string; name: string };
  version: VersionSummary;
  created: boolean;
}

export interface UploadFailure {
  ok: false;
  status: number;
  message: string;
  line?: number;
  column?: number;
  columnName?: string;
}

export type UploadResult = UploadSuccess | UploadFailure;

export function uploadUrl(name: string, filename: string, options: UploadOptions): string {
  const query = new URLSearchParams({ name, filename });
  if (Object.keys(options).length > 0) query.set('options', JSON.stringify(options));
  return `/api/datasets/upload?${query}`;
}

export function uploadDataset(file: File, name: string, options: UploadOptions, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', uploadUrl(name, file.name, options));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onerror = () => resolve({ ok: false, status: 0, message: 'The server could not be reached' });
    xhr.onload = () => resolve(readResponse(xhr.status, xhr.responseText));
    xhr.send(file);
  });
}

export function readResponse(status: number, text: string): UploadResult {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: fall through to a generic message
  }
  if (status === 200 && body.version) return { ok: true, ...(body as Omit<UploadSuccess, 'ok'>) };
  const message = typeof body.error === 'string' ? body.error : `The upload failed (HTTP ${status})`;
  const number = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return { ok: false, status, message, line: number(body.line), column: number(body.column), columnName: typeof body.columnName === 'string' ? body.columnName : undefined };
}
