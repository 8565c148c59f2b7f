// Projects on SQLite and on Postgres: create (ids from names, reserved ids skipped), rename, list,
// archive and unarchive, the cache policy, each audited in its transaction; one name per project.
import { desc } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createUser, type PublicUser } from '../../server/auth/users';
import {
  createProject,
  getProject,
  listProjects,
  setProjectArchived,
  setProjectCachePolicy,
  updateProject,
} from '../../server/projects/projects';
import { describeEachDatabase } from './helpers/each-database';

describeEachDatabase('projects', (under) => {
  const lastAudit = async () => (await under.db.select().from(under.db.t.auditEvents).orderBy(desc(under.db.t.auditEvents.id)).limit(1))[0];
  let analyst: PublicUser;
  // The list is in creation order, ties (two creates in one millisecond) broken by id: expect that
  // order of these ids rather than the order the test created them in, which a tie can reverse.
  const inListOrder = async (ids: string[]) => {
    const created = await Promise.all(ids.map(async (id) => ({ id, at: (await getProject(under.db, id))!.createdAt })));
    return created.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((p) => p.id);
  };

  it('creates projects with ids from their names, never a reserved id, and audits each', async () => {
    const { db } = under;
    analyst = await createUser(db, { email: 'analyst@example.com', name: 'Ana', role: 'analyst', password: 'long enough password' });
    const churn = await createProject(db, analyst, { name: 'Churn 2025', description: 'Who leaves' });
    expect(churn).toMatchObject({ id: 'churn-2025', name: 'Churn 2025', createdBy: analyst.id, archivedAt: null, cachePolicy: 'verified' });
    expect(await lastAudit()).toMatchObject({ userId: analyst.id, action: 'project.create', targetId: 'churn-2025', detail: { name: 'Churn 2025' } });
    expect((await createProject(db, analyst, { name: 'CLI', description: '' })).id).toBe('cli-2');
    expect((await createProject(db, analyst, { name: 'churn 2025!', description: '' })).id).toBe('churn-2025-2');
    expect((await listProjects(db, false)).map((p) => p.id)).toEqual(await inListOrder(['churn-2025', 'cli-2', 'churn-2025-2']));
    expect(await getProject(db, 'churn-2025')).toEqual(churn);
    expect(await getProject(db, 'nope')).toBeUndefined();
  });

  it('refuses a name another project has, in any case, and rolls back with nothing written', async () => {
    const { db } = under;
    const before = await lastAudit();
    await expect(createProject(db, analyst, { name: 'CHURN 2025', description: '' })).rejects.toThrow('A project named "CHURN 2025" already exists');
    await expect(updateProject(db, analyst, { id: 'cli-2', name: 'churn 2025', description: '' })).rejects.toThrow(/already exists/);
    expect(await lastAudit()).toEqual(before);
    expect(await listProjects(db, true)).toHaveLength(3);
  });

  it('renames a project (its own name in another case is fine) and audits from and to', async () => {
    const { db } = under;
    expect(await updateProject(db, analyst, { id: 'cli-2', name: 'Command line', description: 'runs' })).toMatchObject({ id: 'cli-2', name: 'Command line', description: 'runs' });
    expect(await updateProject(db, analyst, { id: 'cli-2', name: 'COMMAND LINE', description: 'runs' })).toMatchObject({ name: 'COMMAND LINE' });
    expect(await lastAudit()).toMatchObject({ action: 'project.update', targetId: 'cli-2', detail: { from: { name: 'Command line', description: 'runs' }, to: { name: 'COMMAND LINE', description: 'runs' } } });
    expect((await getProject(db, 'cli-2'))?.name).toBe('COMMAND LINE');
    await expect(updateProject(db, analyst, { id: 'nope', name: 'X', description: '' })).rejects.toThrow('Project "nope" does not exist');
  });

  it('archives out of the list and back; an archived name stays taken and says where it is', async () => {
    const { db } = under;
    const archived = await setProjectArchived(db, analyst, 'churn-2025-2', true);
    expect(archived.archivedAt).toEqual(expect.any(Number));
    expect(await lastAudit()).toMatchObject({ action: 'project.archive', targetId: 'churn-2025-2' });
    expect((await listProjects(db, false)).map((p) => p.id)).toEqual(await inListOrder(['churn-2025', 'cli-2']));
    expect((await listProjects(db, true)).map((p) => p.id)).toEqual(await inListOrder(['churn-2025', 'cli-2', 'churn-2025-2']));
    await expect(createProject(db, analyst, { name: 'Churn 2025!', description: '' })).rejects.toThrow(/already exists \(archived; show archived projects to find it\)/);
    // Archiving twice changes nothing and audits nothing.
    const audited = await lastAudit();
    expect(await setProjectArchived(db, analyst, 'churn-2025-2', true)).toEqual(archived);
    expect(await lastAudit()).toEqual(audited);
    expect((await setProjectArchived(db, analyst, 'churn-2025-2', false)).archivedAt).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: 'project.unarchive', targetId: 'churn-2025-2' });
    expect(await listProjects(db, false)).toHaveLength(3);
  });

  it('sets the cache policy with an audit of from and to', async () => {
    const { db } = under;
    expect((await setProjectCachePolicy(db, analyst.id, 'churn-2025', 'own')).cachePolicy).toBe('own');
    expect((await getProject(db, 'churn-2025'))?.cachePolicy).toBe('own');
    expect(await lastAudit()).toMatchObject({ action: 'project.cache_policy', targetId: 'churn-2025', detail: { from: 'verified', to: 'own' } });
  });

  it('lets exactly one of two concurrent creates with one name through', async () => {
    const { db } = under;
    const results = await Promise.allSettled([
      createProject(db, analyst, { name: 'Race', description: '' }),
      createProject(db, analyst, { name: 'race', description: '' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(String(refused?.status === 'rejected' ? refused.reason : '')).toMatch(/already exists/);
  });
});
