// Regressions for the security battery's findings (issue 14), against a real `next start`.
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
