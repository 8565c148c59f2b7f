// The monitoring list: every endpoint with its latest check (status, when, rows), how many
// features that check flagged, and how many of its alerts are not resolved yet.
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { alerts, endpoints, monitorChecks, monitorFigures, projects, registeredModels } from '../../db/schema';

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

export function monitorOverview(db: Db): MonitorOverviewRow[] {
  const list = db
    .select({ endpointId: endpoints.id, name: endpoints.name, modelName: registeredModels.name, projectName: projects.name, undeployedAt: endpoints.undeployedAt })
    .from(endpoints)
    .innerJoin(registeredModels, eq(registeredModels.id, endpoints.modelId))
    .innerJoin(projects, eq(projects.id, endpoints.projectId))
    .orderBy(endpoints.name)
    .all();
  return list.map(({ undeployedAt, ...e }) => {
    const latest =
      db
        .select({ id: monitorChecks.id, status: monitorChecks.status, startedAt: monitorChecks.startedAt, rows: monitorChecks.rows, error: monitorChecks.error })
        .from(monitorChecks)
        .where(eq(monitorChecks.endpointId, e.endpointId))
        .orderBy(desc(monitorChecks.startedAt))
        .limit(1)
        .get() ?? null;
    return {
      ...e,
      undeployed: undeployedAt !== null,
      latestCheck: latest,
      flaggedFeatures: latest ? flaggedFeatures(db, [latest.id]).get(latest.id) ?? [] : [],
      unresolvedAlerts:
        db
          .select({ n: sql<number>`count(*)` })
          .from(alerts)
          .where(and(eq(alerts.endpointId, e.endpointId), ne(alerts.state, 'resolved')))
          .get()?.n ?? 0,
    };
  });
}

/** Per check, the features with a flagged figure (whole-model figures, feature '', are not features). */
export function flaggedFeatures(db: Db, checkIds: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (checkIds.length === 0) return out;
  const rows = db
    .selectDistinct({ checkId: monitorFigures.checkId, feature: monitorFigures.feature })
    .from(monitorFigures)
    .where(and(inArray(monitorFigures.checkId, checkIds), eq(monitorFigures.flagged, true), ne(monitorFigures.feature, '')))
    .orderBy(monitorFigures.feature)
    .all();
  for (const r of rows) out.set(r.checkId, [...(out.get(r.checkId) ?? []), r.feature]);
  return out;
}
