// The portfolio's few grouped queries, each over small indexed tables (never the prediction log).
import type Database from 'better-sqlite3';

export interface LiveEndpointRow {
  endpoint_id: string;
  endpoint_name: string;
  model_id: string;
  model_name: string;
  project_name: string;
  version_id: string;
  version: number;
  deployed_at: number;
  metrics: string;
  newest_version: number;
  newest_at: number;
}

export function liveEndpoints(sqlite: Database.Database): LiveEndpointRow[] {
  return sqlite
    .prepare(
      `SELECT e.id AS endpoint_id, e.name AS endpoint_name, m.id AS model_id, m.name AS model_name, p.name AS project_name,
              v.id AS version_id, v.version, d.created_at AS deployed_at, v.metrics,
              nv.version AS newest_version, nv.created_at AS newest_at
       FROM endpoints e
       JOIN deployments d ON d.endpoint_id = e.id AND d.role = 'primary' AND d.retired_at IS NULL
       JOIN model_versions v ON v.id = d.version_id
       JOIN registered_models m ON m.id = e.model_id
       JOIN projects p ON p.id = e.project_id
       JOIN model_versions nv ON nv.model_id = m.id AND nv.version = (SELECT MAX(version) FROM model_versions WHERE model_id = m.id AND deleted_at IS NULL)
       WHERE e.undeployed_at IS NULL
       ORDER BY m.name, e.name`,
    )
    .all() as LiveEndpointRow[];
}

export interface DayRow {
  endpoint_id: string;
  day: number;
  predictions: number;
  labelled: number;
  latency_hist: string | null;
  pos_hist: string | null;
  neg_hist: string | null;
}

/** Day rows since `fromDay`; histograms only for days from `histFromDay` (the rest come back null). */
export function recentDays(sqlite: Database.Database, fromDay: number, histFromDay: number): DayRow[] {
  return sqlite
    .prepare(
      `SELECT endpoint_id, day, predictions, labelled,
              CASE WHEN day >= @h THEN latency_hist END AS latency_hist,
              CASE WHEN day >= @h AND labelled > 0 THEN pos_hist END AS pos_hist,
              CASE WHEN day >= @h AND labelled > 0 THEN neg_hist END AS neg_hist
       FROM kpi_daily WHERE day >= @f`,
    )
    .all({ f: fromDay, h: histFromDay }) as DayRow[];
}

export interface LatestFigureRow {
  endpoint_id: string;
  started_at: number;
  status: string;
  feature: string | null;
  metric: string | null;
  value: number | null;
  flagged: number | null;
}

/** Each endpoint's latest check, with its flagged figures and its whole-model figures. */
export function latestChecks(sqlite: Database.Database): LatestFigureRow[] {
  return sqlite
    .prepare(
      `WITH latest AS (
         SELECT c.id, c.endpoint_id, c.started_at, c.status FROM monitor_checks c
         WHERE c.started_at = (SELECT MAX(started_at) FROM monitor_checks WHERE endpoint_id = c.endpoint_id))
       SELECT l.endpoint_id, l.started_at, l.status, f.feature, f.metric, f.value, f.flagged
       FROM latest l LEFT JOIN monitor_figures f ON f.check_id = l.id AND (f.flagged = 1 OR f.feature = '')`,
    )
    .all() as LatestFigureRow[];
}

export function openAlerts(sqlite: Database.Database): { endpoint_id: string; severity: 'info' | 'warning' | 'critical'; message: string }[] {
  return sqlite.prepare("SELECT endpoint_id, severity, message FROM alerts WHERE state <> 'resolved' ORDER BY opened_at DESC").all() as never;
}

export function pendingCounts(sqlite: Database.Database): { deploys: Map<string, number>; aliases: Map<string, number> } {
  const deploys = sqlite.prepare("SELECT endpoint_id AS id, COUNT(*) AS n FROM deploy_requests WHERE state = 'pending' GROUP BY endpoint_id").all() as { id: string; n: number }[];
  const aliases = sqlite.prepare("SELECT model_id AS id, COUNT(*) AS n FROM alias_requests WHERE state = 'pending' GROUP BY model_id").all() as { id: string; n: number }[];
  return { deploys: new Map(deploys.map((r) => [r.id, r.n])), aliases: new Map(aliases.map((r) => [r.id, r.n])) };
}

export function lastChallenges(sqlite: Database.Database): Map<string, { created_at: number; decision: string }> {
  const rows = sqlite
    .prepare('SELECT c.endpoint_id, c.created_at, c.decision FROM challenges c WHERE c.created_at = (SELECT MAX(created_at) FROM challenges WHERE endpoint_id = c.endpoint_id)')
    .all() as { endpoint_id: string; created_at: number; decision: string }[];
  return new Map(rows.map((r) => [r.endpoint_id, r]));
}
