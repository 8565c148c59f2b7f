// What the endpoint's monitoring page draws over time: its last checks (oldest first) and every
// figure of those checks, read once from monitor_figures, plus the thresholds in force now.
import { desc, eq, inArray } from 'drizzle-orm';
import { UserError } from '../../../engine/errors';
import type { Db } from '../../db/client';
import { endpoints, monitorChecks, monitorFigures, pipelines, registeredModels } from '../../db/schema';
import { endpointByName } from '../../deployments/endpoint-row';
import { readMonitorSettings } from '../monitor-settings';
import { flaggedFeatures } from './overview';
import { closestName } from '../../../engine/did-you-mean';

export function endpointForPage(db: Db, name: string) {
  const endpoint = endpointByName(db, name);
  if (!endpoint) {
    const near = closestName(name, db.select({ name: endpoints.name }).from(endpoints).all().map((e) => e.name));
    throw new UserError(`There is no endpoint "${name}"${near ? `; did you mean "${near}"?` : ''}`, { field: 'endpoint' });
  }
  const model = db.select({ name: registeredModels.name }).from(registeredModels).where(eq(registeredModels.id, endpoint.modelId)).get();
  // The pipelines a retrain may run: those of the endpoint's project.
  const retrainable = db.select({ id: pipelines.id, name: pipelines.name }).from(pipelines).where(eq(pipelines.projectId, endpoint.projectId)).orderBy(pipelines.name).all();
  return { id: endpoint.id, name: endpoint.name, modelId: endpoint.modelId, modelName: model?.name ?? '', projectId: endpoint.projectId, undeployed: endpoint.undeployedAt !== null, pipelines: retrainable };
}

export function monitorTrends(db: Db, endpointId: string, checks: number) {
  const list = db
    .select({ id: monitorChecks.id, status: monitorChecks.status, trigger: monitorChecks.trigger, startedAt: monitorChecks.startedAt, rows: monitorChecks.rows, labelledRows: monitorChecks.labelledRows, error: monitorChecks.error })
    .from(monitorChecks)
    .where(eq(monitorChecks.endpointId, endpointId))
    .orderBy(desc(monitorChecks.startedAt))
    .limit(checks)
    .all()
    .reverse();
  const ids = list.map((c) => c.id);
  const figures = ids.length
    ? db
        .select({ checkId: monitorFigures.checkId, at: monitorFigures.at, feature: monitorFigures.feature, metric: monitorFigures.metric, value: monitorFigures.value, flagged: monitorFigures.flagged })
        .from(monitorFigures)
        .where(inArray(monitorFigures.checkId, ids))
        .all()
    : [];
  const flagged = flaggedFeatures(db, ids);
  return {
    checks: list.map((c) => ({ ...c, flaggedFeatures: flagged.get(c.id) ?? [] })),
    figures,
    thresholds: readMonitorSettings(db, endpointId).thresholds,
  };
}
