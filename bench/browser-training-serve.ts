// Serves the browser bench: the worker bundled by esbuild into a temp folder, a page that starts
// one worker per call of `runBackend(request)`, and tfjs-backend-wasm's .wasm files under /wasm/.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

export interface BenchSite {
  url: string;
  /** The prefix to pass as ml.wasmPath in the page. */
  wasmPath: string;
  close(): Promise<void>;
}

export const WASM_DIR = path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');

// The worker's reply is returned as is; a worker that dies (an uncaught error, a lost GPU) gives
// a 'failed' reply instead of a page that waits for ever.
const PAGE = `<!doctype html><meta charset="utf-8"><title>Pipeworks browser training bench</title>
<script>
window.runBackend = (request) => new Promise((resolve) => {
  const worker = new Worker('/worker.js');
  const done = (reply) => { worker.terminate(); resolve(reply); };
  worker.onmessage = (event) => done(event.data);
  worker.onerror = (event) => done({ backend: request.backend, status: 'failed', reason: 'worker error: ' + event.message });
  worker.postMessage(request);
});
</script>`;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

/** The bench's Web Worker as one browser script. */
export async function bundleWorker(outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(import.meta.dirname, 'browser-training-worker.ts')],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  });
}

export async function serveBenchSite(): Promise<BenchSite> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pipeworks-browser-bench-'));
  await bundleWorker(path.join(dir, 'worker.js'));
  const fileFor = (pathname: string): string | undefined => {
    if (pathname === '/worker.js') return path.join(dir, 'worker.js');
    const wasm = /^\/wasm\/([\w.-]+\.wasm)$/.exec(pathname);
    return wasm ? path.join(WASM_DIR, wasm[1]) : undefined;
  };
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname === '/') return void res.writeHead(200, { 'content-type': TYPES['.html'] }).end(PAGE);
    const file = fileFor(pathname);
    if (!file) return void res.writeHead(404).end();
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[path.extname(file)] }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    wasmPath: `${url}/wasm/`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
