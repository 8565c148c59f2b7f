// Reading checks back: an endpoint's checks newest first, one check with its figures, and one
// figure's series over a period (the monitor_figures series index answers it without a scan).
import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import { newestFirst, olderThan, type PageCursor } from '../db/keyset';

/** Newest first by (startedAt, id): a scheduled and a manual check can start in one millisecond. `before` is the last check of the previous page. */
export async function listChecks(db: AnyDb, endpointId: string, limit: number, before?: PageCursor) {
  const { monitorChecks } = db.t;
  return db
    .select({
      id: monitorChecks.id,
      endpointId: monitorChecks.endpointId,
      versionId: monitorChecks.versionId,
      trigger: monitorChecks.trigger,
      status: monitorChecks.status,
      windowFrom: monitorChecks.windowFrom,
      windowTo: monitorChecks.windowTo,
      rows: monitorChecks.rows,
      labelledRows: monitorChecks.labelledRows,
      error: monitorChecks.error,
      startedAt: monitorChecks.startedAt,
      finishedAt: monitorChecks.finishedAt,
      createdBy: monitorChecks.createdBy,
    })
    .from(monitorChecks)
    .where(and(eq(monitorChecks.endpointId, endpointId), olderThan(monitorChecks.startedAt, monitorChecks.id, before)))
    .orderBy(...newestFirst(monitorChecks.startedAt, monitorChecks.id))
    .limit(limit);
}

export async function getCheck(db: AnyDb, checkId: string) {
  const { monitorChecks, monitorFigures } = db.t;
  const check = first(await db.select().from(monitorChecks).where(eq(monitorChecks.id, checkId)).limit(1));
  if (!check) return null;
  const figures = await db
    .select({ feature: monitorFigures.feature, metric: monitorFigures.metric, value: monitorFigures.value, flagged: monitorFigures.flagged })
    .from(monitorFigures)
    .where(eq(monitorFigures.checkId, checkId))
    .orderBy(asc(monitorFigures.feature), asc(monitorFigures.metric));
  return { ...check, figures };
}

export interface SeriesQuery {
  endpointId: string;
  metric: string;
  feature: string;
  from?: number;
  to?: number;
  limit: number;
}

/** Oldest first, the newest `limit` points of the period. */
export async function figureSeries(db: AnyDb, q: SeriesQuery) {
  const { monitorFigures } = db.t;
  const rows = await db
    .select({ at: monitorFigures.at, value: monitorFigures.value, flagged: monitorFigures.flagged, checkId: monitorFigures.checkId })
    .from(monitorFigures)
    .where(
      and(
        eq(monitorFigures.endpointId, q.endpointId),
        eq(monitorFigures.metric, q.metric),
        eq(monitorFigures.feature, q.feature),
        q.from === undefined ? undefined : gte(monitorFigures.at, q.from),
        q.to === undefined ? undefined : lte(monitorFigures.at, q.to),
      ),
    )
    .orderBy(desc(monitorFigures.at))
    .limit(q.limit);
  return rows.reverse();
}
