// Path traversal: hundreds of payloads (../ in every spelling, absolute paths, /proc/self/root,
// NUL bytes, Unicode dots, overlong ids) against every route, page and read procedure that takes
// an id or a file name, signed in as an admin so each reaches its handler. No response may carry
// a file from outside the store, and none may be a 500.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attack, idQueries, type AttackReport } from './helpers/traversal-attack';
import { CANARY, traversalPayloads } from './helpers/traversal-payloads';
import { HttpClient } from './helpers/trpc-http';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';

let server: ServerHandle;
let report: AttackReport;

/** Payloads with a %-escape that is not UTF-8 (e.g. %ff, %c0%ae): they answered 500 before finding 5 was fixed. */
function badEscape(payload: string): boolean {
  try {
    decodeURIComponent(payload);
    return false;
  } catch {
    return true;
  }
}

beforeAll(async () => {
  server = await startServer();
  // A file beside the database, outside the store: the target no payload may reach.
  writeFileSync(path.join(server.dataDir, CANARY.name), CANARY.content);
  const admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
  report = await attack(server.port, admin.cookie, traversalPayloads());
}, 600_000);

afterAll(async () => {
  if (server) await stopServer(server);
});

describe('path traversal', () => {
  it('aims at least 200 payloads at every route, page and procedure that takes an id or a file name', () => {
    expect(report.payloads).toBeGreaterThanOrEqual(200);
    expect(report.endpoints).toEqual(
      expect.arrayContaining(['GET /api/artifacts/[id]', 'PUT /api/artifacts/[id]', 'GET /api/bundled/[...path]', 'GET /ort-wasm/[file]', 'GET /tfjs-wasm/[file]', 'page /pipelines/[id]', 'POST /api/datasets/upload?filename=', 'tRPC batch']),
    );
    expect(idQueries().map((q) => q.path)).toEqual(expect.arrayContaining(['artifact.preview', 'artifact.tableStats', 'dataset.get', 'run.get']));
  });

  it('serves no file from outside the store', () => {
    expect(report.escapes).toEqual([]);
  });

  it('closes the connection only on requests past the header limit, never on ordinary ones', () => {
    expect(report.resets.filter((r) => r.payload.length < 4096).map((r) => `${r.endpoint} ${r.payload}`)).toEqual([]);
  });

  it('never writes a file outside the data directory under an uploaded file name', () => {
    const stray = [server.dataDir, path.dirname(server.dataDir), process.cwd()].flatMap((dir) => readdirSync(dir).filter((f) => /passwd|environ|canary/.test(f) && f !== CANARY.name));
    expect(stray).toEqual([]);
  });

  it('answers no 500 to payloads whose escapes decode', () => {
    expect(report.errors.filter((e) => !badEscape(e.payload))).toEqual([]);
  });

  // Issue 14, finding 5: an invalid %-escape in a path segment
  // (/api/artifacts/%ff) answered 500 before any auth check.
  it('answers no 500 to payloads with escapes that are not UTF-8', () => {
    expect(report.errors.filter((e) => badEscape(e.payload))).toEqual([]);
  });
});
