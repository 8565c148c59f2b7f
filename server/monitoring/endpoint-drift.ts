// A drift check for an endpoint: the live primary version's stored reference statistics against
// the last N logged predictions of that version, or those of the last T hours (both: whichever
// window is smaller).
import { and, eq, isNull } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { CELL_MISSING, CELL_NUMBER, CELL_OTHER, WindowBuilder } from '../../nodes/monitor/drift/current-window';
import { driftCheck } from '../../nodes/monitor/drift/drift-check';
import type { DriftReport } from '../../nodes/monitor/drift/drift-result';
import type { DriftSettings } from '../../nodes/monitor/drift/drift-thresholds';
import { first, type AnyDb } from '../db/any-db';
import { ensureReference } from '../registry/reference-stats';
import { logOrder } from './log-window';
import { windowSegments, type Segment } from './window-segments';

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
  visit?: (createdAt: number, latencyMs: number, rowid: number) => void;
}

export async function endpointDrift(
  db: AnyDb,
  endpointId: string,
  window: DriftWindow,
  settings: DriftSettings & { predictionKey: string },
  { dataDir, now = Date.now(), visit }: DriftCheckOptions,
): Promise<EndpointDriftReport> {
  if (window.lastN === undefined && window.lastHours === undefined) throw new UserError('Say which window to check: lastN predictions or lastHours', { field: 'window' });
  const { deployments, endpoints, modelVersions, registeredModels } = db.t;
  const endpoint = first(await db.select({ id: endpoints.id, name: endpoints.name }).from(endpoints).where(eq(endpoints.id, endpointId)).limit(1));
  if (!endpoint) throw new UserError(`Endpoint ${endpointId} was not found`, { field: 'endpointId' });
  const live = first(
    await db
      .select({ versionId: deployments.versionId, version: modelVersions.version, model: registeredModels.name })
      .from(deployments)
      .innerJoin(modelVersions, eq(modelVersions.id, deployments.versionId))
      .innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId))
      .where(and(eq(deployments.endpointId, endpointId), eq(deployments.role, 'primary'), isNull(deployments.retiredAt)))
      .limit(1),
  );
  if (!live) throw new UserError(`Endpoint "${endpoint.name}" has no live deployment to check`);
  const reference = await ensureReference(db, dataDir, live.versionId);
  if ('why' in reference) throw new UserError(`${live.model} v${live.version} has no reference statistics: ${reference.why}`);
  const limit = Math.min(window.lastN ?? MAX_WINDOW_ROWS, MAX_WINDOW_ROWS);
  const since = window.lastHours === undefined ? null : now - window.lastHours * 3_600_000;
  const { profile } = reference;
  const key = settings.predictionKey;
  const builder = new WindowBuilder(profile.features);
  const names = profile.features.map((f) => f.name);
  // Outputs matter only for prediction drift, which needs the training target's profile.
  const withOutputs = profile.target !== null;
  const q = { endpointId, versionId: live.versionId, since, now, limit };
  const read = await windowSegments(db, q, names, withOutputs ? key : null);
  builder.reserve(read.rows);
  const predictions: unknown[] = [];
  let answered = 0;
  let newest: number | null = null;
  let from: number | null = null;
  let to: number | null = null;
  // One logged row, newest first: everything but the inputs, which go in column by column.
  const row = (s: Segment, r: number) => {
    const createdAt = s.createdAt[r];
    visit?.(createdAt, s.latencyMs[r], s.rowids[r]);
    if (withOutputs) {
      const kind = s.prediction!.kinds === null ? CELL_NUMBER : s.prediction!.kinds[r];
      predictions.push(kind === CELL_NUMBER ? s.prediction!.nums[r] : kind === CELL_OTHER ? s.prediction!.others![r] : undefined);
      if (kind !== CELL_MISSING) answered++;
      newest ??= s.rowids[r];
    }
    to ??= createdAt;
    from = createdAt;
  };
  if (read.ordered) {
    for (const s of read.segments) {
      builder.addRange(s.features, s.lo, s.hi);
      for (let r = s.hi - 1; r >= s.lo; r--) row(s, r);
    }
  } else {
    const { segment, index } = read.order!;
    for (let j = 0; j < segment.length; j++) {
      const s = read.segments[segment[j]];
      builder.addRange(s.features, index[j], index[j] + 1);
      row(s, index[j]);
    }
  }
  // The outputs of the newest row, for the note on a missing prediction key.
  const sample = newest === null ? undefined : await outputsOf(db, newest);
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

function predictionNote(hasTarget: boolean, rows: number, answered: number, key: string, sample: Record<string, unknown> | undefined): string | null {
  if (!hasTarget) return 'The training data had no target column to compare predictions with';
  if (rows === 0) return 'No predictions were logged in this window';
  if (answered < rows) return `${rows - answered} of ${rows} logged outputs have no "${key}"${sample ? ` (keys: ${Object.keys(sample).join(', ') || 'none'})` : ''}`;
  return null;
}

async function outputsOf(db: AnyDb, rowid: number): Promise<Record<string, unknown> | undefined> {
  const l = db.t.predictionLog;
  return first(await db.select({ outputs: l.outputs }).from(l).where(eq(logOrder(db), rowid)).limit(1))?.outputs;
}
