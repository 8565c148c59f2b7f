// Endpoints and what serves them: deploy, canary, shadow, promote, one-step rollback, undeploy,
// settings and keys. Reads are open to every role; changes need `deploy.manage`, decisions on
// deploy requests `model.approve` (managers and admins), as the registry's alias requests do.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { gateSchema } from '../../../nodes/evaluate/gates';
import { championRuleSchema } from '../../../nodes/deploy/deploy-gates';
import { endpointNameSchema } from '../../../nodes/deploy/endpoint-name';
import { first } from '../../db/any-db';
import { ENDPOINT_KEY_SCOPES, UNSEEN_CATEGORY_POLICIES } from '../../db/schema';
import { decideDeployRequest, promoteDeployment, rollbackEndpoint, undeployEndpoint, withdrawDeployRequest } from '../../deployments/changes';
import { deployVersion } from '../../deployments/deploy';
import { listEndpoints, readEndpoint } from '../../deployments/deployments-read';
import { endpointRow } from '../../deployments/endpoint-row';
import { endpointStats } from '../../deployments/endpoint-stats';
import { createEndpointKey, revokeEndpointKey } from '../../deployments/endpoint-keys';
import { createEndpoint, updateEndpointSettings } from '../../deployments/endpoints';
import { ROLLOUT_MODES } from '../../deployments/rollout';
import { servingUrl } from '../../deployments/serving-url';
import { tryEndpoint } from '../../deployments/try-it';
import { notFound, userError } from '../errors';
import { createTRPCRouter, permitted } from '../trpc';

const id = z.string().min(1).max(64);
const endpointId = z.object({ endpointId: id });
const comment = z.string().max(2000).optional();
const cell = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);

export const deploymentsRouter = createTRPCRouter({
  list: permitted('pipeline.read')
    .input(z.object({ projectId: id.optional(), modelId: id.optional() }))
    .query(({ ctx, input }) => listEndpoints(ctx.anyDb, input)),

  get: permitted('pipeline.read')
    .input(z.object({ id }))
    .query(async ({ ctx, input }) => {
      const endpoint = await readEndpoint(ctx.anyDb, input.id);
      if (!endpoint) throw notFound(`Endpoint ${input.id}`);
      return { ...endpoint, servingUrl: servingUrl() };
    }),

  create: permitted('deploy.manage')
    .input(z.object({ name: endpointNameSchema, modelId: id, description: z.string().max(2000).optional() }))
    .mutation(({ ctx, input }) => createEndpoint(ctx.anyDb, { ...input, userId: ctx.user.id })),

  /** Deploys a version (by number, of the endpoint's model) after its gates; may wait for approval. */
  deploy: permitted('deploy.manage')
    .input(
      endpointId.extend({
        version: z.number().int().positive(),
        mode: z.enum(ROLLOUT_MODES),
        canaryPercent: z.number().int().min(1).max(99).optional(),
        gates: z.array(gateSchema).max(50).optional(),
        champion: championRuleSchema.nullable().optional(),
        comment,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const endpoint = await endpointRow(ctx.anyDb, input.endpointId);
      const { modelVersions } = ctx.anyDb.t;
      const version = first(await ctx.anyDb.select({ id: modelVersions.id }).from(modelVersions).where(and(eq(modelVersions.modelId, endpoint.modelId), eq(modelVersions.version, input.version))).limit(1));
      if (!version) throw userError(`The model of endpoint "${endpoint.name}" has no version ${input.version}`, { field: 'version' });
      return deployVersion(ctx.anyDb, { ...input, versionId: version.id, source: { userId: ctx.user.id } });
    }),

  promote: permitted('deploy.manage')
    .input(endpointId.extend({ role: z.enum(['canary', 'shadow']), comment }))
    .mutation(({ ctx, input }) => promoteDeployment(ctx.anyDb, input.endpointId, input.role, ctx.user, input.comment)),

  rollback: permitted('deploy.manage')
    .input(endpointId)
    .mutation(({ ctx, input }) => rollbackEndpoint(ctx.anyDb, input.endpointId, ctx.user)),

  undeploy: permitted('deploy.manage')
    .input(endpointId)
    .mutation(({ ctx, input }) => undeployEndpoint(ctx.anyDb, input.endpointId, ctx.user)),

  decide: permitted('model.approve')
    .input(z.object({ requestId: id, approve: z.boolean(), comment }))
    .mutation(({ ctx, input }) => decideDeployRequest(ctx.anyDb, input.requestId, input.approve, ctx.user, input.comment)),

  withdraw: permitted('deploy.manage')
    .input(z.object({ requestId: id }))
    .mutation(async ({ ctx, input }) => {
      await withdrawDeployRequest(ctx.anyDb, input.requestId, ctx.user);
      return { ok: true };
    }),

  saveSettings: permitted('deploy.manage')
    .input(
      endpointId.extend({
        description: z.string().max(2000).optional(),
        logSampleRate: z.number().min(0).max(1).optional(),
        maxBodyBytes: z.number().int().optional(),
        rateLimitPerMinute: z.number().int().optional(),
        unseenCategories: z.enum(UNSEEN_CATEGORY_POLICIES).optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const { endpointId: which, ...settings } = input;
      return updateEndpointSettings(ctx.anyDb, which, settings, ctx.user.id);
    }),

  /** The raw key is in this answer only. */
  createKey: permitted('deploy.manage')
    .input(endpointId.extend({ name: z.string().max(100), scopes: z.array(z.enum(ENDPOINT_KEY_SCOPES)).max(ENDPOINT_KEY_SCOPES.length), rateLimitPerMinute: z.number().int().nullable().optional() }))
    .mutation(({ ctx, input }) => createEndpointKey(ctx.anyDb, { ...input, userId: ctx.user.id })),

  revokeKey: permitted('deploy.manage')
    .input(endpointId.extend({ keyId: id }))
    .mutation(async ({ ctx, input }) => {
      await revokeEndpointKey(ctx.anyDb, input.endpointId, input.keyId, ctx.user.id);
      return { ok: true };
    }),

  stats: permitted('pipeline.read')
    .input(endpointId)
    .query(async ({ ctx, input }) => endpointStats(ctx.anyDb, await endpointRow(ctx.anyDb, input.endpointId))),

  /** Sends one row to the serving process with the key given; the key, not the session, authorises it there. */
  tryIt: permitted('pipeline.read')
    .input(endpointId.extend({ key: z.string().min(1).max(200), protocol: z.enum(['v2', 'mlflow']).default('v2'), row: z.record(z.string().max(200), cell) }))
    .mutation(async ({ ctx, input }) => {
      const endpoint = await readEndpoint(ctx.anyDb, input.endpointId);
      if (!endpoint) throw notFound(`Endpoint ${input.endpointId}`);
      if (!endpoint.signature) throw userError(`Endpoint "${endpoint.name}" has never served a version, so it has no input columns to try`);
      const columns = endpoint.signature.inputs;
      const unknown = Object.keys(input.row).filter((name) => !columns.some((c) => c.name === name));
      if (unknown.length) throw userError(`The model has no input column ${unknown.map((n) => `"${n}"`).join(', ')}; its columns: ${columns.map((c) => c.name).join(', ')}`, { field: 'row' });
      return tryEndpoint(endpoint.name, columns, input.row, input.key, input.protocol);
    }),
});
