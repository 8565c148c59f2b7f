// Managers' dashboards (issue 19): the portfolio, one model's KPIs, the approvals inbox, and the
// business KPI settings of a model. Reading needs `pipeline.read` (viewers included); changing the
// KPI settings is building work (`deploy.manage`); approving goes through deployments.decide and
// registry.decide, the existing audited paths.
import { z } from 'zod';
import { approvalsInbox } from '../../dashboard/approvals';
import { getKpiSettings, kpiSettingsInput, newestSignature, saveKpiSettings } from '../../dashboard/kpi-settings';
import { recountModelLabels } from '../../dashboard/kpi-recount';
import { modelKpis, PERIODS } from '../../dashboard/model-kpis';
import { portfolio } from '../../dashboard/portfolio';
import { HEALTH_RULES } from '../../dashboard/health';
import { createTRPCRouter, permitted } from '../trpc';

const id = z.string().min(1).max(200);

export const dashboardRouter = createTRPCRouter({
  portfolio: permitted('pipeline.read').query(({ ctx }) => ({ cards: portfolio(ctx.sqlite), rules: HEALTH_RULES })),
  model: permitted('pipeline.read')
    .input(z.object({ endpointId: id, periodDays: z.union(PERIODS.map((p) => z.literal(p)) as [z.ZodLiteral<7>, z.ZodLiteral<30>, z.ZodLiteral<90>]) }).strict())
    .query(({ ctx, input }) => {
      const row = ctx.sqlite.prepare('SELECT model_id FROM endpoints WHERE id = ?').get(input.endpointId) as { model_id: string } | undefined;
      return modelKpis(ctx.sqlite, input.endpointId, input.periodDays, row ? getKpiSettings(ctx.db, row.model_id) : null);
    }),
  approvals: permitted('pipeline.read').query(({ ctx }) => approvalsInbox(ctx.sqlite)),
  kpiSettings: permitted('pipeline.read')
    .input(z.object({ modelId: id }).strict())
    .query(({ ctx, input }) => {
      const { signature } = newestSignature(ctx.db, input.modelId);
      return { settings: getKpiSettings(ctx.db, input.modelId), labels: signature.labels, task: signature.task, numericInputs: signature.inputs.filter((c) => c.type === 'numeric').map((c) => c.name) };
    }),
  saveKpiSettings: permitted('deploy.manage')
    .input(kpiSettingsInput)
    .mutation(({ ctx, input }) => {
      const { recount } = saveKpiSettings(ctx.db, input, ctx.user.id);
      return { recounted: recount ? recountModelLabels(ctx.sqlite, input.modelId) : 0 };
    }),
});
