// Regressions for the security battery's findings (issue 14), against a real `next start`.
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './helpers/trpc-http';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';

let server: ServerHandle;
let admin: HttpClient;
const ADA = { email: 'ada@example.com', password: 'correct horse battery' };
const ARTIFACT = 'a'.repeat(64);

/** node:http sends the path and Host exactly as given (fetch normalises both). */
function raw(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      // A stream (SSE) never ends by itself: its status is all a test needs.
      setTimeout(() => { res.destroy(); resolve({ status: res.statusCode ?? 0, body, headers: res.headers }); }, 2000);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  server = await startServer();
  admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', ...ADA }));
});

afterAll(async () => {
  if (server) await stopServer(server);
});

describe('finding 1: a malformed pw_session cookie is ignored as if absent', () => {
  const BAD = ['%', '%E0%A4%A', '%ff'];

  it('still lets the owner sign in, and a fresh session works', async () => {
    for (const bad of BAD) {
      const client = new HttpClient(server.url);
      client.cookie = `pw_session=${bad}`;
      const login = await client.mutate('auth.login', ADA);
      expect(login.status, bad).toBe(200);
      expect(client.cookie).toMatch(/^pw_session=[A-Za-z0-9_-]{43}$/);
      expect((await client.query('project.list')).status).toBe(200);
    }
  });

  it('answers every kind of route as for a visitor without a session, never 500', async () => {
    for (const bad of BAD) {
      const cookie = { cookie: `pw_session=${bad}` };
      const client = new HttpClient(server.url);
      client.cookie = cookie.cookie;
      expect((await client.query('auth.state')).status, bad).toBe(200);
      expect(HttpClient.data(await client.query('auth.state')).user).toBeNull();
      expect((await client.query('project.list')).status, bad).toBe(401);
      expect((await client.mutate('auth.setup', { name: 'Eve', email: 'eve@example.com', password: 'another long password' })).status, bad).toBe(400);
      expect((await fetch(`${server.url}/api/artifacts/${ARTIFACT}`, { headers: cookie })).status, bad).toBe(401);
      expect((await fetch(`${server.url}/api/bundled/ingest/samples/breast-cancer.csv`, { headers: cookie })).status, bad).toBe(401);
      const upload = await fetch(`${server.url}/api/datasets/upload?name=x&filename=x.csv`, { method: 'POST', headers: cookie, body: 'a,b\n1,2\n' });
      expect(upload.status, bad).toBe(401);
      const page = await fetch(`${server.url}/projects`, { headers: cookie, redirect: 'manual' });
      expect(page.status, bad).toBe(307);
    }
  });
});

describe('finding 5: smaller ones', () => {
  it('answers 400 to an invalid %-escape in a path segment, before any auth check', async () => {
    for (const path of ['/api/artifacts/%ff', '/api/artifacts/%', '/api/bundled/%ff', '/api/trpc/%ff', '/ort-wasm/%ff', '/projects/%E0%A4%A']) {
      const res = await raw(server.port, path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body).error, path).toMatch(/%-escape/);
    }
  });

  it('gives no Secure flag for a client-sent X-Forwarded-Proto when no proxy is trusted', async () => {
    const res = await fetch(`${server.url}/api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ json: ADA }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pw_session=/);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('answers 401 to run.watch without credentials, not an error inside a 200 stream', async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { runId: 'nope' } }));
    const res = await raw(server.port, `/api/trpc/run.watch?input=${input}`, { accept: 'text/event-stream' });
    expect(res.status).toBe(401);
    expect(res.body).toContain('Sign in first');
  });

  it('parses Host strictly: userinfo-like junk after an allowed name is refused', async () => {
    for (const host of [`127.0.0.1:${server.port}@evil.example`, '127.0.0.1@evil.example', `127.0.0.1:${server.port}/x`, `localhost:${server.port}:1`]) {
      expect((await raw(server.port, '/api/health', { host })).status, host).toBe(403);
      expect((await raw(server.port, '/login', { host })).status, host).toBe(403);
    }
    expect((await raw(server.port, '/api/health', { host: `localhost:${server.port}` })).status).toBe(200);
  });
});

describe('finding 5: headers, library files, big bodies, run ownership, clean messages', () => {
  it('sends a CSP with frame-ancestors and X-Frame-Options on pages, so no page can be framed', async () => {
    for (const path of ['/login', '/projects']) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: admin.cookie }, redirect: 'manual' });
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('serves the onnxruntime-web and TF.js library files to anyone, the same with any cookie', async () => {
    for (const path of ['/ort-wasm/ort-wasm-simd-threaded.mjs', '/tfjs-wasm/tfjs-backend-wasm.wasm']) {
      for (const cookie of [undefined, 'pw_session=garbage', 'pw_session=%', admin.cookie]) {
        const res = await fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
        expect(res.status, `${path} ${cookie}`).toBe(200);
        await res.arrayBuffer();
      }
      expect((await fetch(`${server.url}${path.replace(/[^/]+$/, 'other.wasm')}`)).status).toBe(404);
    }
  });

  it('answers 413 "request too large" to a tRPC body over 10 MB, not a JSON syntax error', async () => {
    const big = JSON.stringify({ json: { name: 'x'.repeat(11 * 1024 * 1024) } });
    const res = await fetch(`${server.url}/api/trpc/project.create`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/json' }, body: big });
    expect(res.status).toBe(413);
    expect(HttpClient.error({ status: res.status, body: await res.json() }).message).toMatch(/request too large/i);
  });

  it('answers 413 to a chunked tRPC body over 10 MB too, which says no length up front', async () => {
    const megabyte = new TextEncoder().encode('x'.repeat(1024 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"json":{"name":"'));
        if (sent++ < 11) controller.enqueue(megabyte);
        else controller.close();
      },
    });
    const res = await fetch(`${server.url}/api/trpc/project.create`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(HttpClient.error({ status: res.status, body: await res.json() }).message).toMatch(/request too large/i);
  });

  it("lets a run be cancelled by its owner, a scientist or an admin; not by another analyst", async () => {
    const add = async (email: string, role: string) => {
      HttpClient.data(await admin.mutate('user.add', { email, name: role, role, password: `${role} password 1` }));
      const c = new HttpClient(server.url);
      HttpClient.data(await c.mutate('auth.login', { email, password: `${role} password 1` }));
      return c;
    };
    const ana = await add('ana@example.com', 'analyst');
    const sam = await add('sam@example.com', 'scientist');
    const started = HttpClient.data(await admin.mutate('run.start', { pipelineId: 'breast-cancer-explore' }));
    // The studio disables Cancel with the server's own reason: run.get carries it per person.
    expect(HttpClient.data(await ana.query('run.get', { id: started.runId })).cancelRefusal).toMatch(/only runs they started/);
    expect(HttpClient.data(await sam.query('run.get', { id: started.runId })).cancelRefusal).toBeNull();
    const refused = await ana.mutate('run.cancel', { id: started.runId });
    expect(refused.status).toBe(403);
    expect(HttpClient.error(refused).message).toMatch(/only runs they started/);
    expect((await sam.mutate('run.cancel', { id: started.runId })).status).toBe(200);
    const own = HttpClient.data(await ana.mutate('run.start', { pipelineId: 'breast-cancer-explore' }));
    expect(HttpClient.data(await ana.query('run.get', { id: own.runId })).cancelRefusal).toBeNull();
    expect((await ana.mutate('run.cancel', { id: own.runId })).status).toBe(200);
  });

  it('words bad input as "field: problem", never a validation dump or a library internal', async () => {
    const login = await new HttpClient(server.url).mutate('auth.login', { email: 'nope', password: '' });
    expect(login.status).toBe(400);
    expect(HttpClient.error(login).message).toBe('Invalid input: email: Invalid email address; password: Too small: expected string to have >=1 characters');
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const cases: [string, Uint8Array][] = [
      ['table', Buffer.concat([Buffer.from('ARROW1\0\0'), Buffer.alloc(40, 1), Buffer.from('ARROW1')])],
      ['model', Buffer.from('{"x":1}')],
      ['report', Buffer.from('{"x":1}')],
    ];
    for (const [kind, bytes] of cases) {
      const res = await fetch(`${server.url}/api/artifacts/${sha(bytes)}?kind=${kind}`, { method: 'PUT', headers: { cookie: admin.cookie }, body: Buffer.from(bytes) });
      expect(res.status, kind).toBe(422);
      const { error } = await res.json();
      expect(error, kind).toMatch(new RegExp(`^The bytes are not a valid ${kind} artifact: \\w`));
      expect(error, kind).not.toMatch(/Cannot read|reading '|\[|\{/);
    }
  });
});

// Last in the file: it uses up this address's failed sign-ins, and nothing signs in after it.
describe('finding 4 without a trusted proxy', () => {
  it('counts failures by the connection\'s own address: a client-chosen X-Forwarded-For escapes nothing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await fetch(`${server.url}/api/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}`, 'x-pipeworks-peer': `198.51.100.${i}` },
        body: JSON.stringify({ json: { email: `guess${i}@example.com`, password: 'guess' } }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses[30]).toBe(429);
    const failed = HttpClient.data(await admin.query('audit.list', { action: 'user.login.failed', limit: 200 })).events as any[];
    const addresses = new Set(failed.filter((e) => String(e.detail.email).startsWith('guess')).map((e) => e.detail.address));
    expect([...addresses]).toHaveLength(1);
    expect([...addresses][0]).toMatch(/127\.0\.0\.1$/);
  });
});
