// monitoring.check / checks / checkGet / series / settings: run a check now, read checks and
// figure series back, and read or save an endpoint's monitoring settings (audited).
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { audit } from '../../auth/audit';
import { figureSeries, getCheck, listChecks } from '../../monitoring/check-queries';
import { monitorSettingsInput, readMonitorSettings, saveMonitorSettings } from '../../monitoring/monitor-settings';
import { runMonitorCheck } from '../../monitoring/run-check';
import { getEnv } from '../../env';
import { pageCursor, pageDirection } from '../page-cursor';
import { createTRPCRouter, permitted } from '../trpc';

const id = z.string().min(1).max(64);
const name = z.string().max(200);

export const checkProcedures = {
  /** Runs a check now; a check that cannot run is recorded with status 'error' and returned. */
  check: permitted('deploy.manage')
    .input(z.object({ endpointId: id }).strict())
    .mutation(async ({ ctx, input }) => {
      const { check, figures, alerts } = await runMonitorCheck(ctx.anyDb, input.endpointId, { trigger: 'manual', userId: ctx.user.id, dataDir: getEnv().PIPEWORKS_DATA_DIR });
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'monitor.check', targetType: 'endpoint', targetId: input.endpointId, detail: { checkId: check.id, status: check.status, error: check.error } });
      return { ...check, figures, alerts };
    }),

  checks: permitted('pipeline.read')
    .input(z.object({ endpointId: id, limit: z.number().int().min(1).max(500).default(50), cursor: pageCursor.optional(), direction: pageDirection }).strict())
    .query(({ ctx, input }) => listChecks(ctx.anyDb, input.endpointId, input.limit, input.cursor)),

  checkGet: permitted('pipeline.read')
    .input(z.object({ id }).strict())
    .query(async ({ ctx, input }) => {
      const check = await getCheck(ctx.anyDb, input.id);
      if (!check) throw new TRPCError({ code: 'NOT_FOUND', message: `Check ${input.id} was not found` });
      return check;
    }),

  series: permitted('pipeline.read')
    .input(
      z
        .object({
          endpointId: id,
          metric: name.min(1),
          /** '' for whole-model figures, '__prediction__' for prediction drift. */
          feature: name.default(''),
          from: z.number().int().optional(),
          to: z.number().int().optional(),
          limit: z.number().int().min(1).max(10_000).default(1_000),
        })
        .strict(),
    )
    .query(({ ctx, input }) => figureSeries(ctx.anyDb, input)),

  settings: createTRPCRouter({
    get: permitted('pipeline.read')
      .input(z.object({ endpointId: id }).strict())
      .query(({ ctx, input }) => readMonitorSettings(ctx.anyDb, input.endpointId)),
    save: permitted('deploy.manage')
      .input(monitorSettingsInput)
      .mutation(async ({ ctx, input }) => {
        const saved = await saveMonitorSettings(ctx.anyDb, input, ctx.user.id);
        await audit(ctx.anyDb, { userId: ctx.user.id, action: 'monitor.settings.save', targetType: 'endpoint', targetId: input.endpointId, detail: { ...input } });
        return saved;
      }),
  }),
};
