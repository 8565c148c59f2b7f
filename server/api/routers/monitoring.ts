// Monitoring of deployed models (issue 16). `drift` runs a drift check for an endpoint on demand:
// the live version's stored reference statistics against its recent logged predictions, and
// writes nothing; the recorded checks, their figures and settings are in monitoring-checks.ts.
import { z } from 'zod';
import { driftSettingsSchema } from '../../../nodes/monitor/drift/drift-thresholds';
import { endpointDrift, MAX_WINDOW_ROWS } from '../../monitoring/endpoint-drift';
import { getEnv } from '../../env';
import { createTRPCRouter, permitted } from '../trpc';
import { checkProcedures } from './monitoring-checks';

export const monitoringRouter = createTRPCRouter({
  ...checkProcedures,
  drift: permitted('pipeline.read')
    .input(
      driftSettingsSchema.extend({
        endpointId: z.string().min(1).max(64),
        lastN: z.number().int().min(1).max(MAX_WINDOW_ROWS).optional(),
        lastHours: z.number().positive().max(24 * 366).optional(),
        /** The key of the model's answer in each logged output (serving writes `prediction`). */
        predictionKey: z.string().min(1).max(200).default('prediction'),
      }),
    )
    .query(({ ctx, input }) => {
      const { endpointId, lastN, lastHours, ...settings } = input;
      return endpointDrift(ctx.anyDb, endpointId, { lastN, lastHours }, settings, { dataDir: getEnv().PIPEWORKS_DATA_DIR });
    }),
});
