// Two people, one pipeline, on the real server: saves carry the version they started from, so
// disjoint edits merge into a version naming both, and a clash is a 409 that overwrites nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './helpers/trpc-http';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';
import superjson from 'superjson';

let server: ServerHandle;
let ana: HttpClient;
let sam: HttpClient;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  server = await startServer();
  const admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Tess', email: 'tess@example.com', password: PASSWORD }));
  for (const [name, email, role] of [['Ana Analyst', 'ana@example.com', 'analyst'], ['Sam Scientist', 'sam@example.com', 'scientist']]) {
    HttpClient.data(await admin.mutate('user.add', { name, email, role, password: PASSWORD }));
  }
  ana = new HttpClient(server.url);
  sam = new HttpClient(server.url);
  HttpClient.data(await ana.mutate('auth.login', { email: 'ana@example.com', password: PASSWORD }));
  HttpClient.data(await sam.mutate('auth.login', { email: 'sam@example.com', password: PASSWORD }));
});

afterAll(async () => {
  if (server) await stopServer(server);
});

type Doc = { id: string; name: string; nodes: { id: string; params: Record<string, unknown> }[] } & Record<string, unknown>;
const setParam = (doc: Doc, nodeId: string, param: string, value: unknown): Doc => ({
  ...doc,
  nodes: doc.nodes.map((n) => (n.id === nodeId ? { ...n, params: { ...n.params, [param]: value } } : n)),
});
const paramOf = (doc: Doc, nodeId: string, param: string) => doc.nodes.find((n) => n.id === nodeId)?.params[param];
const latest = async (who: HttpClient, id: string) => HttpClient.data(await who.query('pipeline.get', { id })) as { version: number; doc: Doc };
const save = (who: HttpClient, doc: Doc, baseVersion: number) => who.mutate('pipeline.save', { projectId: 'sample', doc, baseVersion });

/** Reads presence snapshots from the SSE stream until one satisfies `until`. */
async function presenceUntil(who: HttpClient, id: string, until: (s: any) => boolean, signal: AbortSignal): Promise<any> {
  const input = encodeURIComponent(JSON.stringify(superjson.serialize({ id })));
  const res = await fetch(`${server.url}/api/trpc/pipeline.presence?input=${input}`, { headers: { cookie: who.cookie, accept: 'text/event-stream' }, signal });
  expect(res.status).toBe(200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('The presence stream ended');
    buffer += value;
    for (const line of buffer.split('\n')) {
      if (!line.startsWith('data: ')) continue;
      const raw = JSON.parse(line.slice(6));
      const snapshot = raw && typeof raw === 'object' && 'json' in raw ? superjson.deserialize(raw) : raw;
      if (snapshot && typeof snapshot === 'object' && 'viewers' in snapshot && until(snapshot)) return snapshot;
    }
    buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
  }
}

describe('two people saving one pipeline', () => {
  let id = '';

  it('starts from one shared version', async () => {
    id = HttpClient.data(await ana.mutate('pipeline.create', { projectId: 'sample', name: 'Shared churn', template: 'customer-churn' })).pipelineId;
    const v1 = await latest(ana, id);
    expect(v1.version).toBe(1);
    expect(v1.doc.nodes.length).toBeGreaterThan(2);
  });

  it('shows each who else has it open, and a new version as it arrives, over SSE', async () => {
    const stop = new AbortController();
    try {
      const anaSeesSam = presenceUntil(ana, id, (s) => s.viewers.some((v: any) => v.name === 'Sam Scientist'), stop.signal);
      const samSeesAna = presenceUntil(sam, id, (s) => s.viewers.some((v: any) => v.name === 'Ana Analyst'), stop.signal);
      const [a, s] = await Promise.all([anaSeesSam, samSeesAna]);
      expect(a.viewers.map((v: any) => v.name).sort()).toEqual(['Ana Analyst', 'Sam Scientist']);
      expect(s.latest).toMatchObject({ version: 1, author: 'Ana Analyst' });
      const samSeesV2 = presenceUntil(sam, id, (snap) => snap.latest?.version === 2, stop.signal);
      const v1 = await latest(ana, id);
      const node = v1.doc.nodes[0];
      HttpClient.data(await save(ana, { ...v1.doc, nodes: v1.doc.nodes.map((n) => (n === node ? { ...n, label: 'Churn data' } : n)) }, 1));
      expect((await samSeesV2).latest).toMatchObject({ version: 2, author: 'Ana Analyst' });
    } finally {
      stop.abort();
    }
  });

  it('merges disjoint edits from the same base: both survive in the latest version, which names both', async () => {
    const base = await latest(ana, id);
    const [first, second] = base.doc.nodes.map((n) => n.id);
    HttpClient.data(await save(ana, setParam(base.doc, first, 'note', 'from Ana'), base.version));
    const merged = HttpClient.data(await save(sam, setParam(base.doc, second, 'note', 'from Sam'), base.version));
    expect(merged).toMatchObject({ version: base.version + 2, created: true, merged: { versions: [{ version: base.version + 1, author: 'Ana Analyst' }] } });
    const now = await latest(sam, id);
    expect(now.version).toBe(base.version + 2);
    expect(paramOf(now.doc, first, 'note')).toBe('from Ana');
    expect(paramOf(now.doc, second, 'note')).toBe('from Sam');
    const versions = HttpClient.data(await sam.query('pipeline.versions', { id }));
    expect(versions[0]).toMatchObject({ version: now.version, authorName: 'Sam Scientist', mergedAuthors: ['Ana Analyst'] });
  });

  it('refuses a clash with a 409 naming who saved which version and when; neither edit is lost', async () => {
    const base = await latest(ana, id);
    const node = base.doc.nodes[0].id;
    HttpClient.data(await save(ana, setParam(base.doc, node, 'note', 'Ana says'), base.version));
    const mine = setParam(base.doc, node, 'note', 'Sam says');
    const refused = await save(sam, mine, base.version);
    expect(refused.status).toBe(409);
    const error = HttpClient.error(refused);
    expect(error.data.code).toBe('CONFLICT');
    expect(error.message).toMatch(new RegExp(`Ana Analyst saved v${base.version + 1} at .* UTC`));
    expect(error.data.conflict).toMatchObject({
      baseVersion: base.version,
      since: [{ version: base.version + 1, author: 'Ana Analyst', createdAt: expect.any(Number) }],
      conflicts: [{ kind: 'param', nodeId: node, param: 'note', theirs: 'Ana says', ours: 'Sam says' }],
    });
    // Nothing overwritten: Ana's value is the latest, and Sam keeps his by saving on top of hers.
    const after = await latest(sam, id);
    expect(after.version).toBe(base.version + 1);
    expect(paramOf(after.doc, node, 'note')).toBe('Ana says');
    const kept = HttpClient.data(await save(sam, setParam(after.doc, node, 'note', 'Sam says'), after.version));
    expect(kept.version).toBe(base.version + 2);
    const ana1 = HttpClient.data(await ana.query('pipeline.get', { id, version: base.version + 1 }));
    expect(paramOf(ana1.doc, node, 'note')).toBe('Ana says');
    expect(paramOf((await latest(ana, id)).doc, node, 'note')).toBe('Sam says');
  });

  it('restores an old version as a new one based on the latest', async () => {
    const before = await latest(ana, id);
    const restored = HttpClient.data(await ana.mutate('pipeline.restore', { id, version: 1, baseVersion: before.version }));
    expect(restored).toMatchObject({ version: before.version + 1, created: true });
    const versions = HttpClient.data(await ana.query('pipeline.versions', { id }));
    expect(versions[0]).toMatchObject({ version: before.version + 1, message: 'Restored v1', authorName: 'Ana Analyst', baseVersion: before.version });
    const stale = await ana.mutate('pipeline.restore', { id, version: 1, baseVersion: before.version + 5 });
    expect(stale.status).toBe(400);
  });
});
