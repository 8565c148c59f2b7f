// Projects: created by anyone who builds pipelines, renamed and archived by their creator or an
// administrator. Archiving hides a project from the list; everything in it stays and opens by link.
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import { can, type Role } from '../auth/roles';
import { first, type AnyDb } from '../db/any-db';
import { likePrefix } from '../db/like';
import type { Project } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { slugFromName, uniquePipelineId } from '../pipelines/templates/pipeline-id';

/** Ids Pipeworks creates itself (the sample project, the one `pipeworks run` fills). */
const RESERVED_IDS = new Set(['sample', 'cli']);

export interface Actor {
  id: string;
  role: Role;
}

/** Rename and archive: an administrator, or the person who created the project. */
export function canManageProject(actor: Actor, project: Pick<Project, 'createdBy'>): boolean {
  return can(actor.role, 'project.write') || (project.createdBy !== null && project.createdBy === actor.id);
}

export async function listProjects(db: AnyDb, includeArchived: boolean): Promise<Project[]> {
  const { projects } = db.t;
  return db
    .select()
    .from(projects)
    .where(includeArchived ? undefined : isNull(projects.archivedAt))
    .orderBy(asc(projects.createdAt), asc(projects.id));
}

/** Two projects may not share a name (ignoring case and surrounding spaces): people pick them by name. */
async function assertNameFree(db: AnyDb, name: string, exceptId?: string): Promise<void> {
  const { projects } = db.t;
  const clash = first(
    await db
      .select({ id: projects.id, archivedAt: projects.archivedAt })
      .from(projects)
      .where(and(sql`lower(${projects.name}) = lower(${name})`, exceptId ? ne(projects.id, exceptId) : undefined))
      .limit(1),
  );
  if (clash) {
    const where = clash.archivedAt === null ? '' : ' (archived; show archived projects to find it)';
    throw new UserError(`A project named "${name}" already exists${where}`, { field: 'name' });
  }
}

/** In one transaction, so two creates with one name cannot both pass the name check. */
export async function createProject(db: AnyDb, actor: Actor, input: { name: string; description: string }): Promise<Project> {
  const { projects } = db.t;
  return withTransaction(db, async (tx) => {
    await assertNameFree(tx, input.name);
    // Every id uniquePipelineId may pick starts with the name's slug: read those once, then choose.
    const similar = await tx.select({ id: projects.id }).from(projects).where(likePrefix(projects.id, slugFromName(input.name, 'project')));
    const takenIds = new Set(similar.map((p) => p.id));
    const project: Project = {
      id: uniquePipelineId(input.name, (id) => RESERVED_IDS.has(id) || takenIds.has(id), 'project'),
      name: input.name,
      description: input.description,
      createdBy: actor.id,
      createdAt: Date.now(),
      archivedAt: null,
      cachePolicy: 'verified',
    };
    await tx.insert(projects).values(project);
    await audit(tx, { userId: actor.id, action: 'project.create', targetType: 'project', targetId: project.id, detail: { name: project.name } });
    return project;
  });
}

/** The project as it is now; callers checked canManageProject first (the router answers 403 otherwise). */
async function current(db: AnyDb, id: string): Promise<Project> {
  const project = await getProject(db, id);
  if (!project) throw new UserError(`Project "${id}" does not exist`, { field: 'id' });
  return project;
}

export async function getProject(db: AnyDb, id: string): Promise<Project | undefined> {
  const { projects } = db.t;
  return first(await db.select().from(projects).where(eq(projects.id, id)).limit(1)) ?? undefined;
}

export async function updateProject(db: AnyDb, actor: Actor, input: { id: string; name: string; description: string }): Promise<Project> {
  const { projects } = db.t;
  return withTransaction(db, async (tx) => {
    const before = await current(tx, input.id);
    await assertNameFree(tx, input.name, input.id);
    await tx.update(projects).set({ name: input.name, description: input.description }).where(eq(projects.id, input.id));
    await audit(tx, {
      userId: actor.id,
      action: 'project.update',
      targetType: 'project',
      targetId: input.id,
      detail: { from: { name: before.name, description: before.description }, to: { name: input.name, description: input.description } },
    });
    return { ...before, name: input.name, description: input.description };
  });
}

export async function setProjectArchived(db: AnyDb, actor: Actor, id: string, archived: boolean): Promise<Project> {
  const { projects } = db.t;
  return withTransaction(db, async (tx) => {
    const before = await current(tx, id);
    if ((before.archivedAt !== null) === archived) return before;
    const archivedAt = archived ? Date.now() : null;
    await tx.update(projects).set({ archivedAt }).where(eq(projects.id, id));
    await audit(tx, { userId: actor.id, action: archived ? 'project.archive' : 'project.unarchive', targetType: 'project', targetId: id, detail: {} });
    return { ...before, archivedAt };
  });
}

/** Which cached results a project's runs may reuse; the caller checked the role. Audited with the change. */
export async function setProjectCachePolicy(db: AnyDb, actorId: string, id: string, policy: Project['cachePolicy']): Promise<Project> {
  const { projects } = db.t;
  return withTransaction(db, async (tx) => {
    const before = await current(tx, id);
    await tx.update(projects).set({ cachePolicy: policy }).where(eq(projects.id, id));
    await audit(tx, { userId: actorId, action: 'project.cache_policy', targetType: 'project', targetId: id, detail: { from: before.cachePolicy, to: policy } });
    return { ...before, cachePolicy: policy };
  });
}

/** A project's pipelines by name. */
export async function projectPipelines(db: AnyDb, projectId: string) {
  const { pipelines } = db.t;
  return db.select().from(pipelines).where(eq(pipelines.projectId, projectId)).orderBy(asc(pipelines.name));
}
