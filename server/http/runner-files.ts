// Files the browser runner fetches besides artifacts: TF.js's wasm binaries (the machine may have
// no internet, so never a CDN) and the sample datasets bundled with the app. Both are served
// from fixed folders by allow-list or a checked relative path; no request names a file path.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveUser } from '../api/context';
import { bundledRoot } from '../runtime';

const TFJS_WASM = new Set(['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']);

export async function serveTfjsWasm(file: string): Promise<Response> {
  if (!TFJS_WASM.has(file)) return Response.json({ error: 'No such file' }, { status: 404 });
  const bytes = await readFile(path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist', file));
  return new Response(new Uint8Array(bytes), {
    headers: { 'content-type': 'application/wasm', 'cache-control': 'public, max-age=86400' },
  });
}

/** Only the sample datasets (`ingest/samples/<name>.csv`) are served; sign-in required like every route. */
export async function serveBundled(req: Request, parts: string[]): Promise<Response> {
  if (!(await resolveUser(req.headers))) return Response.json({ error: 'Sign in first' }, { status: 401 });
  const relative = parts.join('/');
  if (!/^ingest\/samples\/[a-z0-9-]+\.csv$/.test(relative)) return Response.json({ error: 'No such bundled file' }, { status: 404 });
  try {
    const bytes = await readFile(path.join(bundledRoot(), relative));
    return new Response(new Uint8Array(bytes), { headers: { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'private, max-age=3600' } });
  } catch {
    return Response.json({ error: 'No such bundled file' }, { status: 404 });
  }
}
