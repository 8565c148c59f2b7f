// The registry over HTTP against the real production server: version numbers stay 1..N with no
// gap and no duplicate under many concurrent registrations (from the server and from a second
// process writing the same database), and a production move waits for a manager's approval.
import { setImmediate as nextTick } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDbIn } from '../../server/db/test-db';
import { registerModelVersion } from '../../server/registry/register';
import { draftFromRunStep } from '../../server/registry/run-version-draft';
import { datasetClassifier } from './helpers/registry-pipeline';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';
import { HttpClient } from './helpers/trpc-http';

let server: ServerHandle;
let admin: HttpClient;
let scientist: HttpClient;
let manager: HttpClient;
let runId: string;

async function person(email: string, role: string): Promise<HttpClient> {
  const password = `${role} password 1`;
  HttpClient.data(await admin.mutate('user.add', { email, name: email.split('@')[0], role, password }));
  const client = new HttpClient(server.url);
  HttpClient.data(await client.mutate('auth.login', { email, password }));
  return client;
}

beforeAll(async () => {
  server = await startServer();
  admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
  scientist = await person('sam@example.com', 'scientist');
  manager = await person('mia@example.com', 'viewer');
  HttpClient.data(await scientist.savePipeline({ projectId: 'sample', doc: datasetClassifier({}) }));
  runId = HttpClient.data(await scientist.mutate('run.start', { pipelineId: 'cancer-registry' })).runId;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const run = HttpClient.data(await scientist.query('run.get', { id: runId }));
    if (run.status === 'succeeded') break;
    if (run.status !== 'queued' && run.status !== 'running') throw new Error(`run ${run.status}`);
    if (Date.now() > deadline) throw new Error('run did not finish');
    await new Promise((r) => setTimeout(r, 250));
  }
});

afterAll(async () => {
  if (server) await stopServer(server);
});

describe('version numbers under concurrency', () => {
  it('gives 50 concurrent HTTP registrations, plus 20 from another process, versions 1..70 exactly once', async () => {
    const viaHttp = Array.from({ length: 50 }, () => scientist.mutate('registry.register', { runId, stepId: 'train', name: 'race' }));
    // A second writer on the same database (the SQLite file, or the Postgres database through this
    // process's own pool), registering while the server is busy with the requests above.
    const opened = openTestDbIn(server.dataDir);
    const { anyDb } = opened;
    const direct: number[] = [];
    try {
      const { projectId, draft } = await draftFromRunStep(anyDb, server.dataDir, { runId, stepId: 'train' });
      for (let i = 0; i < 20; i++) {
        await nextTick();
        direct.push((await registerModelVersion(anyDb, { projectId, modelName: 'race', draft, userId: null, via: 'manual' })).version);
      }
    } finally {
      opened.close();
    }
    const answers = (await Promise.all(viaHttp)).map((r) => HttpClient.data(r));
    const numbers = [...answers.map((a) => a.version as number), ...direct].sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(new Set(answers.map((a) => a.modelId)).size).toBe(1);

    const listed = HttpClient.data(await admin.query('registry.versions', { modelId: answers[0].modelId, sort: 'version', direction: 'asc', limit: 200 }));
    expect(listed.total).toBe(70);
    expect(listed.rows.map((r: { version: number }) => r.version)).toEqual(numbers);
  });

  it('refuses roles without the right, and bad names, with the reason', async () => {
    const denied = await manager.mutate('registry.register', { runId, stepId: 'train', name: 'race' });
    expect(denied.status).toBe(403);
    const bad = await scientist.mutate('registry.register', { runId, stepId: 'split', name: 'race' });
    expect(bad.status).toBe(400);
    expect(HttpClient.error(bad).message).toMatch(/does not output a model/);
    expect((await scientist.mutate('registry.register', { runId, stepId: 'train', name: 'no spaces please' })).status).toBe(400);
  });
});

describe('promotion to production with approval', () => {
  it('waits for a manager, then moves, and the audit log shows who approved what', async () => {
    const v = HttpClient.data(await scientist.mutate('registry.register', { runId, stepId: 'train', name: 'screen' }));
    expect((await scientist.mutate('registry.saveSettings', { projectId: 'sample', productionApproval: true })).status).toBe(403);
    HttpClient.data(await admin.mutate('registry.saveSettings', { projectId: 'sample', productionApproval: true }));

    const asked = HttpClient.data(await scientist.mutate('registry.setAlias', { modelId: v.modelId, alias: 'production', version: v.version, comment: 'beats v0' }));
    expect(asked).toMatchObject({ state: 'pending', to: 1 });
    expect((await scientist.mutate('registry.decide', { requestId: asked.requestId, approve: true })).status).toBe(403);
    const pending = HttpClient.data(await manager.query('registry.pending', {}));
    expect(pending.map((p: { id: string }) => p.id)).toContain(asked.requestId);

    const decided = HttpClient.data(await manager.mutate('registry.decide', { requestId: asked.requestId, approve: true, comment: 'signed off' }));
    expect(decided).toEqual({ state: 'moved', alias: 'production', from: null, to: 1 });
    const model = HttpClient.data(await manager.query('registry.model', { id: v.modelId }));
    expect(model.aliases.map((a: { alias: string; version: number }) => [a.alias, a.version])).toEqual([['production', 1]]);

    expect((await manager.query('audit.list', {})).status).toBe(403);
    const trail = HttpClient.data(await admin.query('audit.list', { action: 'model.alias' }));
    const approve = trail.events.find((e: { action: string }) => e.action === 'model.alias.approve');
    expect(approve).toMatchObject({ userName: 'mia', detail: { alias: 'production', from: null, to: 1, comment: 'signed off', requestComment: 'beats v0' } });
    expect(trail.events.find((e: { action: string }) => e.action === 'model.alias.move')).toMatchObject({ detail: { approvedBy: approve.userId } });
  });
});
