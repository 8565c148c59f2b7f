// Serves onnxruntime-web's runtime files (the .wasm binaries and their .mjs loaders) from
// node_modules, so the browser needs no CDN. Only the names below are served: a request's name
// picks an entry from this list and is never joined into a path itself.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

const WASM = 'application/wasm';
const SCRIPT = 'text/javascript; charset=utf-8';

/** The runtime files onnxruntime-web exports, by variant: plain (wasm), asyncify (webgpu), jsep, jspi. */
export const ORT_FILES: Readonly<Record<string, string>> = {
  'ort-wasm-simd-threaded.wasm': WASM,
  'ort-wasm-simd-threaded.mjs': SCRIPT,
  'ort-wasm-simd-threaded.asyncify.wasm': WASM,
  'ort-wasm-simd-threaded.asyncify.mjs': SCRIPT,
  'ort-wasm-simd-threaded.jsep.wasm': WASM,
  'ort-wasm-simd-threaded.jsep.mjs': SCRIPT,
  'ort-wasm-simd-threaded.jspi.wasm': WASM,
  'ort-wasm-simd-threaded.jspi.mjs': SCRIPT,
};

function ortDist(): string {
  return path.join(process.cwd(), 'node_modules', 'onnxruntime-web', 'dist');
}

/** The file, 304 when the browser's copy is current, 404 for anything not on the list. */
export async function serveOrtFile(req: Request, name: string, root = ortDist()): Promise<Response> {
  const type = Object.hasOwn(ORT_FILES, name) ? ORT_FILES[name] : undefined;
  if (!type) return Response.json({ error: 'Not an onnxruntime-web runtime file' }, { status: 404 });
  // Only listed names reach here; the ignore comments stop Turbopack tracing the whole project.
  const file = path.join(/*turbopackIgnore: true*/ root, name);
  let size: number;
  let etag: string;
  try {
    const info = await stat(/*turbopackIgnore: true*/ file);
    size = info.size;
    etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  } catch (error) {
    console.error(`[ort-wasm] ${name} is missing from ${root}`, error);
    return Response.json({ error: 'onnxruntime-web is not installed on the server' }, { status: 500 });
  }
  // The names carry no version, so browsers revalidate; an unchanged file costs a 304.
  const headers = { 'content-type': type, etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  if (req.method === 'HEAD') return new Response(null, { headers: { ...headers, 'content-length': String(size) } });
  const body = Readable.toWeb(createReadStream(/*turbopackIgnore: true*/ file)) as ReadableStream<Uint8Array>;
  return new Response(body, { headers: { ...headers, 'content-length': String(size) } });
}
