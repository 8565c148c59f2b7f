// Continuous training: a pipeline's triggers (cron, new dataset version, alert) and their fires.
// Adding, enabling and deleting need pipeline.write (editors and admins); reading is for anyone.
import { z } from 'zod';
import { retrainLineageGraph } from '../../registry/lineage-retrain';
import { createTrigger, deleteTrigger, listChallenges, listTriggers, setTriggerEnabled } from '../../training/triggers';
import { notFound } from '../errors';
import { createTRPCRouter, permitted } from '../trpc';

const id = z.string().min(1).max(64);
const base = { pipelineId: id, endpointId: id.nullish(), trafficDataset: z.string().max(200).nullish() };

const createInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cron'), ...base, cron: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal('dataset'), ...base, datasetId: id }),
  z.strictObject({ kind: z.literal('alert'), ...base, alertRuleId: id.nullish() }),
]);

export const trainingRouter = createTRPCRouter({
  listTriggers: permitted('pipeline.read')
    .input(z.union([z.strictObject({ pipelineId: id }), z.strictObject({ endpointId: id })]))
    .query(({ ctx, input }) => listTriggers(ctx.anyDb, input)),

  createTrigger: permitted('pipeline.write')
    .input(createInput)
    .mutation(({ ctx, input }) => createTrigger(ctx.anyDb, input, ctx.user.id)),

  setTriggerEnabled: permitted('pipeline.write')
    .input(z.strictObject({ id, enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setTriggerEnabled(ctx.anyDb, input.id, input.enabled, ctx.user.id)),

  /** An endpoint's retraining history: challenger against champion, figures, gates and decision. */
  challenges: permitted('pipeline.read')
    .input(z.strictObject({ endpointId: id, limit: z.number().int().min(1).max(200).default(20) }))
    .query(({ ctx, input }) => listChallenges(ctx.anyDb, input.endpointId, input.limit)),

  /** The retrain chain of a version: alert → fire → run → version → challenge → deployment. */
  lineage: permitted('pipeline.read')
    .input(z.strictObject({ versionId: id }))
    .query(async ({ ctx, input }) => {
      const graph = await retrainLineageGraph(ctx.anyDb, input.versionId);
      if (!graph) throw notFound(`Model version ${input.versionId}`);
      return graph;
    }),

  deleteTrigger: permitted('pipeline.write')
    .input(z.strictObject({ id }))
    .mutation(async ({ ctx, input }) => {
      await deleteTrigger(ctx.anyDb, input.id, ctx.user.id);
      return { deleted: true };
    }),
});
