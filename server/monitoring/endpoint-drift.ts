// A drift check for an endpoint: the live primary version's stored reference statistics against
// the last N logged predictions of that version, or those of the last T hours (both: whichever
// window is smaller).
import { and, desc, eq, gte, isNull, lte } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { columnsFromRows } from '../../nodes/monitor/drift/current-window';
import { driftCheck } from '../../nodes/monitor/drift/drift-check';
import type { DriftReport } from '../../nodes/monitor/drift/drift-result';
import type { DriftSettings } from '../../nodes/monitor/drift/drift-thresholds';
import type { Db } from '../db/client';
import { deployments, endpoints, modelVersionReferences, modelVersions, predictionLog, registeredModels } from '../db/schema';

/** Logged rows read per check at most, so a check's memory stays bounded. */
export const MAX_WINDOW_ROWS = 1_000_000;

export interface DriftWindow {
  lastN?: number;
  lastHours?: number;
}

export interface EndpointDriftReport extends DriftReport {
  endpoint: string;
  model: string;
  version: number;
  versionId: string;
  window: { lastN: number | null; lastHours: number | null; from: number | null; to: number | null };
  /** Why prediction drift is missing, when it is. */
  predictionNote: string | null;
}

export function endpointDrift(db: Db, endpointId: string, window: DriftWindow, settings: DriftSettings & { predictionKey: string }, now = Date.now()): EndpointDriftReport {
  if (window.lastN === undefined && window.lastHours === undefined) throw new UserError('Say which window to check: lastN predictions or lastHours', { field: 'window' });
  const endpoint = db.select({ id: endpoints.id, name: endpoints.name }).from(endpoints).where(eq(endpoints.id, endpointId)).get();
  if (!endpoint) throw new UserError(`Endpoint ${endpointId} was not found`, { field: 'endpointId' });
  const live = db
    .select({ versionId: deployments.versionId, version: modelVersions.version, model: registeredModels.name })
    .from(deployments)
    .innerJoin(modelVersions, eq(modelVersions.id, deployments.versionId))
    .innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId))
    .where(and(eq(deployments.endpointId, endpointId), eq(deployments.role, 'primary'), isNull(deployments.retiredAt)))
    .get();
  if (!live) throw new UserError(`Endpoint "${endpoint.name}" has no live deployment to check`);
  const reference = db.select({ profile: modelVersionReferences.profile }).from(modelVersionReferences).where(eq(modelVersionReferences.versionId, live.versionId)).get();
  if (!reference) {
    throw new UserError(`${live.model} v${live.version} has no reference statistics: only versions registered from a run's training data have them`);
  }
  const limit = Math.min(window.lastN ?? MAX_WINDOW_ROWS, MAX_WINDOW_ROWS);
  const since = window.lastHours === undefined ? null : now - window.lastHours * 3_600_000;
  const conditions = [eq(predictionLog.endpointId, endpointId), eq(predictionLog.versionId, live.versionId), lte(predictionLog.createdAt, now)];
  if (since !== null) conditions.push(gte(predictionLog.createdAt, since));
  const rows = db
    .select({ createdAt: predictionLog.createdAt, inputs: predictionLog.inputs, outputs: predictionLog.outputs })
    .from(predictionLog)
    .where(and(...conditions))
    .orderBy(desc(predictionLog.createdAt))
    .limit(limit)
    .all();
  const { profile } = reference;
  const key = settings.predictionKey;
  const answered = rows.filter((r) => key in r.outputs).length;
  const predictions = rows.length > 0 && answered === rows.length ? rows.map((r) => r.outputs[key]) : null;
  const report = driftCheck(profile, { rows: rows.length, columns: columnsFromRows(profile.features, rows.map((r) => r.inputs)), predictions }, settings);
  return {
    ...report,
    endpoint: endpoint.name,
    model: live.model,
    version: live.version,
    versionId: live.versionId,
    window: { lastN: window.lastN ?? null, lastHours: window.lastHours ?? null, from: rows.at(-1)?.createdAt ?? null, to: rows[0]?.createdAt ?? null },
    predictionNote: predictionNote(profile.target !== null, rows.length, answered, key, rows[0]?.outputs),
  };
}

function predictionNote(hasTarget: boolean, rows: number, answered: number, key: string, sample: Record<string, unknown> | undefined): string | null {
  if (!hasTarget) return 'The training data had no target column to compare predictions with';
  if (rows === 0) return 'No predictions were logged in this window';
  if (answered < rows) return `${rows - answered} of ${rows} logged outputs have no "${key}"${sample ? ` (keys: ${Object.keys(sample).join(', ') || 'none'})` : ''}`;
  return null;
}
