// The approvals inbox: every promotion waiting for a manager (deploy requests and requested moves
// of a guarded alias), each with champion against challenger: training metrics, the challenge's
// figures on the same fresh holdout where a retrain produced one, and the endpoint's drift status.
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AnyDb } from '../db/any-db';
import { latestCheckTimes } from './portfolio-queries';

export interface ApprovalItem {
  kind: 'deploy' | 'alias';
  requestId: string;
  /** What is asked, in words. */
  summary: string;
  modelId: string;
  modelName: string;
  endpointId: string | null;
  endpointName: string | null;
  requestedBy: string | null;
  requestedById: string | null;
  requestedAt: number;
  comment: string;
  champion: { version: number; metrics: Record<string, number> } | null;
  challenger: { version: number; metrics: Record<string, number> } | null;
  /** Figures of both sides on the same holdout (challenges.figures), as stored. */
  holdout: unknown;
  drift: { status: string; at: number; flagged: string[] } | null;
}

export async function approvalsInbox(db: AnyDb): Promise<ApprovalItem[]> {
  const { deployRequests: r, aliasRequests: ar, endpoints: e, modelVersions: v, registeredModels: m, users: u, deployments: d, challenges: c } = db.t;
  const cv = alias(v, 'cv');
  const fv = alias(v, 'fv');
  const deploys = await db
    .select({
      id: r.id,
      mode: r.mode,
      trafficPercent: r.trafficPercent,
      endpointId: e.id,
      endpointName: e.name,
      modelId: m.id,
      modelName: m.name,
      requestedBy: u.name,
      requestedById: r.requestedBy,
      requestedAt: r.requestedAt,
      comment: r.comment,
      cv: v.version,
      cm: v.metrics,
      champV: cv.version,
      champM: cv.metrics,
      figures: c.figures,
    })
    .from(r)
    .innerJoin(e, eq(e.id, r.endpointId))
    .innerJoin(v, eq(v.id, r.versionId))
    .innerJoin(m, eq(m.id, v.modelId))
    .leftJoin(u, eq(u.id, r.requestedBy))
    .leftJoin(d, and(eq(d.endpointId, e.id), eq(d.role, 'primary'), isNull(d.retiredAt)))
    .leftJoin(cv, eq(cv.id, d.versionId))
    .leftJoin(c, eq(c.deployRequestId, r.id))
    .where(eq(r.state, 'pending'))
    .orderBy(asc(r.requestedAt));
  const aliases = await db
    .select({
      id: ar.id,
      alias: ar.alias,
      modelId: m.id,
      modelName: m.name,
      requestedBy: u.name,
      requestedById: ar.requestedBy,
      requestedAt: ar.requestedAt,
      comment: ar.comment,
      cv: v.version,
      cm: v.metrics,
      fv: fv.version,
      fm: fv.metrics,
    })
    .from(ar)
    .innerJoin(m, eq(m.id, ar.modelId))
    .leftJoin(u, eq(u.id, ar.requestedBy))
    .leftJoin(v, eq(v.id, ar.versionId))
    .leftJoin(fv, eq(fv.id, ar.fromVersionId))
    .where(eq(ar.state, 'pending'))
    .orderBy(asc(ar.requestedAt));
  const drift = await driftStatus(db);
  const items: ApprovalItem[] = deploys.map((r) => ({
    kind: 'deploy',
    requestId: r.id,
    summary: r.mode === 'promote' ? `Promote v${r.cv} to primary on ${r.endpointName}` : r.mode === 'canary' ? `Send ${r.trafficPercent}% of ${r.endpointName}'s requests to v${r.cv} as a canary` : `Serve v${r.cv} as the primary of ${r.endpointName}`,
    modelId: r.modelId,
    modelName: r.modelName,
    endpointId: r.endpointId,
    endpointName: r.endpointName,
    requestedBy: r.requestedBy,
    requestedById: r.requestedById,
    requestedAt: r.requestedAt,
    comment: r.comment,
    champion: r.champV === null ? null : { version: r.champV, metrics: r.champM ?? {} },
    challenger: { version: r.cv, metrics: r.cm },
    holdout: r.figures ?? null,
    drift: drift.get(r.endpointId) ?? null,
  }));
  for (const r of aliases) {
    items.push({
      kind: 'alias',
      requestId: r.id,
      summary: r.cv === null ? `Remove the "${r.alias}" alias from ${r.modelName}` : `Point "${r.alias}" of ${r.modelName} at v${r.cv}`,
      modelId: r.modelId,
      modelName: r.modelName,
      endpointId: null,
      endpointName: null,
      requestedBy: r.requestedBy,
      requestedById: r.requestedById,
      requestedAt: r.requestedAt,
      comment: r.comment,
      champion: r.fv === null ? null : { version: r.fv, metrics: r.fm ?? {} },
      challenger: r.cv === null ? null : { version: r.cv, metrics: r.cm ?? {} },
      holdout: null,
      drift: null,
    });
  }
  return items;
}

async function driftStatus(db: AnyDb): Promise<Map<string, { status: string; at: number; flagged: string[] }>> {
  const { monitorChecks: c, monitorFigures: f } = db.t;
  const latest = latestCheckTimes(db);
  const rows = await db
    .select({ endpointId: c.endpointId, status: c.status, startedAt: c.startedAt, feature: f.feature })
    .from(c)
    .innerJoin(latest, and(eq(latest.endpointId, c.endpointId), eq(latest.startedAt, c.startedAt)))
    .leftJoin(f, and(eq(f.checkId, c.id), eq(f.flagged, true), ne(f.feature, '')));
  const out = new Map<string, { status: string; at: number; flagged: string[] }>();
  for (const r of rows) {
    const s = out.get(r.endpointId) ?? { status: r.status, at: r.startedAt, flagged: [] };
    if (r.feature && !s.flagged.includes(r.feature)) s.flagged.push(r.feature);
    out.set(r.endpointId, s);
  }
  return out;
}
