// The model registry: models and their numbered versions, aliases and approvals. Reads are open to
// every role; registering, moving aliases and approving each have their own action (roles.ts).
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { modelNameSchema } from '../../../nodes/models/model-name';
import { first } from '../../db/any-db';
import { getEnv } from '../../env';
import { changeAlias, decideAliasRequest, withdrawAliasRequest } from '../../registry/aliases';
import { datasetLineageGraph, modelLineageGraph } from '../../registry/lineage-graph';
import { describeModel, registerModelVersion } from '../../registry/register';
import { withProvenance } from '../../registry/lineage-provenance';
import { listModels, listVersions, VERSION_SORTS, versionFacets } from '../../registry/registry-list';
import { pendingRequests, readModel, readVersion } from '../../registry/registry-read';
import { loadRegistrySettings, writeRegistrySettings } from '../../registry/registry-settings';
import { draftFromRunStep } from '../../registry/run-version-draft';
import { notFound } from '../errors';
import { createTRPCRouter, permitted } from '../trpc';

const id = z.string().min(1).max(64);
const page = { offset: z.number().int().min(0).max(1_000_000).default(0), limit: z.number().int().min(1).max(200).default(50) };
const comment = z.string().max(2000).optional();

export const registryRouter = createTRPCRouter({
  models: permitted('pipeline.read')
    .input(z.object({ projectId: id.optional(), search: z.string().max(100).optional(), ...page }))
    .query(({ ctx, input }) => listModels(ctx.anyDb, input)),

  model: permitted('pipeline.read')
    .input(z.object({ id }))
    .query(async ({ ctx, input }) => {
      const model = await readModel(ctx.anyDb, input.id);
      if (!model) throw notFound(`Model ${input.id}`);
      return model;
    }),

  versions: permitted('pipeline.read')
    .input(
      z.object({
        projectId: id.optional(),
        modelId: id.optional(),
        alias: z.string().max(40).optional(),
        format: z.string().max(100).optional(),
        param: z.object({ key: z.string().min(1).max(200), value: z.string().max(500) }).optional(),
        sort: z.enum(VERSION_SORTS).default('created'),
        metric: z.string().max(100).optional(),
        direction: z.enum(['asc', 'desc']).default('desc'),
        columns: z.array(z.string().max(100)).max(20).optional(),
        ...page,
      }),
    )
    .query(({ ctx, input }) => {
      if (input.sort === 'metric' && !input.metric) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Sorting by metric needs the metric to sort by' });
      return listVersions(ctx.anyDb, input);
    }),

  facets: permitted('pipeline.read')
    .input(z.object({ projectId: id.optional(), modelId: id.optional() }))
    .query(({ ctx, input }) => versionFacets(ctx.anyDb, input)),

  version: permitted('pipeline.read')
    .input(z.object({ modelId: id, version: z.number().int().positive() }))
    .query(async ({ ctx, input }) => {
      const version = await readVersion(ctx.anyDb, input.modelId, input.version);
      if (!version) throw notFound(`Version ${input.version} of model ${input.modelId}`);
      return version;
    }),

  /** The version's lineage drawn as a graph: sources → steps (in their pipeline version) → the model. */
  lineage: permitted('pipeline.read')
    .input(z.object({ modelId: id, version: z.number().int().positive() }))
    .query(async ({ ctx, input }) => {
      const version = await readVersion(ctx.anyDb, input.modelId, input.version);
      if (!version) throw notFound(`Version ${input.version} of model ${input.modelId}`);
      return withProvenance(ctx.anyDb, modelLineageGraph(version), version.lineage);
    }),

  /** Everything derived from a dataset version: pipeline versions and runs that read it, models from them. */
  datasetLineage: permitted('pipeline.read')
    .input(z.object({ datasetVersionId: id }))
    .query(async ({ ctx, input }) => {
      const graph = await datasetLineageGraph(ctx.anyDb, input.datasetVersionId);
      if (!graph) throw notFound(`Dataset version ${input.datasetVersionId}`);
      return graph;
    }),

  /** A train step's model output in a run becomes the next version of the named model (created if new). */
  register: permitted('model.register')
    .input(
      z.object({
        runId: z.string().uuid(),
        stepId: id,
        output: z.string().min(1).max(64).optional(),
        name: modelNameSchema,
        description: z.string().max(2000).optional(),
        /** A scientist's or admin's approval of lineage the server did not verify (audited). */
        approveUnverified: z.boolean().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { projectId, draft } = await draftFromRunStep(ctx.anyDb, getEnv().PIPEWORKS_DATA_DIR, input);
      return registerModelVersion(ctx.anyDb, {
        projectId,
        modelName: input.name,
        description: input.description,
        draft,
        userId: ctx.user.id,
        role: ctx.user.role,
        approveUnverified: input.approveUnverified,
        via: 'manual',
      });
    }),

  describe: permitted('model.register')
    .input(z.object({ id, description: z.string().max(2000) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await describeModel(ctx.anyDb, input.id, input.description, ctx.user.id))) throw notFound(`Model ${input.id}`);
      return { ok: true };
    }),

  /** Points an alias at a version (null removes it); `production` may wait for approval instead. */
  setAlias: permitted('model.alias')
    .input(z.object({ modelId: id, alias: z.string().max(100), version: z.number().int().positive().nullable(), comment }))
    .mutation(({ ctx, input }) => changeAlias(ctx.anyDb, { ...input, actor: ctx.user })),

  pending: permitted('pipeline.read')
    .input(z.object({ projectId: id.optional() }))
    .query(({ ctx, input }) => pendingRequests(ctx.anyDb, input)),

  decide: permitted('model.approve')
    .input(z.object({ requestId: id, approve: z.boolean(), comment }))
    .mutation(({ ctx, input }) => decideAliasRequest(ctx.anyDb, { ...input, actor: ctx.user })),

  withdraw: permitted('model.alias')
    .input(z.object({ requestId: id }))
    .mutation(async ({ ctx, input }) => {
      await withdrawAliasRequest(ctx.anyDb, input.requestId, ctx.user);
      return { ok: true };
    }),

  settings: permitted('pipeline.read')
    .input(z.object({ projectId: id }))
    .query(({ ctx, input }) => loadRegistrySettings(ctx.anyDb, input.projectId)),

  saveSettings: permitted('project.write')
    .input(z.object({ projectId: id, productionApproval: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const { projects } = ctx.anyDb.t;
      if (!first(await ctx.anyDb.select({ id: projects.id }).from(projects).where(eq(projects.id, input.projectId)).limit(1))) throw notFound(`Project "${input.projectId}"`);
      await writeRegistrySettings(ctx.anyDb, input.projectId, { productionApproval: input.productionApproval }, ctx.user.id);
      return loadRegistrySettings(ctx.anyDb, input.projectId);
    }),
});
