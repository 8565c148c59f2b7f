import { TRPCError } from '@trpc/server';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { pipelines, projects } from '../../db/schema';
import { audit } from '../../auth/audit';
import { can } from '../../auth/roles';
import { CACHE_POLICIES } from '../../trust/result-trust';
import {
  canManageProject,
  createProject,
  getProject,
  listProjects,
  setProjectArchived,
  updateProject,
  type Actor,
} from '../../projects/projects';
import type { Db } from '../../db/client';
import { notFound } from '../errors';
import { createTRPCRouter, permitted } from '../trpc';

const projectId = z.string().min(1).max(64);
const projectName = z.string().trim().min(1, 'A project needs a name').max(100);
const projectDescription = z.string().trim().max(500).default('');

/** 404 for a project that does not exist, 403 for one this person may not rename or archive. */
function assertManageable(db: Db, actor: Actor, id: string): void {
  const project = getProject(db, id);
  if (!project) throw notFound(`Project "${id}"`);
  if (!canManageProject(actor, project)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `Only an administrator or the person who created "${project.name}" may rename or archive it` });
  }
}

export const projectRouter = createTRPCRouter({
  /** Active projects, oldest first; archived ones too (with `archivedAt` set) when asked. */
  list: permitted('pipeline.read')
    .input(z.object({ includeArchived: z.boolean().default(false) }).optional())
    .query(({ ctx, input }) =>
      listProjects(ctx.db, input?.includeArchived ?? false).map((p) => ({ ...p, canManage: canManageProject(ctx.user, p) })),
    ),

  get: permitted('pipeline.read')
    .input(z.object({ id: projectId }))
    .query(({ ctx, input }) => {
      const project = getProject(ctx.db, input.id);
      if (!project) throw notFound(`Project "${input.id}"`);
      const list = ctx.db.select().from(pipelines).where(eq(pipelines.projectId, input.id)).orderBy(asc(pipelines.name)).all();
      return { ...project, canManage: canManageProject(ctx.user, project), canSetCachePolicy: can(ctx.user.role, 'project.write'), pipelines: list };
    }),

  create: permitted('project.create')
    .input(z.object({ name: projectName, description: projectDescription }))
    .mutation(({ ctx, input }) => createProject(ctx.db, ctx.user, input)),

  /** Renames a project and sets its description. */
  update: permitted('project.create')
    .input(z.object({ id: projectId, name: projectName, description: projectDescription }))
    .mutation(({ ctx, input }) => {
      assertManageable(ctx.db, ctx.user, input.id);
      return updateProject(ctx.db, ctx.user, input);
    }),

  /** Which cached results this project's runs may reuse (docs/security.md): administrators only. */
  setCachePolicy: permitted('project.write')
    .input(z.object({ id: projectId, policy: z.enum(CACHE_POLICIES) }))
    .mutation(({ ctx, input }) => {
      const project = getProject(ctx.db, input.id);
      if (!project) throw notFound(`Project "${input.id}"`);
      ctx.db.update(projects).set({ cachePolicy: input.policy }).where(eq(projects.id, input.id)).run();
      audit(ctx.db, { userId: ctx.user.id, action: 'project.cache_policy', targetType: 'project', targetId: input.id, detail: { from: project.cachePolicy, to: input.policy } });
      return { id: input.id, cachePolicy: input.policy };
    }),

  setArchived: permitted('project.create')
    .input(z.object({ id: projectId, archived: z.boolean() }))
    .mutation(({ ctx, input }) => {
      assertManageable(ctx.db, ctx.user, input.id);
      return setProjectArchived(ctx.db, ctx.user, input.id, input.archived);
    }),
});
