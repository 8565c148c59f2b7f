// Datasets over HTTP against a real production server: every bad CSV fixture is a 400 naming its
// line while the server stays up; good CSV and Parquet files become versions; a pipeline reads one.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badFixtures, uploadFile } from './helpers/dataset-upload';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';
import { HttpClient } from './helpers/trpc-http';

const fixtures = badFixtures();
let server: ServerHandle;
let admin: HttpClient;
const good = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/csv/good/${name}`, import.meta.url)));

beforeAll(async () => {
  server = await startServer({
    env: { PIPEWORKS_MAX_UPLOAD_MB: String(fixtures.limits.maxUploadMb), PIPEWORKS_MAX_LINE_KB: String(fixtures.limits.maxLineKb) },
  });
  admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
});

afterAll(async () => {
  if (server) await stopServer(server);
});

describe('bad files', () => {
  it('answers every bad fixture with a 400 (413 over the size limit) naming its line, and keeps serving', async () => {
    for (const [file, want] of Object.entries(fixtures.cases)) {
      const res = await uploadFile(admin, new Uint8Array(readFileSync(new URL(file, fixtures.dir))), { name: 'bad', filename: file });
      expect(res.status, `${file}: ${JSON.stringify(res.body)}`).toBe(file === 'too-large.csv' ? 413 : 400);
      expect(res.body.error, file).toContain(want.message);
      expect(res.body.error, file).toMatch(new RegExp(`^Line ${want.line}\\b`));
      expect(res.body.line, file).toBe(want.line);
      expect(res.body.column, file).toBe(want.column);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
      expect((await fetch(`${server.url}/api/health`)).status, `health after ${file}`).toBe(200);
    }
    expect(server.child.exitCode).toBeNull();
    expect(HttpClient.data(await admin.query('dataset.list'))).toEqual([]);
  });

  it('refuses a file named .parquet that is not Parquet, and options that are not valid', async () => {
    const fake = await uploadFile(admin, good('pipes.csv'), { name: 'x', filename: 'data.parquet' });
    expect(fake.status).toBe(400);
    expect(fake.body.error).toMatch(/not a Parquet file/);
    const options = await uploadFile(admin, good('pipes.csv'), { name: 'x', filename: 'a.csv', options: { delimiter: 'x' } });
    expect(options.status).toBe(400);
    expect(options.body.error).toMatch(/^options\.delimiter/);
    const nameless = await uploadFile(admin, good('pipes.csv'), { name: ' ', filename: 'a.csv' });
    expect(nameless.status).toBe(400);
  });

  it('answers 413 naming the limit to a chunked upload over it, which says no length up front', async () => {
    const line = new TextEncoder().encode('a,b\n'.repeat(1000));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({ pull: (c) => (sent++ < 20 ? c.enqueue(line) : c.close()) });
    const res = await fetch(`${server.url}/api/datasets/upload?name=big&filename=big.csv`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/octet-stream' }, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/larger than the 10\.24 KB limit/);
  });
});

describe('permissions', () => {
  it('needs a session and the pipeline.write permission', async () => {
    const anonymous = await uploadFile(new HttpClient(server.url), good('pipes.csv'), { name: 'x', filename: 'a.csv' });
    expect(anonymous.status).toBe(401);
    HttpClient.data(await admin.mutate('user.add', { email: 'vic@example.com', name: 'Vic', role: 'viewer', password: 'viewer password 1' }));
    const viewer = new HttpClient(server.url);
    HttpClient.data(await viewer.mutate('auth.login', { email: 'vic@example.com', password: 'viewer password 1' }));
    const refused = await uploadFile(viewer, good('pipes.csv'), { name: 'x', filename: 'a.csv' });
    expect(refused.status).toBe(403);
    expect((await viewer.query('dataset.list')).status).toBe(200);
  });

  it('refuses a cross-origin upload', async () => {
    const res = await fetch(`${server.url}/api/datasets/upload?name=x&filename=a.csv`, {
      method: 'POST',
      headers: { cookie: admin.cookie, origin: 'http://evil.example.com' },
      body: Buffer.from(good('pipes.csv')),
    });
    expect(res.status).toBe(403);
  });
});

describe('good files', () => {
  it('turns a CSV into version 1, an identical re-upload into nothing new, and new content into version 2', async () => {
    const first = await uploadFile(admin, good('semicolon-crlf-bom.csv'), { name: 'cities', filename: 'cities.csv' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ created: true, dataset: { name: 'cities' }, version: { version: 1, rows: 3, format: 'csv', sourceFilename: 'cities.csv' } });
    expect(first.body.version.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.body.version.columns.map((c: any) => c.type)).toEqual(['text', 'numeric', 'boolean', 'datetime']);

    const again = await uploadFile(admin, good('semicolon-crlf-bom.csv'), { name: 'cities', filename: 'cities.csv' });
    expect(again.body).toMatchObject({ created: false, version: { version: 1, hash: first.body.version.hash } });

    const typed = await uploadFile(admin, good('semicolon-crlf-bom.csv'), { name: 'cities', filename: 'cities.csv', options: { types: { population: 'text' } } });
    expect(typed.body).toMatchObject({ created: true, version: { version: 2 } });
    expect(typed.body.version.hash).not.toBe(first.body.version.hash);

    const detail = HttpClient.data(await admin.query('dataset.get', { name: 'cities' }));
    expect(detail.versions.map((v: any) => v.version)).toEqual([2, 1]);
    const preview = HttpClient.data(await admin.query('artifact.preview', { id: first.body.version.hash }));
    expect(preview.preview.rows[0]).toEqual(['Saint-Étienne', 171057, false, '1195-01-01T00:00:00.000Z']);
  });

  it('reads Windows-1252 when asked', async () => {
    const res = await uploadFile(admin, good('windows-1252.csv'), { name: 'menu', filename: 'menu.csv', options: { encoding: 'windows-1252' } });
    expect(res.status).toBe(200);
    const preview = HttpClient.data(await admin.query('artifact.preview', { id: res.body.version.hash }));
    expect(preview.preview.rows.map((r: unknown[]) => r[0])).toEqual(['Café', 'Crème brûlée', '€uro']);
  });

  it('imports a Parquet file through DuckDB', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pipeworks-parquet-'));
    const file = path.join(dir, 'events.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT i AS id, i * 0.5 AS score, i % 2 = 0 AS even, 'k' || (i % 3) AS kind, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) MINUTE AS at
       FROM range(200) t(i)) TO '${file}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const res = await uploadFile(admin, new Uint8Array(readFileSync(file)), { name: 'events', filename: 'events.parquet' });
    rmSync(dir, { recursive: true, force: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toMatchObject({ rows: 200, format: 'parquet' });
    expect(res.body.version.columns.map((c: any) => `${c.name}:${c.type}`)).toEqual(['id:numeric', 'score:numeric', 'even:boolean', 'kind:categorical', 'at:datetime']);
  });
});

describe('pipelines', () => {
  const doc = (params: Record<string, unknown>) => ({
    schemaVersion: 1,
    id: 'cities-profile',
    name: 'Cities profile',
    nodes: [
      { id: 'data', type: 'ingest/dataset', version: 1, params, position: { x: 0, y: 0 } },
      { id: 'stats', type: 'explore/column-stats', version: 1, params: {}, position: { x: 200, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'data', sourceHandle: 'table', target: 'stats', targetHandle: 'table' }],
  });

  async function finished(runId: string) {
    for (let i = 0; i < 300; i++) {
      const run = HttpClient.data(await admin.query('run.get', { id: runId }));
      if (['succeeded', 'failed', 'cancelled'].includes(run.status)) return run;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`run ${runId} did not finish`);
  }

  it('names the node and field of an unknown dataset or version at compile time', async () => {
    const unknown = HttpClient.data(await admin.mutate('pipeline.compile', { doc: doc({ name: 'nope' }) }));
    expect(unknown.ok).toBe(false);
    expect(unknown.issues[0]).toMatchObject({ code: 'invalid_params', nodeId: 'data', field: 'params.name' });
    expect(unknown.issues[0].message).toMatch(/no dataset named "nope"/);
    const pinned = HttpClient.data(await admin.mutate('pipeline.compile', { doc: doc({ name: 'cities', version: 'f'.repeat(64) }) }));
    expect(pinned.issues[0]).toMatchObject({ nodeId: 'data', field: 'params.version' });
  });

  it('runs a pipeline on the latest version, keyed by its hash, and on a pinned one', async () => {
    const versions = HttpClient.data(await admin.query('dataset.get', { name: 'cities' })).versions;
    const compiled = HttpClient.data(await admin.mutate('pipeline.compile', { doc: doc({ name: 'cities' }) }));
    expect(compiled.ok).toBe(true);
    expect(compiled.plan.steps[0].fingerprint.sourceKey).toBe(versions[0].hash);

    HttpClient.data(await admin.savePipeline({ projectId: 'sample', doc: doc({ name: 'cities', version: versions[1].hash }) }));
    const { runId } = HttpClient.data(await admin.mutate('run.start', { pipelineId: 'cities-profile' }));
    const run = await finished(runId);
    expect(run.status, JSON.stringify(run)).toBe('succeeded');
    const ingest = run.steps.find((s: any) => s.stepId === 'data');
    // The step re-encodes the stored table: same content, same bytes, same id.
    expect(ingest.outputs.table.id).toBe(versions[1].hash);
    expect(ingest.outputs.table.meta.rows).toBe(3);
  });
});

describe('export', () => {
  const csv = [
    'customer,plan,balance,active,signed_up',
    'Ada,gold,-12.5,true,2024-01-02',
    'Bo,silver,3,false,2024-02-29',
    'Cy,gold,,true,',
    'Di,,1e-7,,2024-12-31',
  ].join('\n');
  const download = (client: HttpClient, id: string, query: string) => fetch(`${server.url}/api/artifacts/${id}?${query}`, { headers: { cookie: client.cookie } });
  let hash: string;

  beforeAll(async () => {
    const res = await uploadFile(admin, new TextEncoder().encode(csv), { name: 'accounts', filename: 'accounts.csv' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    hash = res.body.version.hash;
  });

  it('downloads a table as CSV, Parquet or Arrow that the importers read back to the very same table', async () => {
    const asCsv = await download(admin, hash, 'format=csv&name=accounts v1');
    expect(asCsv.status).toBe(200);
    expect(asCsv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(asCsv.headers.get('content-disposition')).toBe('attachment; filename="accounts v1.csv"');
    const csvBytes = new Uint8Array(await asCsv.arrayBuffer());
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvBytes)).toBe(
      '\uFEFFcustomer,plan,balance,active,signed_up\r\nAda,gold,-12.5,true,2024-01-02\r\nBo,silver,3,false,2024-02-29\r\nCy,gold,,true,\r\nDi,,1e-7,,2024-12-31\r\n',
    );
    const fromCsv = await uploadFile(admin, csvBytes, { name: 'accounts-from-csv', filename: 'accounts.csv' });
    expect(fromCsv.body.version.hash).toBe(hash);

    const asParquet = await download(admin, hash, 'format=parquet');
    expect(asParquet.status).toBe(200);
    expect(asParquet.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    expect(asParquet.headers.get('content-disposition')).toBe(`attachment; filename="${hash.slice(0, 16)}.parquet"`);
    const fromParquet = await uploadFile(admin, new Uint8Array(await asParquet.arrayBuffer()), { name: 'accounts-from-parquet', filename: 'accounts.parquet' });
    expect(fromParquet.status, JSON.stringify(fromParquet.body)).toBe(200);
    expect(fromParquet.body.version.hash).toBe(hash);

    const asArrow = await download(admin, hash, 'format=arrow&name=../../etc/passwd');
    expect(asArrow.headers.get('content-type')).toBe('application/vnd.apache.arrow.file');
    expect(asArrow.headers.get('content-disposition')).toBe('attachment; filename="etc-passwd.arrow"');
    expect(createHash('sha256').update(new Uint8Array(await asArrow.arrayBuffer())).digest('hex')).toBe(hash);
  });

  it('defuses cells a spreadsheet would run as formulas', async () => {
    const risky = 'name,note\n=HYPERLINK("http://x"),+1+2\n@SUM(A1),-cmd\nplain,-3.5\n';
    const res = await uploadFile(admin, new TextEncoder().encode(risky), { name: 'risky', filename: 'risky.csv', options: { types: { note: 'text' } } });
    const text = await (await download(admin, res.body.version.hash, 'format=csv')).text();
    expect(text.split('\r\n').slice(1, 4)).toEqual([`"'=HYPERLINK(""http://x"")","'+1+2"`, `"'@SUM(A1)","'-cmd"`, 'plain,-3.5']);
  });

  it('is behind the same sign-in as every artifact, and says what is wrong with a request', async () => {
    expect((await download(new HttpClient(server.url), hash, 'format=csv')).status).toBe(401);
    HttpClient.data(await admin.mutate('user.add', { email: 'vera@example.com', name: 'Vera', role: 'viewer', password: 'viewer password 2' }));
    const viewer = new HttpClient(server.url);
    HttpClient.data(await viewer.mutate('auth.login', { email: 'vera@example.com', password: 'viewer password 2' }));
    expect((await download(viewer, hash, 'format=parquet')).status).toBe(200);
    const typo = await download(admin, hash, 'format=parquett');
    expect(typo.status).toBe(400);
    expect((await typo.json()).error).toBe('Unknown export format "parquett"; choose csv, parquet or arrow for a table, onnx for a model. Did you mean "parquet"?');
    expect((await download(admin, 'f'.repeat(64), 'format=csv')).status).toBe(404);
  });
});
