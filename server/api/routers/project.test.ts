import { TRPCError } from '@trpc/server';
import { inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recentAuditEvents } from '../../auth/audit';
import type { Role } from '../../auth/roles';
import { createUser, type PublicUser } from '../../auth/users';
import { projects } from '../../db/schema';
import { openTestDb, type TestDb } from '../../db/test-db';
import { seedSampleProject } from '../../pipelines/seed';
import { testContext } from '../test-context';
import { createCallerFactory, createTRPCRouter } from '../trpc';
import { projectRouter } from './project';
import { templateProcedures } from './templates';

const callerFor = createCallerFactory(createTRPCRouter({ project: projectRouter, pipeline: createTRPCRouter(templateProcedures) }));

let t: TestDb;
const users = {} as Record<Role, PublicUser>;
beforeEach(async () => {
  t = openTestDb();
  for (const role of ['admin', 'scientist', 'analyst', 'viewer'] as const) {
    users[role] = await createUser(t.anyDb, { email: `${role}@example.com`, name: role, role, password: 'long enough password' });
  }
  await seedSampleProject(t.anyDb);
});
afterEach(() => t.cleanup());

// The list is in creation order, ties (the seeded project and one made in the same millisecond)
// broken by id: expect that order of these ids, not the order the test made them in.
function inListOrder(ids: string[]): string[] {
  const rows = t.db.select({ id: projects.id, at: projects.createdAt }).from(projects).where(inArray(projects.id, ids)).all();
  return rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((p) => p.id);
}

function caller(role: Role) {
  return callerFor(testContext(t, users[role]));
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'resolved';
}

describe('project.create', () => {
  it('gives a new project an id from its name, its creator, and an audit entry', async () => {
    const created = await caller('analyst').project.create({ name: '  Churn 2025 ', description: 'Who leaves and why' });
    expect(created).toMatchObject({ id: 'churn-2025', name: 'Churn 2025', description: 'Who leaves and why', createdBy: users.analyst.id, archivedAt: null });
    expect((await recentAuditEvents(t.anyDb))[0]).toMatchObject({ action: 'project.create', targetId: 'churn-2025', userId: users.analyst.id });
    const listed = await caller('viewer').project.list();
    expect(listed.map((p) => p.id)).toEqual(inListOrder(['sample', 'churn-2025']));
  });

  it('refuses viewers, empty names and a name another project has (in any case)', async () => {
    expect(await codeOf(caller('viewer').project.create({ name: 'X' }))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(caller('admin').project.create({ name: '   ' }))).toMatch(/^BAD_REQUEST/);
    expect(await codeOf(caller('admin').project.create({ name: 'sample PROJECT' }))).toBe('BAD_REQUEST: A project named "sample PROJECT" already exists');
  });

  it('never takes the ids Pipeworks keeps for itself', async () => {
    expect((await caller('admin').project.create({ name: 'CLI' })).id).toBe('cli-2');
    expect((await caller('admin').project.create({ name: 'Sample' })).id).toBe('sample-2');
    expect((await caller('admin').project.create({ name: '!!!' })).id).toBe('project');
  });
});

describe('project.update and project.setArchived', () => {
  it('let the creator rename and archive their project; others get 403, admins may', async () => {
    const { id } = await caller('analyst').project.create({ name: 'Mine' });
    expect(await codeOf(caller('scientist').project.update({ id, name: 'Theirs' }))).toMatch(/^FORBIDDEN: Only an administrator or the person who created "Mine"/);
    expect(await codeOf(caller('scientist').project.setArchived({ id, archived: true }))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(caller('viewer').project.setArchived({ id, archived: true }))).toMatch(/^FORBIDDEN/);

    expect(await caller('analyst').project.update({ id, name: 'Renamed', description: 'now with words' })).toMatchObject({ id, name: 'Renamed' });
    expect(await caller('admin').project.update({ id, name: 'Renamed again' })).toMatchObject({ name: 'Renamed again', description: '' });
    const renamed = (await recentAuditEvents(t.anyDb)).find((e) => e.action === 'project.update');
    expect(renamed?.detail).toEqual({ from: { name: 'Renamed', description: 'now with words' }, to: { name: 'Renamed again', description: '' } });
    expect(await codeOf(caller('admin').project.update({ id: 'nope', name: 'X' }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(caller('admin').project.update({ id, name: 'Sample project' }))).toMatch(/already exists/);
  });

  it('hides archived projects from the list until asked, keeps them reachable, and refuses new pipelines in them', async () => {
    const { id } = await caller('analyst').project.create({ name: 'Old work' });
    const archived = await caller('analyst').project.setArchived({ id, archived: true });
    expect(archived.archivedAt).toEqual(expect.any(Number));
    expect((await caller('viewer').project.list()).map((p) => p.id)).toEqual(['sample']);
    expect((await caller('viewer').project.list({ includeArchived: true })).map((p) => p.id)).toEqual(inListOrder(['sample', id]));
    expect(await caller('viewer').project.get({ id })).toMatchObject({ id, archivedAt: archived.archivedAt, canManage: false });
    expect(await codeOf(caller('analyst').pipeline.create({ projectId: id, name: 'New' }))).toBe(
      'BAD_REQUEST: Project "Old work" is archived; unarchive it to add pipelines',
    );
    // A new project may not take an archived one's name: it would be two "Old work"s once unarchived.
    expect(await codeOf(caller('analyst').project.create({ name: 'old work' }))).toMatch(/archived; show archived projects/);

    await caller('analyst').project.setArchived({ id, archived: false });
    expect((await caller('viewer').project.list()).map((p) => p.id)).toEqual(inListOrder(['sample', id]));
    expect((await recentAuditEvents(t.anyDb)).map((e) => e.action).slice(0, 2)).toEqual(['project.unarchive', 'project.archive']);
    expect(await caller('analyst').pipeline.create({ projectId: id, name: 'New' })).toMatchObject({ version: 1 });
  });

  it('tells each person whether they may manage each project', async () => {
    await caller('analyst').project.create({ name: 'Mine' });
    const forAnalyst = await caller('analyst').project.list();
    const manages: Record<string, boolean> = { sample: false, mine: true };
    expect(forAnalyst.map((p) => [p.id, p.canManage])).toEqual((inListOrder(['sample', 'mine'])).map((id) => [id, manages[id]]));
    expect((await caller('admin').project.list()).every((p) => p.canManage)).toBe(true);
  });
});
