// Artifacts handed over by a runner outside the server (the browser runner), against a real
// production server: HEAD says whether an upload is needed, PUT stores verified canonical bytes
// once, and anything else is refused with a reason, never stored, never a crash.
import { createHash } from 'node:crypto';
import { Table, tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeValue, encodeValue } from '../../nodes/codec';
import { tableValue } from '../../nodes/table/column-schema';
import type { TableValue } from '../../nodes/values';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';
import { HttpClient } from './helpers/trpc-http';

let server: ServerHandle;
let admin: HttpClient;
let viewer: HttpClient;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const table = (rows: number) =>
  encodeValue(tableValue(tableFromArrays({ id: Int32Array.from({ length: rows }, (_, i) => i), score: Float64Array.from({ length: rows }, (_, i) => i / 7) }))).bytes;

function put(client: HttpClient, id: string, bytes: Uint8Array | null, kind = 'table') {
  return fetch(`${server.url}/api/artifacts/${id}?kind=${kind}`, { method: 'PUT', headers: { cookie: client.cookie }, body: bytes ? Buffer.from(bytes) : undefined });
}
const head = (client: HttpClient, id: string) => fetch(`${server.url}/api/artifacts/${id}`, { method: 'HEAD', headers: { cookie: client.cookie } });

beforeAll(async () => {
  server = await startServer({ env: { PIPEWORKS_MAX_UPLOAD_MB: '0.05' } });
  admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
  HttpClient.data(await admin.mutate('user.add', { email: 'vic@example.com', name: 'Vic', role: 'viewer', password: 'viewer password 9' }));
  viewer = new HttpClient(server.url);
  HttpClient.data(await viewer.mutate('auth.login', { email: 'vic@example.com', password: 'viewer password 9' }));
});

afterAll(async () => {
  if (server) await stopServer(server);
});

describe('artifact upload', () => {
  it('stores canonical bytes once under their hash, with kind, media type and metadata of its own', async () => {
    const bytes = table(20);
    const id = sha256(bytes);
    expect((await head(admin, id)).status).toBe(404);

    const first = await put(admin, id, bytes);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id, stored: true });
    expect((await head(admin, id)).status).toBe(200);

    const again = await put(admin, id, bytes);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id, stored: false });

    const download = await fetch(`${server.url}/api/artifacts/${id}`, { headers: { cookie: admin.cookie } });
    expect(download.headers.get('content-type')).toBe('application/vnd.apache.arrow.file');
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(id);
  });

  it('knows what a server run produced, so the same output from a browser is not sent again', async () => {
    const { runId } = HttpClient.data(await admin.mutate('run.start', { pipelineId: 'breast-cancer-explore' }));
    let run: any;
    for (let i = 0; i < 300; i++) {
      run = HttpClient.data(await admin.query('run.get', { id: runId }));
      if (['succeeded', 'failed', 'cancelled'].includes(run.status)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(run.status).toBe('succeeded');
    const split = run.steps.find((s: any) => s.stepId === 'split');
    const id = split.outputs.train.id;
    expect((await head(admin, id)).status).toBe(200);
    const bytes = new Uint8Array(await (await fetch(`${server.url}/api/artifacts/${id}`, { headers: { cookie: admin.cookie } })).arrayBuffer());
    const res = await put(admin, id, bytes);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ stored: false });
  });

  it('refuses bytes that do not hash to the id, are not the declared kind, or are not canonical', async () => {
    const bytes = table(5);
    const wrongId = sha256(table(6));
    const damaged = await put(admin, wrongId, bytes);
    expect(damaged.status).toBe(400);
    expect((await damaged.json()).error).toBe(`The bytes sent hash to ${sha256(bytes)}, not to ${wrongId}: the upload was damaged or the id is wrong`);
    expect((await head(admin, wrongId)).status).toBe(404);

    const notJson = await put(admin, sha256(bytes), bytes, 'metrics');
    expect(notJson.status).toBe(422);
    expect((await notJson.json()).error).toMatch(/^The bytes are not a valid metrics artifact: /);

    const spaced = new TextEncoder().encode('{ "auc": 0.9 }');
    const loose = await put(admin, sha256(spaced), spaced, 'metrics');
    expect(loose.status).toBe(422);
    expect((await loose.json()).error).toMatch(/not in the canonical encoding/);
    expect((await head(admin, sha256(spaced))).status).toBe(404);

    const canonical = new TextEncoder().encode('{"auc":0.9}');
    expect((await put(admin, sha256(canonical), canonical, 'metrics')).status).toBe(201);
  });

  it('accepts one encoding per table: the same rows in two record batches are refused with 422, naming why', async () => {
    const value = tableValue(tableFromArrays({ id: Int32Array.from([1, 2, 3, 4]), name: ['a', 'b', 'a', 'c'] }));
    const oneBatch = encodeValue(value).bytes;
    const canonical = decodeValue('table', oneBatch) as TableValue;
    const twoBatches = tableToIPC(new Table(canonical.table.schema, [...canonical.table.slice(0, 2).batches, ...canonical.table.slice(2).batches]), 'file');
    expect(sha256(twoBatches)).not.toBe(sha256(oneBatch));

    const accepted = await put(admin, sha256(oneBatch), oneBatch);
    expect(accepted.status).toBe(201);
    const refused = await put(admin, sha256(twoBatches), twoBatches);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatch(/not in the canonical encoding.*it has 2 record batches; the canonical form has exactly one/);
    expect((await head(admin, sha256(twoBatches))).status).toBe(404);

    // Two empty tables of the same columns: one with an empty batch (canonical), one with none.
    const emptyValue = { ...canonical, table: canonical.table.slice(0, 0) };
    const empty = encodeValue(emptyValue).bytes;
    const noBatch = tableToIPC(new Table((decodeValue('table', empty) as TableValue).table.schema), 'file');
    expect((await put(admin, sha256(empty), empty)).status).toBe(201);
    const noBatchRes = await put(admin, sha256(noBatch), noBatch);
    expect(noBatchRes.status).toBe(422);
    expect((await noBatchRes.json()).error).toMatch(/0 record batches/);
  });

  it('says what is wrong with the request itself', async () => {
    const bytes = table(5);
    const id = sha256(bytes);
    const badId = await put(admin, 'not-a-hash', bytes);
    expect(badId.status).toBe(400);
    expect((await badId.json()).error).toMatch(/64 lowercase hex/);
    const badKind = await put(admin, id, bytes, 'deployment');
    expect(badKind.status).toBe(400);
    expect((await badKind.json()).error).toBe('kind must be one of table, model, metrics, report');
    const empty = await put(admin, id, null);
    expect(empty.status).toBe(400);
    const big = table(5_000);
    const tooBig = await put(admin, sha256(big), big);
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error).toMatch(/upload limit of 0.05 MB/);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('lets only roles that may run pipelines upload, and nobody signed out', async () => {
    const bytes = table(3);
    const id = sha256(bytes);
    const byViewer = await put(viewer, id, bytes);
    expect(byViewer.status).toBe(403);
    expect((await byViewer.json()).error).toBe('Your role (viewer) may not run pipelines, so it may not upload their outputs');
    expect((await head(viewer, id)).status).toBe(403);
    const anonymous = await fetch(`${server.url}/api/artifacts/${id}?kind=table`, { method: 'PUT', body: Buffer.from(bytes) });
    expect(anonymous.status).toBe(401);
    expect((await head(admin, id)).status).toBe(404);
  });
});
