// A drift check for an endpoint: the live primary version's stored reference statistics against
// the last N logged predictions of that version, or those of the last T hours (both: whichever
// window is smaller).
import { and, eq, isNull } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { WindowBuilder } from '../../nodes/monitor/drift/current-window';
import { driftCheck } from '../../nodes/monitor/drift/drift-check';
import type { DriftReport } from '../../nodes/monitor/drift/drift-result';
import type { DriftSettings } from '../../nodes/monitor/drift/drift-thresholds';
import type { Db } from '../db/client';
import { deployments, endpoints, modelVersions, registeredModels } from '../db/schema';
import { ensureReference } from '../registry/reference-stats';
import { InputsScanner } from './inputs-scan';
import { windowPages } from './log-window';

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
  const scanner = new InputsScanner(profile.features.map((f) => f.name));
  // Outputs matter only for prediction drift, which needs the training target's profile.
  const withOutputs = profile.target !== null;
  const predictions: unknown[] = [];
  let answered = 0;
  let sample: Record<string, unknown> | undefined;
  let from: number | null = null;
  let to: number | null = null;
  for (const page of windowPages(db, { endpointId, versionId: live.versionId, since, now, limit }, withOutputs)) {
    for (let j = 0; j < page.length; j++) {
      const [rowid, createdAt, latencyMs, inputs, outputText] = page[j];
      if (scanner.read(inputs)) builder.addCells(scanner.kinds, scanner.nums, scanner.others);
      else builder.add(JSON.parse(inputs) as Record<string, unknown>);
      visit?.(createdAt, latencyMs, rowid);
      if (withOutputs) {
        const outputs = JSON.parse(outputText!) as Record<string, unknown>;
        predictions.push(outputs[key]);
        if (key in outputs) answered++;
        sample ??= outputs;
      }
      to ??= createdAt;
      from = createdAt;
    }
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

function predictionNote(hasTarget: boolean, rows: number, answered: number, key: string, sample: Record<string, unknown> | undefined): string | null {
  if (!hasTarget) return 'The training data had no target column to compare predictions with';
  if (rows === 0) return 'No predictions were logged in this window';
  if (answered < rows) return `${rows - answered} of ${rows} logged outputs have no "${key}"${sample ? ` (keys: ${Object.keys(sample).join(', ') || 'none'})` : ''}`;
  return null;
}
