import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORT_FILES, serveOrtFile } from './ort-wasm';

const get = (headers: Record<string, string> = {}, method = 'GET') => new Request('http://127.0.0.1/ort-wasm/x', { method, headers });

describe('serveOrtFile', () => {
  it('serves every listed file of the installed onnxruntime-web with its media type', async () => {
    for (const name of Object.keys(ORT_FILES)) {
      const res = await serveOrtFile(get({}, 'HEAD'), name);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toBe(name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8');
      expect(Number(res.headers.get('content-length'))).toBeGreaterThan(1000);
    }
  });

  it('sends the bytes, and a 304 when the browser has them', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ort-wasm-'));
    writeFileSync(path.join(root, 'ort-wasm-simd-threaded.wasm'), Uint8Array.of(0, 97, 115, 109));
    const res = await serveOrtFile(get(), 'ort-wasm-simd-threaded.wasm', root);
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0, 97, 115, 109]);
    const again = await serveOrtFile(get({ 'if-none-match': res.headers.get('etag') ?? '' }), 'ort-wasm-simd-threaded.wasm', root);
    expect(again.status).toBe(304);
  });

  it('refuses names that are not on the list, paths included', async () => {
    for (const name of ['ort.min.mjs', '../package.json', '..%2Fpackage.json', 'constructor', '__proto__', '']) {
      expect((await serveOrtFile(get(), name)).status, name).toBe(404);
    }
  });

  it('says so when the package is missing', async () => {
    const res = await serveOrtFile(get(), 'ort-wasm-simd-threaded.mjs', path.join(tmpdir(), 'no-such-dir-ort'));
    expect(res.status).toBe(500);
  });
});
