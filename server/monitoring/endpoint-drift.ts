// A drift check for an endpoint: the live primary version's stored reference statistics against
// the last N logged predictions of that version, or those of the last T hours (both: whichever
// window is smaller).
import { and, desc, eq, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { WindowBuilder } from '../../nodes/monitor/drift/current-window';
import { driftCheck } from '../../nodes/monitor/drift/drift-check';
import type { DriftReport } from '../../nodes/monitor/drift/drift-result';
import type { DriftSettings } from '../../nodes/monitor/drift/drift-thresholds';
import type { Db } from '../db/client';
import { deployments, endpoints, modelVersions, predictionLog, registeredModels } from '../db/schema';
import { ensureReference } from '../registry/reference-stats';

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

export interface DriftCheckOptions {
  /** The artifact store, to compute a missing reference once (versions registered before #16). */
  dataDir: string;
  now?: number;
  /** Sees every row of the window as it is read (newest first): a check gathers latencies and bounds here. */
  visit?: (row: LogRow) => void;
}

export function endpointDrift(
  db: Db,
  endpointId: string,
  window: DriftWindow,
  settings: DriftSettings & { predictionKey: string },
  { dataDir, now = Date.now(), visit }: DriftCheckOptions,
): EndpointDriftReport {
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
  const reference = ensureReference(db, dataDir, live.versionId);
  if ('why' in reference) throw new UserError(`${live.model} v${live.version} has no reference statistics: ${reference.why}`);
  const limit = Math.min(window.lastN ?? MAX_WINDOW_ROWS, MAX_WINDOW_ROWS);
  const since = window.lastHours === undefined ? null : now - window.lastHours * 3_600_000;
  const { profile } = reference;
  const key = settings.predictionKey;
  const builder = new WindowBuilder(profile.features);
  const predictions: unknown[] = [];
  let answered = 0;
  let sample: Record<string, unknown> | undefined;
  let from: number | null = null;
  let to: number | null = null;
  for (const row of windowRows(db, endpointId, live.versionId, since, now, limit)) {
    builder.add(row.inputs);
    visit?.(row);
    predictions.push(row.outputs[key]);
    if (key in row.outputs) answered++;
    sample ??= row.outputs;
    to ??= row.createdAt;
    from = row.createdAt;
  }
  const rows = builder.size;
  const report = driftCheck(profile, { rows, columns: builder.columns(), predictions: rows > 0 && answered === rows ? predictions : null }, settings);
  return {
    ...report,
    endpoint: endpoint.name,
    model: live.model,
    version: live.version,
    versionId: live.versionId,
    window: { lastN: window.lastN ?? null, lastHours: window.lastHours ?? null, from, to },
    predictionNote: predictionNote(profile.target !== null, rows, answered, key, sample),
  };
}

const BATCH = 5_000;

/** The window's log rows, newest first, read in keyset-paged batches so memory holds one batch. */
export interface LogRow {
  rowid: number;
  id: string;
  createdAt: number;
  latencyMs: number;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

const rowid = sql<number>`rowid`;

/**
 * The window's log rows, newest first, read in keyset-paged batches so memory holds one batch.
 * The cursor is (created_at, rowid): the (endpoint_id, created_at) index ends in the rowid, so each
 * page is an index range read, never a sort of the whole window.
 */
export function* windowRows(db: Db, endpointId: string, versionId: string, since: number | null, now: number, limit: number, batchSize = BATCH): Generator<LogRow> {
  let cursor: { createdAt: number; rowid: number } | null = null;
  let left = limit;
  while (left > 0) {
    const batch: LogRow[] = db
      .select({ rowid, id: predictionLog.id, createdAt: predictionLog.createdAt, latencyMs: predictionLog.latencyMs, inputs: predictionLog.inputs, outputs: predictionLog.outputs })
      .from(predictionLog)
      .where(
        and(
          eq(predictionLog.endpointId, endpointId),
          since === null ? undefined : gte(predictionLog.createdAt, since),
          // The plain upper bound makes the page an index range; the OR only breaks ties on it.
          lte(predictionLog.createdAt, cursor?.createdAt ?? now),
          cursor ? or(lt(predictionLog.createdAt, cursor.createdAt), sql`rowid < ${cursor.rowid}`) : undefined,
          eq(predictionLog.versionId, versionId),
        ),
      )
      .orderBy(desc(predictionLog.createdAt), sql`rowid desc`)
      .limit(Math.min(batchSize, left))
      .all();
    yield* batch;
    if (batch.length < Math.min(batchSize, left)) return;
    left -= batch.length;
    const last = batch[batch.length - 1];
    cursor = { createdAt: last.createdAt, rowid: last.rowid };
  }
}

function predictionNote(hasTarget: boolean, rows: number, answered: number, key: string, sample: Record<string, unknown> | undefined): string | null {
  if (!hasTarget) return 'The training data had no target column to compare predictions with';
  if (rows === 0) return 'No predictions were logged in this window';
  if (answered < rows) return `${rows - answered} of ${rows} logged outputs have no "${key}"${sample ? ` (keys: ${Object.keys(sample).join(', ') || 'none'})` : ''}`;
  return null;
}
