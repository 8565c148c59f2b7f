// An endpoint's monitoring settings: the stored row, or the defaults for an endpoint without one
// (checked on demand only). The zod schema is the edge for saves: unknown keys are refused.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { driftSettingsSchema, type DriftSettings } from '../../nodes/monitor/drift/drift-thresholds';
import { first, type AnyDb } from '../db/any-db';
import { MONITOR_WINDOW_KINDS, PROMOTION_MODES, type MonitorWindowKind, type PromotionMode } from '../db/schema';
import { MAX_WINDOW_ROWS } from './endpoint-drift';

export const DEFAULT_WINDOW_SIZE = 10_000;

export interface EffectiveMonitorSettings {
  endpointId: string;
  /** False when the endpoint has no row and these are the defaults. */
  stored: boolean;
  windowKind: MonitorWindowKind;
  windowSize: number;
  checkIntervalMinutes: number | null;
  nextCheckAt: number | null;
  thresholds: DriftSettings;
  retrainPipelineId: string | null;
  promotionMode: PromotionMode;
  updatedBy: string | null;
  updatedAt: number | null;
}

export const monitorSettingsInput = z
  .object({
    endpointId: z.string().min(1).max(64),
    windowKind: z.enum(MONITOR_WINDOW_KINDS),
    /** Predictions (up to the check's row cap) or hours (up to a year). */
    windowSize: z.number().int().min(1).max(MAX_WINDOW_ROWS),
    /** Minutes between scheduled checks (5 minutes to 30 days); null: on demand only. */
    checkIntervalMinutes: z.number().int().min(5).max(30 * 24 * 60).nullable(),
    thresholds: driftSettingsSchema,
    /** Left as stored when absent (continuous training owns these two). */
    retrainPipelineId: z.string().min(1).max(64).nullable().optional(),
    promotionMode: z.enum(PROMOTION_MODES).optional(),
  })
  .strict()
  .refine((s) => s.windowKind !== 'hours' || s.windowSize <= 24 * 366, { message: 'An hours window is at most 8,784 hours (a year)', path: ['windowSize'] });

export type MonitorSettingsInput = z.output<typeof monitorSettingsInput>;

export async function readMonitorSettings(db: AnyDb, endpointId: string): Promise<EffectiveMonitorSettings> {
  const { endpoints, monitorSettings } = db.t;
  if (!first(await db.select({ id: endpoints.id }).from(endpoints).where(eq(endpoints.id, endpointId)).limit(1))) throw new UserError(`Endpoint ${endpointId} was not found`, { field: 'endpointId' });
  const row = first(await db.select().from(monitorSettings).where(eq(monitorSettings.endpointId, endpointId)).limit(1));
  if (!row) {
    return {
      endpointId,
      stored: false,
      windowKind: 'predictions',
      windowSize: DEFAULT_WINDOW_SIZE,
      checkIntervalMinutes: null,
      nextCheckAt: null,
      thresholds: driftSettingsSchema.parse({}),
      retrainPipelineId: null,
      promotionMode: 'approval',
      updatedBy: null,
      updatedAt: null,
    };
  }
  // Stored thresholds were validated on save; parsing again fills defaults added since.
  const parsed = driftSettingsSchema.safeParse(row.thresholds);
  if (!parsed.success) throw new UserError(`The stored drift thresholds of endpoint ${endpointId} are not valid (${parsed.error.issues[0].message}); save the monitoring settings again`);
  return { ...row, stored: true, thresholds: parsed.data };
}

/** Saves the settings; a changed interval restarts the schedule from `now`. */
export async function saveMonitorSettings(db: AnyDb, input: MonitorSettingsInput, userId: string | null, now = Date.now()): Promise<EffectiveMonitorSettings> {
  const { monitorSettings, pipelines } = db.t;
  const before = await readMonitorSettings(db, input.endpointId);
  if (input.retrainPipelineId && !first(await db.select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.id, input.retrainPipelineId)).limit(1))) {
    throw new UserError(`Pipeline ${input.retrainPipelineId} was not found`, { field: 'retrainPipelineId' });
  }
  const { endpointId, retrainPipelineId, promotionMode, ...rest } = input;
  const intervalChanged = before.checkIntervalMinutes !== input.checkIntervalMinutes || before.nextCheckAt === null;
  const nextCheckAt = input.checkIntervalMinutes === null ? null : intervalChanged ? now + input.checkIntervalMinutes * 60_000 : before.nextCheckAt;
  const values = {
    ...rest,
    nextCheckAt,
    retrainPipelineId: retrainPipelineId === undefined ? before.retrainPipelineId : retrainPipelineId,
    promotionMode: promotionMode ?? before.promotionMode,
    updatedBy: userId,
    updatedAt: now,
  };
  await db
    .insert(monitorSettings)
    .values({ endpointId, ...values })
    .onConflictDoUpdate({ target: monitorSettings.endpointId, set: values });
  return readMonitorSettings(db, endpointId);
}
