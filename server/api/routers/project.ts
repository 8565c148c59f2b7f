import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { can } from '../../auth/roles';
import { CACHE_POLICIES } from '../../trust/result-trust';
import {
  canManageProject,
  createProject,
  getProject,
  listProjects,
  projectPipelines,
  setProjectArchived,
  setProjectCachePolicy,
  updateProject,
  type Actor,
} from '../../projects/projects';
import type { AnyDb } from '../../db/any-db';
import { notFound } from '../errors';
import { createTRPCRouter, permitted } from '../trpc';

const projectId = z.string().min(1).max(64);
const projectName = z.string().trim().min(1, 'A project needs a name').max(100);
const projectDescription = z.string().trim().max(500).default('');

/** 404 for a project that does not exist, 403 for one this person may not rename or archive. */
async function assertManageable(db: AnyDb, actor: Actor, id: string): Promise<void> {
  const project = await getProject(db, id);
  if (!project) throw notFound(`Project "${id}"`);
  if (!canManageProject(actor, project)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `Only an administrator or the person who created "${project.name}" may rename or archive it` });
  }
}

export const projectRouter = createTRPCRouter({
  /** Active projects, oldest first; archived ones too (with `archivedAt` set) when asked. */
  list: permitted('pipeline.read')
    .input(z.object({ includeArchived: z.boolean().default(false) }).optional())
    .query(async ({ ctx, input }) =>
      (await listProjects(ctx.anyDb, input?.includeArchived ?? false)).map((p) => ({ ...p, canManage: canManageProject(ctx.user, p) })),
    ),

  get: permitted('pipeline.read')
    .input(z.object({ id: projectId }))
    .query(async ({ ctx, input }) => {
      const project = await getProject(ctx.anyDb, input.id);
      if (!project) throw notFound(`Project "${input.id}"`);
      const list = await projectPipelines(ctx.anyDb, input.id);
      return { ...project, canManage: canManageProject(ctx.user, project), canSetCachePolicy: can(ctx.user.role, 'project.write'), pipelines: list };
    }),

  create: permitted('project.create')
    .input(z.object({ name: projectName, description: projectDescription }))
    .mutation(({ ctx, input }) => createProject(ctx.anyDb, ctx.user, input)),

  /** Renames a project and sets its description. */
  update: permitted('project.create')
    .input(z.object({ id: projectId, name: projectName, description: projectDescription }))
    .mutation(async ({ ctx, input }) => {
      await assertManageable(ctx.anyDb, ctx.user, input.id);
      return updateProject(ctx.anyDb, ctx.user, input);
    }),

  /** Which cached results this project's runs may reuse (docs/security.md): administrators only. */
  setCachePolicy: permitted('project.write')
    .input(z.object({ id: projectId, policy: z.enum(CACHE_POLICIES) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await getProject(ctx.anyDb, input.id))) throw notFound(`Project "${input.id}"`);
      await setProjectCachePolicy(ctx.anyDb, ctx.user.id, input.id, input.policy);
      return { id: input.id, cachePolicy: input.policy };
    }),

  setArchived: permitted('project.create')
    .input(z.object({ id: projectId, archived: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await assertManageable(ctx.anyDb, ctx.user, input.id);
      return setProjectArchived(ctx.anyDb, ctx.user, input.id, input.archived);
    }),
});
