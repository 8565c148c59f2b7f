import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unpackColumns } from '../../../engine/columns';
import { parseDocument } from '../../../engine/document';
import { createUser, type PublicUser } from '../../auth/users';
import { projects } from '../../db/schema';
import { openTestDb, type TestDb } from '../../db/test-db';
import { recordDatasetVersion } from '../../datasets/dataset-store';
import { latestVersionNumber, saveVersion } from '../../pipelines/versions';
import type { Context } from '../context';
import { createCallerFactory } from '../trpc';
import { pipelineRouter } from './pipeline';

const callerFor = createCallerFactory(pipelineRouter);
const SALES = [
  { name: 'region', type: 'categorical' as const, role: 'feature' as const },
  { name: 'revenue', type: 'numeric' as const, role: 'target' as const },
];

let t: TestDb;
let user: PublicUser;
beforeEach(async () => {
  t = openTestDb();
  user = await createUser(t.anyDb, { email: 'v@example.com', name: 'Viewer', role: 'viewer', password: 'long enough password' });
  t.db.insert(projects).values({ id: 'pr', name: 'P', createdAt: 0 }).run();
  const table = { artifactId: 'a'.repeat(64), artifactSize: 1, rows: 2, columns: SALES, format: 'csv' as const, sourceSize: 1, options: {} };
  await recordDatasetVersion(t.anyDb, { name: 'sales', filename: 's.csv', userId: null, table });
});
afterEach(() => t.cleanup());

function caller() {
  return callerFor({
    anyDb: t.anyDb,
    req: new Request('http://127.0.0.1/api/trpc'),
    resHeaders: new Headers(),
    user: { id: user.id, email: user.email, name: user.name, role: user.role, via: 'session' },
  } satisfies Context);
}

const doc = (roles: unknown[] = []) => ({
  schemaVersion: 1,
  id: 'sales-pipeline',
  name: 'Sales',
  nodes: [
    { id: 'load', type: 'ingest/dataset', version: 1, params: { name: 'sales' }, position: { x: 0, y: 0 } },
    { id: 'roles', type: 'clean/set-roles', version: 1, params: { roles }, position: { x: 0, y: 0 } },
    { id: 'fit', type: 'train/logistic-regression', version: 1, params: {}, position: { x: 0, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'load', sourceHandle: 'table', target: 'roles', targetHandle: 'table' },
    { id: 'e2', source: 'roles', sourceHandle: 'table', target: 'fit', targetHandle: 'train' },
  ],
});

describe('pipeline columns', () => {
  it('get returns the columns flowing into each node, beside the unchanged plan and issues', async () => {
    const parsed = parseDocument(doc([{ column: 'region', role: 'target' }]));
    if (!parsed.ok) throw new Error('the test document should parse');
    await saveVersion(t.anyDb, 'pr', parsed.value, null, { baseVersion: await latestVersionNumber(t.anyDb, parsed.value.id) });
    const got = await caller().get({ id: 'sales-pipeline' });
    const columns = unpackColumns(got.columns);
    // Packed: the list flowing from load through roles is sent once.
    expect(got.columns.lists.filter((l) => JSON.stringify(l) === JSON.stringify(SALES))).toHaveLength(1);
    expect(got.plan?.steps.map((s) => s.id)).toEqual(['load', 'roles', 'fit']);
    expect(got.issues).toEqual([]);
    expect(columns.roles?.inputs).toEqual({ table: SALES });
    expect(columns.fit).toEqual({
      inputs: {
        train: [
          { name: 'region', type: 'categorical', role: 'target' },
          { name: 'revenue', type: 'numeric', role: 'feature' },
        ],
        validation: null,
      },
      outputs: { model: null },
    });
  });

  it('compile returns columns for a document that does not compile, and none for one that does not parse', async () => {
    const broken = await caller().compile({ doc: doc([{ column: 'nope', role: 'target' }, { column: 'nope', role: 'id' }]) });
    expect(broken.ok).toBe(true); // unknown columns are found when the step runs, not at compile
    expect(unpackColumns(broken.columns).roles?.outputs).toEqual({ table: null });
    const unwired = { ...doc(), edges: [] };
    const result = await caller().compile({ doc: unwired });
    expect(result.ok).toBe(false);
    expect(unpackColumns(result.columns).load?.outputs).toEqual({ table: SALES });
    expect(unpackColumns(result.columns).roles?.inputs).toEqual({ table: null });
    const unparsable = await caller().compile({ doc: { nodes: 'no' } });
    expect(unparsable).toMatchObject({ ok: false, plan: null, columns: { lists: [], nodes: {} } });
  });
});
