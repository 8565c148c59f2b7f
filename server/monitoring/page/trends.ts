// What the endpoint's monitoring page draws over time: its last checks (oldest first) and every
// figure of those checks, read once from monitor_figures, plus the thresholds in force now.
import { desc, eq, inArray } from 'drizzle-orm';
import { UserError } from '../../../engine/errors';
import { first, type AnyDb } from '../../db/any-db';
import { readMonitorSettings } from '../monitor-settings';
import { flaggedFeatures } from './overview';
import { closestName } from '../../../engine/did-you-mean';

export async function endpointForPage(db: AnyDb, name: string) {
  const { endpoints, pipelines, registeredModels } = db.t;
  const endpoint = first(await db.select().from(endpoints).where(eq(endpoints.name, name)).limit(1));
  if (!endpoint) {
    const near = closestName(name, (await db.select({ name: endpoints.name }).from(endpoints)).map((e) => e.name));
    throw new UserError(`There is no endpoint "${name}"${near ? `; did you mean "${near}"?` : ''}`, { field: 'endpoint' });
  }
  const model = first(await db.select({ name: registeredModels.name }).from(registeredModels).where(eq(registeredModels.id, endpoint.modelId)).limit(1));
  // The pipelines a retrain may run: those of the endpoint's project.
  const retrainable = await db.select({ id: pipelines.id, name: pipelines.name }).from(pipelines).where(eq(pipelines.projectId, endpoint.projectId)).orderBy(pipelines.name);
  return { id: endpoint.id, name: endpoint.name, modelId: endpoint.modelId, modelName: model?.name ?? '', projectId: endpoint.projectId, undeployed: endpoint.undeployedAt !== null, pipelines: retrainable };
}

export async function monitorTrends(db: AnyDb, endpointId: string, checks: number) {
  const { monitorChecks, monitorFigures } = db.t;
  const list = (
    await db
      .select({ id: monitorChecks.id, status: monitorChecks.status, trigger: monitorChecks.trigger, startedAt: monitorChecks.startedAt, rows: monitorChecks.rows, labelledRows: monitorChecks.labelledRows, error: monitorChecks.error })
      .from(monitorChecks)
      .where(eq(monitorChecks.endpointId, endpointId))
      .orderBy(desc(monitorChecks.startedAt))
      .limit(checks)
  ).reverse();
  const ids = list.map((c) => c.id);
  const figures = ids.length
    ? await db
        .select({ checkId: monitorFigures.checkId, at: monitorFigures.at, feature: monitorFigures.feature, metric: monitorFigures.metric, value: monitorFigures.value, flagged: monitorFigures.flagged })
        .from(monitorFigures)
        .where(inArray(monitorFigures.checkId, ids))
    : [];
  const flagged = await flaggedFeatures(db, ids);
  return {
    checks: list.map((c) => ({ ...c, flaggedFeatures: flagged.get(c.id) ?? [] })),
    figures,
    thresholds: (await readMonitorSettings(db, endpointId)).thresholds,
  };
}
