// Uploads a file the way the Datasets page does: the raw bytes as the body of one POST.
import { readFileSync } from 'node:fs';
import type { HttpClient } from './trpc-http';

export async function uploadFile(
  client: HttpClient,
  bytes: Uint8Array,
  query: { name: string; filename: string; options?: unknown },
): Promise<{ status: number; body: any }> {
  const params = new URLSearchParams({ name: query.name, filename: query.filename });
  if (query.options) params.set('options', JSON.stringify(query.options));
  const res = await fetch(`${client.baseUrl}/api/datasets/upload?${params}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(client.cookie ? { cookie: client.cookie } : {}) },
    body: Buffer.from(bytes),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

export interface BadFixtures {
  dir: URL;
  /** The limits the fixtures were made for (line-too-long, too-large). */
  limits: { maxUploadMb: number; maxLineKb: number };
  cases: Record<string, { line: number; column?: number; columnName?: string; message: string }>;
}

/** tests/fixtures/csv/bad and what each file's error must say. */
export function badFixtures(): BadFixtures {
  const dir = new URL('../../fixtures/csv/bad/', import.meta.url);
  return { dir, ...JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) };
}
