// The portfolio's few grouped queries, each over small indexed tables (never the prediction log).
// Written once for SQLite and Postgres (docs/architecture.md, "Data access").
import { and, asc, count, desc, eq, gte, isNull, max, ne, or, sql, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AnyDb } from '../db/any-db';

export interface LiveEndpointRow {
  endpointId: string;
  endpointName: string;
  modelId: string;
  modelName: string;
  projectName: string;
  versionId: string;
  version: number;
  deployedAt: number;
  metrics: Record<string, number>;
  newestVersion: number;
  newestAt: number;
}

export async function liveEndpoints(db: AnyDb): Promise<LiveEndpointRow[]> {
  const { endpoints: e, deployments: d, modelVersions: v, registeredModels: m, projects: p } = db.t;
  const nv = alias(v, 'nv');
  const newest = db
    .select({ modelId: v.modelId, version: max(v.version).as('newest') })
    .from(v)
    .where(isNull(v.deletedAt))
    .groupBy(v.modelId)
    .as('newest');
  return await db
    .select({
      endpointId: e.id,
      endpointName: e.name,
      modelId: m.id,
      modelName: m.name,
      projectName: p.name,
      versionId: v.id,
      version: v.version,
      deployedAt: d.createdAt,
      metrics: v.metrics,
      newestVersion: nv.version,
      newestAt: nv.createdAt,
    })
    .from(e)
    .innerJoin(d, and(eq(d.endpointId, e.id), eq(d.role, 'primary'), isNull(d.retiredAt)))
    .innerJoin(v, eq(v.id, d.versionId))
    .innerJoin(m, eq(m.id, e.modelId))
    .innerJoin(p, eq(p.id, e.projectId))
    .innerJoin(newest, eq(newest.modelId, m.id))
    .innerJoin(nv, and(eq(nv.modelId, m.id), eq(nv.version, newest.version)))
    .where(isNull(e.undeployedAt))
    .orderBy(asc(m.name), asc(e.name));
}

export interface DayRow {
  endpointId: string;
  day: number;
  predictions: number;
  labelled: number;
  latencyHist: number[] | null;
  posHist: number[] | null;
  negHist: number[] | null;
}

/** JSON text on SQLite, a decoded jsonb value on Postgres: the value either way. */
const json = (value: unknown): number[] | null => (typeof value === 'string' ? (JSON.parse(value) as number[]) : (value as number[] | null));

/** Day rows since `fromDay`; histograms only for days from `histFromDay` (the rest come back null, unread). */
export async function recentDays(db: AnyDb, fromDay: number, histFromDay: number): Promise<DayRow[]> {
  const k = db.t.kpiDaily;
  const histogram = (column: SQLWrapper, labelledOnly: boolean) =>
    sql<number[] | null>`case when ${k.day} >= ${histFromDay}${labelledOnly ? sql` and ${k.labelled} > 0` : sql``} then ${column} end`.mapWith(json);
  return await db
    .select({
      endpointId: k.endpointId,
      day: k.day,
      predictions: k.predictions,
      labelled: k.labelled,
      latencyHist: histogram(k.latencyHist, false),
      posHist: histogram(k.posHist, true),
      negHist: histogram(k.negHist, true),
    })
    .from(k)
    .where(gte(k.day, fromDay));
}

export interface LatestFigureRow {
  endpointId: string;
  startedAt: number;
  status: string;
  feature: string | null;
  metric: string | null;
  value: number | null;
  flagged: boolean | null;
}

/** Each endpoint's latest check, with its flagged figures and its whole-model figures. */
export async function latestChecks(db: AnyDb): Promise<LatestFigureRow[]> {
  const { monitorChecks: c, monitorFigures: f } = db.t;
  const latest = latestCheckTimes(db);
  return await db
    .select({ endpointId: c.endpointId, startedAt: c.startedAt, status: c.status, feature: f.feature, metric: f.metric, value: f.value, flagged: f.flagged })
    .from(c)
    .innerJoin(latest, and(eq(latest.endpointId, c.endpointId), eq(latest.startedAt, c.startedAt)))
    .leftJoin(f, and(eq(f.checkId, c.id), or(eq(f.flagged, true), eq(f.feature, ''))));
}

/** Each endpoint's latest check time, as a subquery to join on. */
export function latestCheckTimes(db: AnyDb) {
  const c = db.t.monitorChecks;
  return db.select({ endpointId: c.endpointId, startedAt: max(c.startedAt).as('latest_started_at') }).from(c).groupBy(c.endpointId).as('latest');
}

export async function openAlerts(db: AnyDb): Promise<{ endpointId: string; severity: 'info' | 'warning' | 'critical'; message: string }[]> {
  const a = db.t.alerts;
  return await db.select({ endpointId: a.endpointId, severity: a.severity, message: a.message }).from(a).where(ne(a.state, 'resolved')).orderBy(desc(a.openedAt), desc(a.id));
}

export async function pendingCounts(db: AnyDb): Promise<{ deploys: Map<string, number>; aliases: Map<string, number> }> {
  const { deployRequests: dr, aliasRequests: ar } = db.t;
  const deploys = await db.select({ id: dr.endpointId, n: count() }).from(dr).where(eq(dr.state, 'pending')).groupBy(dr.endpointId);
  const aliases = await db.select({ id: ar.modelId, n: count() }).from(ar).where(eq(ar.state, 'pending')).groupBy(ar.modelId);
  return { deploys: new Map(deploys.map((r) => [r.id, Number(r.n)])), aliases: new Map(aliases.map((r) => [r.id, Number(r.n)])) };
}

export async function lastChallenges(db: AnyDb): Promise<Map<string, { createdAt: number; decision: string }>> {
  const c = db.t.challenges;
  const newest = db.select({ endpointId: c.endpointId, createdAt: max(c.createdAt).as('newest_created_at') }).from(c).groupBy(c.endpointId).as('newest_challenge');
  const rows = await db
    .select({ endpointId: c.endpointId, createdAt: c.createdAt, decision: c.decision })
    .from(c)
    .innerJoin(newest, and(eq(newest.endpointId, c.endpointId), eq(newest.createdAt, c.createdAt)));
  return new Map(rows.map((r) => [r.endpointId, r]));
}

