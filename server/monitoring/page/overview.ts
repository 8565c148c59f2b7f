// The monitoring list: every endpoint with its latest check (status, when, rows), how many
// features that check flagged, and how many of its alerts are not resolved yet.
import { and, count, desc, eq, inArray, ne } from 'drizzle-orm';
import { first, type AnyDb } from '../../db/any-db';

export interface MonitorOverviewRow {
  endpointId: string;
  name: string;
  modelName: string;
  projectName: string;
  undeployed: boolean;
  latestCheck: { id: string; status: 'ok' | 'drift' | 'error'; startedAt: number; rows: number; error: string | null } | null;
  /** Features (and the prediction) the latest check flagged, by name. */
  flaggedFeatures: string[];
  unresolvedAlerts: number;
}

export async function monitorOverview(db: AnyDb): Promise<MonitorOverviewRow[]> {
  const { alerts, endpoints, monitorChecks, projects, registeredModels } = db.t;
  const list = await db
    .select({ endpointId: endpoints.id, name: endpoints.name, modelName: registeredModels.name, projectName: projects.name, undeployedAt: endpoints.undeployedAt })
    .from(endpoints)
    .innerJoin(registeredModels, eq(registeredModels.id, endpoints.modelId))
    .innerJoin(projects, eq(projects.id, endpoints.projectId))
    .orderBy(endpoints.name);
  const out: MonitorOverviewRow[] = [];
  for (const { undeployedAt, ...e } of list) {
    const latest = first(
      await db
        .select({ id: monitorChecks.id, status: monitorChecks.status, startedAt: monitorChecks.startedAt, rows: monitorChecks.rows, error: monitorChecks.error })
        .from(monitorChecks)
        .where(eq(monitorChecks.endpointId, e.endpointId))
        .orderBy(desc(monitorChecks.startedAt))
        .limit(1),
    );
    const unresolved = first(await db.select({ n: count() }).from(alerts).where(and(eq(alerts.endpointId, e.endpointId), ne(alerts.state, 'resolved'))));
    out.push({
      ...e,
      undeployed: undeployedAt !== null,
      latestCheck: latest,
      flaggedFeatures: latest ? ((await flaggedFeatures(db, [latest.id])).get(latest.id) ?? []) : [],
      unresolvedAlerts: unresolved?.n ?? 0,
    });
  }
  return out;
}

/** Per check, the features with a flagged figure (whole-model figures, feature '', are not features). */
export async function flaggedFeatures(db: AnyDb, checkIds: string[]): Promise<Map<string, string[]>> {
  const { monitorFigures } = db.t;
  const out = new Map<string, string[]>();
  if (checkIds.length === 0) return out;
  const rows = await db
    .selectDistinct({ checkId: monitorFigures.checkId, feature: monitorFigures.feature })
    .from(monitorFigures)
    .where(and(inArray(monitorFigures.checkId, checkIds), eq(monitorFigures.flagged, true), ne(monitorFigures.feature, '')))
    .orderBy(monitorFigures.feature);
  for (const r of rows) out.set(r.checkId, [...(out.get(r.checkId) ?? []), r.feature]);
  return out;
}
