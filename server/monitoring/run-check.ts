// One monitoring check of an endpoint: drift of its current window against the live version's
// reference, decay once labels arrived, serving health; written as one monitor_checks row and its
// monitor_figures rows. A check that cannot run is still recorded, as status 'error' with why.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { first, type AnyDb } from '../db/any-db';
import type { MonitorCheck, MonitorCheckTrigger } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { postAlertWebhooks } from '../alerts/alert-webhooks';
import { evaluateAlertRules, type RuleOutcome } from '../alerts/evaluate-rules';
import { getEnv } from '../env';
import type { Delivery } from '../webhooks/deliver';
import type { Resolve } from '../webhooks/target-guard';
import { driftFigures, type CheckDetail, type Figure } from './check-figures';
import { decayFigures, labelledRows } from './decay';
import { decisionSettings } from './decision-settings';
import { endpointDrift } from './endpoint-drift';
import { readMonitorSettings } from './monitor-settings';
import { fetchServingStats, processFigures, trafficFigures, type StatsFetch } from './serving-health';

export interface CheckOptions {
  trigger: MonitorCheckTrigger;
  userId: string | null;
  dataDir?: string;
  now?: number;
  /** How the serving process's /stats is read (tests pass their own). */
  fetchStats?: StatsFetch;
  /** How webhook hosts are resolved (tests pass their own). */
  resolve?: Resolve;
}

export interface CheckResult {
  check: MonitorCheck;
  figures: Figure[];
  /** Alerts this check opened or resolved (its endpoint's enabled rules, judged on it). */
  alerts: RuleOutcome;
  /** Webhook posts of the opened alerts. */
  deliveries: Delivery[];
}

export async function runMonitorCheck(db: AnyDb, endpointId: string, options: CheckOptions): Promise<CheckResult> {
  const startedAt = options.now ?? Date.now();
  const endpoint = first(await db.select().from(db.t.endpoints).where(eq(db.t.endpoints.id, endpointId)).limit(1));
  if (!endpoint) throw new UserError(`Endpoint ${endpointId} was not found`, { field: 'endpointId' });
  const base = { id: randomUUID(), endpointId, trigger: options.trigger, startedAt, createdBy: options.userId };
  const failed = (error: string, versionId: string | null = null): Promise<CheckResult> =>
    write(db, { ...base, versionId, status: 'error', windowFrom: null, windowTo: null, rows: 0, labelledRows: 0, detail: { features: {} }, error, finishedAt: Date.now() }, []);

  let settings;
  try {
    settings = await readMonitorSettings(db, endpointId);
  } catch (error) {
    if (error instanceof UserError) return failed(error.message);
    throw error;
  }
  const window = settings.windowKind === 'predictions' ? { lastN: settings.windowSize } : { lastHours: settings.windowSize };
  const latencies: number[] = [];
  // The window's oldest row so far, updated in place: an object per visited row would be a million.
  const oldest = { createdAt: 0, rowid: 0, seen: false };
  let report;
  try {
    report = await endpointDrift(db, endpointId, window, { ...settings.thresholds, predictionKey: 'prediction' }, {
      dataDir: options.dataDir ?? getEnv().PIPEWORKS_DATA_DIR,
      now: startedAt,
      visit: (createdAt, latencyMs, rowid) => {
        latencies.push(latencyMs);
        oldest.createdAt = createdAt;
        oldest.rowid = rowid;
        oldest.seen = true;
      },
    });
  } catch (error) {
    if (error instanceof UserError) return failed(error.message);
    throw error;
  }
  const describeWindow = window.lastN ? `the last ${window.lastN} predictions` : `the last ${window.lastHours} hours`;
  const last = oldest.seen ? oldest : null;
  if (report.rows === 0 || !last || report.window.to === null) {
    return failed(`No predictions of ${report.model} v${report.version} were logged in ${describeWindow}, so there is nothing to check`, report.versionId);
  }

  const { figures, detail } = driftFigures(report, settings.thresholds);
  const notes: string[] = report.predictionNote ? [`Prediction drift: ${report.predictionNote}`] : [];
  const { modelVersions } = db.t;
  const version = first(await db.select({ modelId: modelVersions.modelId, signature: modelVersions.signature, lineage: modelVersions.lineage }).from(modelVersions).where(eq(modelVersions.id, report.versionId)).limit(1));
  const decision = version ? await decisionSettings(db, version.modelId, version.lineage) : null;
  const labelled = await labelledRows(db, { endpointId, versionId: report.versionId, to: report.window.to, from: last.createdAt, oldestRowid: last.rowid }, !!decision?.cost?.weights);
  const decay = version && decision ? decayFigures(labelled, version.signature, decision) : { labelled: labelled.length, figures: [], note: null };
  figures.push(...decay.figures);
  if (decay.note) notes.push(`Decay: ${decay.note}`);
  const spanMs = window.lastHours ? window.lastHours * 3_600_000 : report.window.to - last.createdAt;
  figures.push(...trafficFigures({ latencies: Float64Array.from(latencies), spanMs, sampleRate: endpoint.logSampleRate }));
  const health = await processFigures(endpoint.name, options.fetchStats ?? fetchServingStats);
  figures.push(...health.figures);
  if (health.note) notes.push(`Serving: ${health.note}`);

  const checkDetail: CheckDetail = { ...detail, ...(notes.length ? { notes } : {}) };
  return write(
    db,
    {
      ...base,
      versionId: report.versionId,
      status: report.drifted ? 'drift' : 'ok',
      windowFrom: last.createdAt,
      windowTo: report.window.to,
      rows: report.rows,
      labelledRows: decay.labelled,
      detail: checkDetail,
      error: null,
      finishedAt: Date.now(),
    },
    figures,
    options.resolve,
  );
}

async function write(db: AnyDb, check: MonitorCheck, figures: Figure[], resolve?: Resolve): Promise<CheckResult> {
  await withTransaction(db, async (tx) => {
    await tx.insert(tx.t.monitorChecks).values(check);
    for (let i = 0; i < figures.length; i += 500) {
      const chunk = figures.slice(i, i + 500).map((f) => ({ ...f, checkId: check.id, endpointId: check.endpointId, at: check.startedAt }));
      await tx.insert(tx.t.monitorFigures).values(chunk);
    }
  });
  const alerts = await evaluateAlertRules(db, check, check.finishedAt);
  const opened = await postAlertWebhooks(db, alerts.opened, 'alert.opened', resolve);
  return { check, figures, alerts, deliveries: [...opened, ...(await postAlertWebhooks(db, alerts.resolved, 'alert.resolved', resolve))] };
}
