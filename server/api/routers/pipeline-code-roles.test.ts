// Only scientists and admins write code: pipeline.save and pipeline.restore refuse an analyst's
// save that adds or changes a code node's code (403, audited), while an analyst may still save
// other edits to a pipeline that holds code, and merge in a scientist's code edit.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUser, type PublicUser } from '../../auth/users';
import { auditEvents, projects } from '../../db/schema';
import { openTestDb, type TestDb } from '../../db/test-db';
import { testContext } from '../test-context';
import { createCallerFactory } from '../trpc';
import { TRANSFORM_EXAMPLE } from '../../../nodes/code/transform.node.ts';
import { pipelineRouter } from './pipeline';

const callerFor = createCallerFactory(pipelineRouter);
let t: TestDb;
let scientist: PublicUser;
let analyst: PublicUser;

beforeEach(async () => {
  t = openTestDb();
  scientist = await createUser(t.anyDb, { email: 's@example.com', name: 'Sci', role: 'scientist', password: 'long enough password' });
  analyst = await createUser(t.anyDb, { email: 'a@example.com', name: 'Ana', role: 'analyst', password: 'long enough password' });
  t.db.insert(projects).values({ id: 'pr', name: 'P', createdAt: 0 }).run();
});
afterEach(() => t.cleanup());

const as = (user: PublicUser) => callerFor(testContext(t, user));

function doc(code: string | undefined, label = 'Load') {
  return {
    schemaVersion: 1,
    id: 'p1',
    name: 'P1',
    nodes: [
      { id: 'load', type: 'ingest/sample-dataset', version: 1, label, params: { dataset: 'breast-cancer' }, position: { x: 0, y: 0 } },
      { id: 'code', type: 'code/transform', version: 1, params: code === undefined ? {} : { code }, position: { x: 200, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'load', sourceHandle: 'table', target: 'code', targetHandle: 'table' }],
  };
}

describe('writing code needs the code.write right', () => {
  it('refuses an analyst who adds code, with a 403 naming the node, and audits it', async () => {
    await expect(as(analyst).save({ projectId: 'pr', doc: doc('(cols) => cols'), baseVersion: 0 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/Only scientists and admins may add or change code.*"code"/),
    });
    const denied = t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.userId, analyst.id))).all();
    expect(denied).toHaveLength(1);
    // The node's default code is Pipeworks', not the analyst's: adding a code node as it comes is
    // fine, whether its params leave the code out or spell the default out (as the canvas does).
    expect((await as(analyst).save({ projectId: 'pr', doc: doc(undefined), baseVersion: 0 })).version).toBe(1);
    expect((await as(analyst).save({ projectId: 'pr', doc: doc(TRANSFORM_EXAMPLE, 'Other'), baseVersion: 1 })).version).toBe(2);
    // Putting a scientist's code back to the default is a change of code all the same.
    await as(scientist).save({ projectId: 'pr', doc: doc('(cols) => cols', 'Other'), baseVersion: 2 });
    await expect(as(analyst).save({ projectId: 'pr', doc: doc(undefined, 'Other'), baseVersion: 3 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets a scientist write code, and an analyst then edit the rest but not the code', async () => {
    const v1 = await as(scientist).save({ projectId: 'pr', doc: doc('(cols) => cols'), baseVersion: 0 });
    const v2 = await as(analyst).save({ projectId: 'pr', doc: doc('(cols) => cols', 'Renamed'), baseVersion: v1.version });
    expect(v2).toMatchObject({ created: true, version: 2 });
    await expect(as(analyst).save({ projectId: 'pr', doc: doc('(cols) => ({})', 'Renamed'), baseVersion: 2 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Forced through an older base: the merge keeps the analyst's change to the code, so still refused.
    await expect(as(analyst).save({ projectId: 'pr', doc: doc('(cols) => ({})'), baseVersion: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets an analyst take in a scientist\'s code edit by merge, and refuses restoring old code', async () => {
    await as(scientist).save({ projectId: 'pr', doc: doc('(cols) => cols'), baseVersion: 0 });
    await as(scientist).save({ projectId: 'pr', doc: doc('(cols) => ({ ...cols })'), baseVersion: 1 });
    // The analyst edited v1's label; v2's new code comes in through the merge, not from them.
    const merged = await as(analyst).save({ projectId: 'pr', doc: doc('(cols) => cols', 'Renamed'), baseVersion: 1 });
    expect(merged).toMatchObject({ created: true, version: 3 });
    await expect(as(analyst).restore({ id: 'p1', version: 1, baseVersion: 3 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await as(scientist).restore({ id: 'p1', version: 1, baseVersion: 3 })).version).toBe(4);
  });

  it('lets only code writers fork a node as code (the fork writes code)', async () => {
    const fork = { doc: { ...doc(undefined), nodes: [doc(undefined).nodes[0], { id: 'f', type: 'clean/deduplicate', version: 1, params: {}, position: { x: 0, y: 0 } }], edges: [{ id: 'e1', source: 'load', sourceHandle: 'table', target: 'f', targetHandle: 'table' }] }, nodeId: 'f' };
    await expect(as(analyst).forkAsCode(fork)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await as(scientist).forkAsCode(fork)).type).toBe('code/transform');
  });
});
