// Route enumeration: every tRPC procedure, route handler and page, listed from the code
// (helpers/route-inventory.ts), answers 401 or 403 — pages a redirect to sign-in, or a 401 to an API key — to a caller
// without credentials, with a garbage or malformed session cookie, a signed-out session, or a
// revoked or made-up API key. Only sign-in and health are open, as docs/architecture.md says.
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillPattern, httpRoutes, pages, procedures, type Procedure } from './helpers/route-inventory';
import { HttpClient } from './helpers/trpc-http';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';

/** Open to anyone by design: signing in, first setup, and asking whether one is signed in. */
const PUBLIC_PROCEDURES = new Set(['auth.state', 'auth.setup', 'auth.login']);
/** The code sandbox's frame (app/sandbox/frame, public in proxy.ts): a static document with no data, under its own policy. */
const SANDBOX_FRAME = '/sandbox/frame';
const PUBLIC_ROUTES = new Set(['/api/health', SANDBOX_FRAME]);
const PUBLIC_PAGES = new Set(['/login']);
/** Library files for the browser runtime (issue 14, finding 5): public or checked, never half-checked. */
const LIBRARY_ROUTES = new Map([
  ['/ort-wasm/[file]', '/ort-wasm/ort-wasm-simd-threaded.wasm'],
  ['/tfjs-wasm/[file]', '/tfjs-wasm/tfjs-backend-wasm.wasm'],
]);
/** Covered procedure by procedure below. */
const TRPC_ROUTE = '/api/trpc/[trpc]';

let server: ServerHandle;
let revokedKey = '';
let signedOutCookie = '';

type Credential = { name: string; headers: () => Record<string, string> };
const CREDENTIALS: Credential[] = [
  { name: 'no credentials', headers: () => ({}) },
  { name: 'a garbage session cookie', headers: () => ({ cookie: 'pw_session=not-a-session-token' }) },
  { name: 'an empty session cookie', headers: () => ({ cookie: 'pw_session=' }) },
  { name: 'a signed-out session', headers: () => ({ cookie: signedOutCookie }) },
  { name: 'a revoked API key', headers: () => ({ authorization: `Bearer ${revokedKey}` }) },
  { name: 'a made-up API key', headers: () => ({ authorization: 'Bearer pw_0000000000000000000000000000000000000000' }) },
  { name: 'a malformed Authorization header', headers: () => ({ authorization: 'Basic %%%' }) },
];
/** Invalid %-escapes: decodeURIComponent throws on these (issue 14, finding 1). */
const MALFORMED_COOKIES: Credential[] = [
  { name: "a session cookie of '%'", headers: () => ({ cookie: 'pw_session=%' }) },
  { name: "a session cookie of '%E0%A4%A'", headers: () => ({ cookie: 'pw_session=%E0%A4%A' }) },
];

beforeAll(async () => {
  server = await startServer();
  const admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
  const key = HttpClient.data(await admin.mutate('apiKey.create', { name: 'soon revoked' }));
  HttpClient.data(await admin.mutate('apiKey.revoke', { id: key.id }));
  revokedKey = key.key;
  const leaving = new HttpClient(server.url);
  HttpClient.data(await leaving.mutate('auth.login', { email: 'ada@example.com', password: 'correct horse battery' }));
  signedOutCookie = leaving.cookie;
  HttpClient.data(await leaving.mutate('auth.logout'));
});

afterAll(async () => {
  if (server) await stopServer(server);
});

/** One call of a procedure over HTTP, as the tRPC client sends it. */
async function callProcedure(proc: Procedure, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const input = encodeURIComponent(JSON.stringify(superjson.serialize({})));
  const url = `${server.url}/api/trpc/${proc.path}`;
  const res =
    proc.type === 'mutation'
      ? await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(superjson.serialize({})) })
      : await fetch(`${url}?input=${input}`, { headers: proc.type === 'subscription' ? { ...headers, accept: 'text/event-stream' } : headers, signal: AbortSignal.timeout(10_000) });
  // A subscription's stream never ends by itself: its first bytes are enough.
  const reader = res.body?.getReader();
  let body = '';
  if (reader) {
    const first = await reader.read();
    body = first.value ? Buffer.from(first.value).toString('utf8') : '';
    await reader.cancel();
  }
  return { status: res.status, body };
}

async function callRoute(pattern: string, method: string, headers: Record<string, string>): Promise<number> {
  const url = server.url + fillPattern(pattern, (name) => (name.startsWith('...') ? 'a/b' : 'x'));
  const res = await fetch(url, { method, headers, redirect: 'manual', ...(method === 'PUT' || method === 'POST' ? { body: 'x' } : {}) });
  await res.body?.cancel();
  return res.status;
}

async function pageAnswer(pattern: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(server.url + fillPattern(pattern, () => 'x'), { headers, redirect: 'manual' });
  await res.body?.cancel();
  const location = res.headers.get('location') ?? '';
  if ([301, 302, 303, 307, 308].includes(res.status) && new URL(location, server.url).pathname === '/login') return 'to sign-in';
  // A script with an API key is told keys do not open pages (proxy.ts), never redirected.
  if (res.status === 401 && /^Bearer pw_/.test(headers.authorization ?? '')) return 'refused';
  return `HTTP ${res.status}`;
}

const refused = (status: number) => status === 401 || status === 403;

/** Everything that answered a caller with `credential` as if it were signed in, or failed. */
async function openDoors(credential: Credential, skip: Set<string> = new Set()): Promise<string[]> {
  const open: string[] = [];
  const headers = credential.headers();
  for (const proc of procedures()) {
    if (skip.has(proc.path)) continue;
    const { status } = await callProcedure(proc, headers);
    if (PUBLIC_PROCEDURES.has(proc.path) ? status >= 500 : !refused(status)) open.push(`${proc.type} ${proc.path}: HTTP ${status}`);
  }
  for (const route of httpRoutes()) {
    if (route.pattern === TRPC_ROUTE || LIBRARY_ROUTES.has(route.pattern)) continue;
    for (const method of route.methods) {
      const status = await callRoute(route.pattern, method, headers);
      if (PUBLIC_ROUTES.has(route.pattern) ? status >= 500 : !refused(status)) open.push(`${method} ${route.pattern}: HTTP ${status}`);
    }
  }
  for (const page of pages()) {
    const answer = await pageAnswer(page.pattern, headers);
    if (PUBLIC_PAGES.has(page.pattern) ? answer === 'HTTP 500' : answer !== 'to sign-in' && answer !== 'refused') open.push(`page ${page.pattern}: ${answer}`);
  }
  return open;
}

describe('route enumeration', () => {
  it('finds the procedures, routes and pages the server has', () => {
    expect(procedures().length).toBeGreaterThan(40);
    expect(procedures().map((p) => p.path)).toContain('run.watch');
    const routes = httpRoutes().map((r) => `${r.methods.join('|')} ${r.pattern}`);
    expect(routes).toContain('GET|HEAD|PUT /api/artifacts/[id]');
    expect(routes).toContain('POST /api/datasets/upload');
    expect(routes).toContain('GET|POST /api/trpc/[trpc]');
    expect(pages().map((p) => p.pattern)).toEqual(expect.arrayContaining(['/', '/login', '/pipelines/[id]', '/models/[id]/versions/[version]']));
  });

  for (const credential of CREDENTIALS) {
    it(`refuses ${credential.name} everywhere but sign-in and health`, async () => {
      expect(await openDoors(credential)).toEqual([]);
    });
  }

  // Issue 14, finding 1: an invalid %-escape in pw_session made every procedure, sign-in included,
  // and the artifact, bundled and upload routes answer 500.
  for (const credential of MALFORMED_COOKIES) {
    it(`refuses ${credential.name} as if no cookie were sent, and still lets people sign in`, async () => {
      expect(await openDoors(credential)).toEqual([]);
      const login = await fetch(`${server.url}/api/trpc/auth.login`, {
        method: 'POST',
        headers: { ...credential.headers(), 'content-type': 'application/json' },
        body: JSON.stringify(superjson.serialize({ email: 'ada@example.com', password: 'correct horse battery' })),
      });
      expect(login.status).toBe(200);
    });
  }

  // Issue 14, finding 5: without credentials run.watch answered 200 and put the refusal in the stream.
  it('answers 401 to run.watch without credentials', async () => {
    const watch = procedures().find((p) => p.path === 'run.watch')!;
    for (const credential of CREDENTIALS) expect((await callProcedure(watch, credential.headers())).status, credential.name).toBe(401);
  });

  // Public by design, so it must stay the one static document, sandboxed and unframeable elsewhere, for anyone.
  it('serves the sandbox frame alike to every credential, under its own sandbox policy', async () => {
    const bodies = new Set<string>();
    for (const credential of CREDENTIALS) {
      const res = await fetch(server.url + SANDBOX_FRAME, { headers: credential.headers(), redirect: 'manual' });
      expect(res.status, credential.name).toBe(200);
      expect(res.headers.get('content-security-policy'), credential.name).toMatch(/^sandbox allow-scripts; default-src 'none';.*frame-ancestors 'self'/);
      bodies.add(await res.text());
    }
    expect(bodies.size).toBe(1);
  });

  // Issue 14, finding 5: the runtime's library files went to sign-in without a cookie but were served
  // for any cookie value at all. Now public for everyone: the same answer for every credential.
  it('answers the browser runtime files the same for every missing or bad credential', async () => {
    for (const [pattern, file] of LIBRARY_ROUTES) {
      const answers = new Set<string>();
      for (const credential of CREDENTIALS) answers.add(await pageAnswer(file, credential.headers()));
      expect([...answers], pattern).toHaveLength(1);
    }
  });
});
