// Projects: created by anyone who builds pipelines, renamed and archived by their creator or an
// administrator. Archiving hides a project from the list; everything in it stays and opens by link.
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import { can, type Role } from '../auth/roles';
import type { Db } from '../db/client';
import { projects, type Project } from '../db/schema';
import { uniquePipelineId } from '../pipelines/templates/pipeline-id';

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

export function listProjects(db: Db, includeArchived: boolean): Project[] {
  return db
    .select()
    .from(projects)
    .where(includeArchived ? undefined : isNull(projects.archivedAt))
    .orderBy(asc(projects.createdAt))
    .all();
}

/** Two projects may not share a name (ignoring case and surrounding spaces): people pick them by name. */
function assertNameFree(db: Db, name: string, exceptId?: string): void {
  const clash = db
    .select({ id: projects.id, archivedAt: projects.archivedAt })
    .from(projects)
    .where(and(sql`lower(${projects.name}) = lower(${name})`, exceptId ? ne(projects.id, exceptId) : undefined))
    .get();
  if (clash) {
    const where = clash.archivedAt === null ? '' : ' (archived; show archived projects to find it)';
    throw new UserError(`A project named "${name}" already exists${where}`, { field: 'name' });
  }
}

export function createProject(db: Db, actor: Actor, input: { name: string; description: string }): Project {
  return db.transaction(
    (tx) => {
      assertNameFree(tx, input.name);
      const taken = (id: string) => RESERVED_IDS.has(id) || !!tx.select({ id: projects.id }).from(projects).where(eq(projects.id, id)).get();
      const project: Project = {
        id: uniquePipelineId(input.name, taken, 'project'),
        name: input.name,
        description: input.description,
        createdBy: actor.id,
        createdAt: Date.now(),
        archivedAt: null,
        cachePolicy: 'verified',
      };
      tx.insert(projects).values(project).run();
      audit(tx, { userId: actor.id, action: 'project.create', targetType: 'project', targetId: project.id, detail: { name: project.name } });
      return project;
    },
    { behavior: 'immediate' },
  );
}

/** The project as it is now; callers checked canManageProject first (the router answers 403 otherwise). */
function current(db: Db, id: string): Project {
  const project = db.select().from(projects).where(eq(projects.id, id)).get();
  if (!project) throw new UserError(`Project "${id}" does not exist`, { field: 'id' });
  return project;
}

export function getProject(db: Db, id: string): Project | undefined {
  return db.select().from(projects).where(eq(projects.id, id)).get();
}

export function updateProject(db: Db, actor: Actor, input: { id: string; name: string; description: string }): Project {
  return db.transaction(
    (tx) => {
      const before = current(tx, input.id);
      assertNameFree(tx, input.name, input.id);
      tx.update(projects).set({ name: input.name, description: input.description }).where(eq(projects.id, input.id)).run();
      audit(tx, {
        userId: actor.id,
        action: 'project.update',
        targetType: 'project',
        targetId: input.id,
        detail: { from: { name: before.name, description: before.description }, to: { name: input.name, description: input.description } },
      });
      return { ...before, name: input.name, description: input.description };
    },
    { behavior: 'immediate' },
  );
}

export function setProjectArchived(db: Db, actor: Actor, id: string, archived: boolean): Project {
  return db.transaction(
    (tx) => {
      const before = current(tx, id);
      if ((before.archivedAt !== null) === archived) return before;
      const archivedAt = archived ? Date.now() : null;
      tx.update(projects).set({ archivedAt }).where(eq(projects.id, id)).run();
      audit(tx, { userId: actor.id, action: archived ? 'project.archive' : 'project.unarchive', targetType: 'project', targetId: id, detail: {} });
      return { ...before, archivedAt };
    },
    { behavior: 'immediate' },
  );
}
