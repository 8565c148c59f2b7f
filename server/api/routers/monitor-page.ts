// Reads for the monitoring pages (issue 16): the list of endpoints with their latest check, one
// endpoint's trends, its retraining history, and runner health. Every role reads them.
import { z } from 'zod';
import { monitorOverview } from '../../monitoring/page/overview';
import { retrainingHistory } from '../../monitoring/page/retraining';
import { runnerHealth } from '../../monitoring/page/runner-health';
import { endpointForPage, monitorTrends } from '../../monitoring/page/trends';
import { createTRPCRouter, permitted } from '../trpc';

const id = z.string().min(1).max(64);

export const monitorPageRouter = createTRPCRouter({
  overview: permitted('pipeline.read').query(({ ctx }) => monitorOverview(ctx.anyDb)),

  endpoint: permitted('pipeline.read')
    .input(z.object({ name: z.string().min(1).max(200) }).strict())
    .query(({ ctx, input }) => endpointForPage(ctx.anyDb, input.name)),

  trends: permitted('pipeline.read')
    .input(z.object({ endpointId: id, checks: z.number().int().min(1).max(500).default(60) }).strict())
    .query(({ ctx, input }) => monitorTrends(ctx.anyDb, input.endpointId, input.checks)),

  retraining: permitted('pipeline.read')
    .input(z.object({ endpointId: id }).strict())
    .query(({ ctx, input }) => retrainingHistory(ctx.anyDb, input.endpointId)),

  runnerHealth: permitted('pipeline.read').query(({ ctx }) => runnerHealth(ctx.anyDb)),
});
