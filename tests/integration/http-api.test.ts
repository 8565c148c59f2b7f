// The HTTP surface of a real production server: sign-in, roles, bad input, artifact ids.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './helpers/trpc-http';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';

let server: ServerHandle;

/** node:http lets a test send any Host header (fetch does not). */
function rawStatus(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
let admin: HttpClient;

beforeAll(async () => {
  server = await startServer();
  admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
});

afterAll(async () => {
  if (server) await stopServer(server);
});

describe('authentication', () => {
  it('answers 401 to every procedure and route without a session, except sign-in and health', async () => {
    const anon = new HttpClient(server.url);
    expect((await anon.query('project.list')).status).toBe(401);
    expect((await anon.query('pipeline.get', { id: 'breast-cancer-explore' })).status).toBe(401);
    expect((await anon.mutate('run.start', { pipelineId: 'breast-cancer-explore' })).status).toBe(401);
    expect((await anon.query('run.list', { pipelineId: 'breast-cancer-explore' })).status).toBe(401);
    expect((await fetch(`${server.url}/api/artifacts/${'a'.repeat(64)}`)).status).toBe(401);
    expect((await anon.query('auth.state')).status).toBe(200);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const page = await fetch(`${server.url}/projects/sample`, { redirect: 'manual' });
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toContain('/login');
  });

  it('allows creating the first admin only once', async () => {
    const again = await new HttpClient(server.url).mutate('auth.setup', { name: 'Eve', email: 'eve@example.com', password: 'another long password' });
    expect(again.status).toBe(400);
    expect(HttpClient.error(again).message).toMatch(/already/);
  });

  it('rejects a wrong password without saying which part was wrong', async () => {
    const res = await new HttpClient(server.url).mutate('auth.login', { email: 'ada@example.com', password: 'wrong password!' });
    expect(res.status).toBe(401);
    expect(HttpClient.error(res).message).toBe('Wrong email or password');
  });

  it('refuses foreign Host and Origin headers', async () => {
    expect(await rawStatus(server.port, '/api/health', 'evil.example.com')).toBe(403);
    expect(await rawStatus(server.port, '/login', 'rebind.attacker.test:' + server.port)).toBe(403);
    expect(await rawStatus(server.port, '/api/health', `localhost:${server.port}`)).toBe(200);
    const foreignOrigin = await fetch(`${server.url}/api/trpc/auth.login`, {
      method: 'POST',
      headers: { origin: 'http://evil.example.com', 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'ada@example.com', password: 'correct horse battery' } }),
    });
    expect(foreignOrigin.status).toBe(403);
  });
});

describe('roles', () => {
  it('lets a viewer read but not start runs', async () => {
    HttpClient.data(await admin.mutate('user.add', { email: 'vic@example.com', name: 'Vic', role: 'viewer', password: 'viewer password 1' }));
    const viewer = new HttpClient(server.url);
    HttpClient.data(await viewer.mutate('auth.login', { email: 'vic@example.com', password: 'viewer password 1' }));
    expect((await viewer.query('pipeline.get', { id: 'breast-cancer-explore' })).status).toBe(200);
    const start = await viewer.mutate('run.start', { pipelineId: 'breast-cancer-explore' });
    expect(start.status).toBe(403);
    expect(HttpClient.error(start).message).toMatch(/viewer/);
    expect((await viewer.query('user.list')).status).toBe(403);
  });
});

describe('bad input', () => {
  it('answers malformed pipeline JSON with every issue, naming node ids and fields, never a 500', async () => {
    const doc = {
      schemaVersion: 1,
      id: 'broken',
      name: 'Broken',
      nodes: [
        { id: 'a', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'no-such-set' }, position: { x: 0, y: 0 } },
        { id: 'b', type: 'no/such-node', version: 1, params: {}, position: { x: 1, y: 0 } },
        { id: 'c', type: 'split/random', version: 1, params: { seed: 'zero' }, position: { x: 2, y: 0 } },
      ],
      edges: [{ id: 'e1', source: 'a', sourceHandle: 'table', target: 'zzz', targetHandle: 'table' }],
    };
    const res = await admin.mutate('pipeline.compile', { doc });
    expect(res.status).toBe(200);
    const result = HttpClient.data(res);
    expect(result.ok).toBe(false);
    const where = result.issues.map((i: any) => `${i.code}:${i.nodeId ?? i.edgeId}:${i.field ?? ''}`);
    expect(where).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^invalid_params:a:params\.dataset/),
        expect.stringMatching(/^unknown_node_type:b:/),
        expect.stringMatching(/^invalid_params:c:params\.seed/),
        expect.stringMatching(/^dangling_edge:e1:/),
      ]),
    );

    const notJson = await admin.mutate('pipeline.save', { projectId: 'sample', baseVersion: 0, doc: '{"nodes": [' });
    expect(notJson.status).toBe(400);
    expect(HttpClient.error(notJson).data.issues[0].message).toMatch(/JSON/);
    expect(JSON.stringify(notJson.body)).not.toMatch(/at .*\.(ts|js):\d+/);

    const shapeless = await admin.mutate('pipeline.save', { projectId: 'sample', baseVersion: 0, doc: { schemaVersion: 1, id: 'x', name: 'x', nodes: [{ id: 'n1', type: 3 }], edges: [] } });
    expect(shapeless.status).toBe(400);
    expect(HttpClient.error(shapeless).data.issues.some((i: any) => i.nodeId === 'n1' && /type/.test(i.field))).toBe(true);
  });

  it('rejects artifact look-ups that are not bare hashes', async () => {
    const ids = ['..%2F..%2Fetc%2Fpasswd', '%2Fetc%2Fpasswd', 'ABCDEF' + 'a'.repeat(58), 'z'.repeat(64), 'a'.repeat(63), '..', '%2e%2e%2f' + 'a'.repeat(60)];
    for (const id of ids) {
      const res = await fetch(`${server.url}/api/artifacts/${id}`, { headers: { cookie: admin.cookie } });
      expect([400, 404], `${id} → ${res.status}`).toContain(res.status);
    }
    const viaTrpc = await admin.query('artifact.preview', { id: '../../etc/passwd' });
    expect(viaTrpc.status).toBe(400);
  });
});

describe('API keys', () => {
  /** A client that sends only the key: no cookie. */
  function keyed(key: string): HttpClient {
    const client = new HttpClient(server.url);
    client.apiKey = key;
    return client;
  }

  it('lets a script act as the key’s owner until the key is revoked', async () => {
    const created = HttpClient.data(await admin.mutate('apiKey.create', { name: 'ci' }));
    expect(created.key).toMatch(/^pw_/);
    expect(created.prefix).toBe(created.key.slice(0, created.prefix.length));
    const script = keyed(created.key);
    const projects = await script.query('project.list');
    expect(projects.status).toBe(200);
    // A key cannot mint more keys: a leaked one ends when it is revoked.
    expect((await script.mutate('apiKey.create', { name: 'minted' })).status).toBe(403);
    expect(HttpClient.data(projects).map((p: any) => p.id)).toContain('sample');

    // The list shows the key and its use, never the secret or its hash.
    const listed = await admin.query('apiKey.list');
    const row = HttpClient.data(listed).find((k: any) => k.id === created.id);
    expect(row).toMatchObject({ name: 'ci', prefix: created.prefix, revokedAt: null, lastUsedAt: expect.any(Number) });
    expect(Object.keys(row).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt']);
    expect(JSON.stringify(listed.body)).not.toContain(created.key);

    HttpClient.data(await admin.mutate('apiKey.revoke', { id: created.id }));
    expect((await script.query('project.list')).status).toBe(401);
    expect((await admin.mutate('apiKey.revoke', { id: created.id })).status).toBe(404);
  });

  it('gives a viewer’s key the viewer’s role, and only its owner can revoke it', async () => {
    HttpClient.data(await admin.mutate('user.add', { email: 'val@example.com', name: 'Val', role: 'viewer', password: 'viewer password 2' }));
    const viewer = new HttpClient(server.url);
    HttpClient.data(await viewer.mutate('auth.login', { email: 'val@example.com', password: 'viewer password 2' }));
    const { id, key } = HttpClient.data(await viewer.mutate('apiKey.create', { name: 'notebook' }));
    const script = keyed(key);
    expect((await script.query('pipeline.get', { id: 'breast-cancer-explore' })).status).toBe(200);
    const start = await script.mutate('run.start', { pipelineId: 'breast-cancer-explore' });
    expect(start.status).toBe(403);
    expect(HttpClient.error(start).message).toMatch(/viewer/);

    // Keys are personal: the admin neither sees nor revokes the viewer's key.
    expect(HttpClient.data(await admin.query('apiKey.list')).map((k: any) => k.id)).not.toContain(id);
    expect((await admin.mutate('apiKey.revoke', { id })).status).toBe(404);
    expect((await script.query('project.list')).status).toBe(200);
  });

  it('answers 401 to a made-up key and 400 to a nameless one', async () => {
    expect((await keyed('pw_' + 'A'.repeat(43)).query('project.list')).status).toBe(401);
    expect((await keyed('pw_not-a-real-key').mutate('apiKey.create', { name: 'x' })).status).toBe(401);
    expect((await new HttpClient(server.url).query('apiKey.list')).status).toBe(401);
    expect((await admin.mutate('apiKey.create', { name: '   ' })).status).toBe(400);
    expect((await admin.mutate('apiKey.create', { name: 'x'.repeat(101) })).status).toBe(400);
  });
});
