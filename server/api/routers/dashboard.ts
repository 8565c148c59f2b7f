// Managers' dashboards (issue 19): the portfolio, one model's KPIs, the approvals inbox, and the
// business KPI settings of a model. Reading needs `pipeline.read` (viewers included); changing the
// KPI settings is building work (`deploy.manage`); approving goes through deployments.decide and
// registry.decide, the existing audited paths.
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { audit } from '../../auth/audit';
import { approvalsInbox } from '../../dashboard/approvals';
import { getKpiSettings, kpiSettingsInput, newestSignature, saveKpiSettings } from '../../dashboard/kpi-settings';
import { recountModelLabels } from '../../dashboard/kpi-recount';
import { modelKpis, PERIODS } from '../../dashboard/model-kpis';
import { portfolio } from '../../dashboard/portfolio';
import { HEALTH_RULES } from '../../dashboard/health';
import { first } from '../../db/any-db';
import { createTRPCRouter, permitted } from '../trpc';

const id = z.string().min(1).max(200);

export const dashboardRouter = createTRPCRouter({
  portfolio: permitted('pipeline.read').query(async ({ ctx }) => ({ cards: await portfolio(ctx.anyDb), rules: HEALTH_RULES })),
  model: permitted('pipeline.read')
    .input(z.object({ endpointId: id, periodDays: z.union(PERIODS.map((p) => z.literal(p)) as [z.ZodLiteral<7>, z.ZodLiteral<30>, z.ZodLiteral<90>]) }).strict())
    .query(async ({ ctx, input }) => {
      const { endpoints } = ctx.anyDb.t;
      const row = first(await ctx.anyDb.select({ modelId: endpoints.modelId }).from(endpoints).where(eq(endpoints.id, input.endpointId)).limit(1));
      return modelKpis(ctx.anyDb, input.endpointId, input.periodDays, row ? await getKpiSettings(ctx.anyDb, row.modelId) : null);
    }),
  approvals: permitted('pipeline.read').query(({ ctx }) => approvalsInbox(ctx.anyDb)),
  kpiSettings: permitted('pipeline.read')
    .input(z.object({ modelId: id }).strict())
    .query(async ({ ctx, input }) => {
      const { signature } = await newestSignature(ctx.anyDb, input.modelId);
      return { settings: await getKpiSettings(ctx.anyDb, input.modelId), labels: signature.labels, task: signature.task, numericInputs: signature.inputs.filter((c) => c.type === 'numeric').map((c) => c.name) };
    }),
  saveKpiSettings: permitted('deploy.manage')
    .input(kpiSettingsInput)
    .mutation(async ({ ctx, input }) => {
      const { recount, detail } = await saveKpiSettings(ctx.anyDb, input, ctx.user.id);
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'model.kpi.save', targetType: 'model', targetId: input.modelId, detail });
      return { recounted: recount ? await recountModelLabels(ctx.anyDb, input.modelId) : 0 };
    }),
});
