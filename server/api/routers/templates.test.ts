import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../../engine/document';
import { recentAuditEvents } from '../../auth/audit';
import type { Role } from '../../auth/roles';
import { createUser, type PublicUser } from '../../auth/users';
import { projects } from '../../db/schema';
import { openTestDb, type TestDb } from '../../db/test-db';
import { compileDoc } from '../../pipelines/compile-doc';
import { getVersion } from '../../pipelines/versions';
import { testContext } from '../test-context';
import { createCallerFactory, createTRPCRouter } from '../trpc';
import { templateProcedures } from './templates';

const callerFor = createCallerFactory(createTRPCRouter(templateProcedures));

let t: TestDb;
const users = {} as Record<Role, PublicUser>;
beforeEach(async () => {
  t = openTestDb();
  for (const role of ['admin', 'analyst', 'viewer'] as const) {
    users[role] = await createUser(t.anyDb, { email: `${role}@example.com`, name: role, role, password: 'long enough password' });
  }
  t.db.insert(projects).values({ id: 'p1', name: 'P1', description: '', createdBy: null, createdAt: Date.now() }).run();
});
afterEach(() => t.cleanup());

function caller(role: 'admin' | 'analyst' | 'viewer') {
  return callerFor(testContext(t, users[role]));
}

describe('pipeline.templates', () => {
  it('lists the gallery for anyone who may read pipelines', async () => {
    const list = await caller('viewer').templates();
    expect(list.map((x) => x.id)).toEqual(['fraud-detection', 'customer-churn', 'price-regression', 'demand-forecast']);
    expect(list[1]).toMatchObject({ title: 'Customer churn', dataset: { name: 'customer-churn', rows: 4000 }, headlineMetric: 'roc_auc' });
  });
});

describe('pipeline.create', () => {
  it('creates a template pipeline at version 1 with an id from its name, and audits it', async () => {
    const created = await caller('analyst').create({ projectId: 'p1', name: 'Churn model', template: 'customer-churn' });
    expect(created).toEqual({ pipelineId: 'churn-model', version: 1 });
    const stored = (await getVersion(t.anyDb, 'churn-model'))!;
    expect(stored).toMatchObject({ version: 1, authorId: users.analyst.id });
    const doc = parseDocument(stored.doc);
    expect(doc.ok && doc.value.name).toBe('Churn model');
    expect(doc.ok && (await compileDoc(t.anyDb, doc.value)).ok).toBe(true);
    const event = (await recentAuditEvents(t.anyDb)).find((e) => e.action === 'pipeline.create');
    expect(event).toMatchObject({
      userId: users.analyst.id,
      targetType: 'pipeline',
      targetId: 'churn-model',
      detail: { projectId: 'p1', template: 'customer-churn', version: 1 },
    });
  });

  it('creates a blank pipeline with no nodes, and numbers a name that is taken', async () => {
    expect(await caller('admin').create({ projectId: 'p1', name: 'Scratch' })).toEqual({ pipelineId: 'scratch', version: 1 });
    expect(await caller('admin').create({ projectId: 'p1', name: 'scratch!' })).toEqual({ pipelineId: 'scratch-2', version: 1 });
    expect((await getVersion(t.anyDb, 'scratch'))!.doc).toEqual({ schemaVersion: 1, id: 'scratch', name: 'Scratch', nodes: [], edges: [] });
    expect((await getVersion(t.anyDb, 'scratch-2'))!.doc).toMatchObject({ name: 'scratch!', nodes: [] });
  });

  it('refuses viewers', async () => {
    await expect(caller('viewer').create({ projectId: 'p1', name: 'Nope' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names the field that is wrong', async () => {
    const fails = (input: Record<string, unknown>) => caller('admin').create(input as never);
    await expect(fails({ projectId: 'p1', name: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/"name"[\s\S]*Give the pipeline a name/) });
    await expect(fails({ projectId: 'p1', name: 'X', template: 'titanic' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/"template"[\s\S]*Choose one of the listed templates/),
    });
    await expect(fails({ projectId: 'nope', name: 'X' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'Project "nope" does not exist' });
  });
});
