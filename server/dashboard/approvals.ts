// The approvals inbox: every promotion waiting for a manager (deploy requests and requested moves
// of a guarded alias), each with champion against challenger: training metrics, the challenge's
// figures on the same fresh holdout where a retrain produced one, and the endpoint's drift status.
import type Database from 'better-sqlite3';

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

interface DeployRow {
  id: string;
  mode: string;
  traffic_percent: number;
  endpoint_id: string;
  endpoint_name: string;
  model_id: string;
  model_name: string;
  requested_by: string | null;
  requested_by_id: string | null;
  requested_at: number;
  comment: string;
  cv: number;
  cm: string;
  champ_v: number | null;
  champ_m: string | null;
  figures: string | null;
}

interface AliasRow {
  id: string;
  alias: string;
  model_id: string;
  model_name: string;
  requested_by: string | null;
  requested_by_id: string | null;
  requested_at: number;
  comment: string;
  cv: number | null;
  cm: string | null;
  fv: number | null;
  fm: string | null;
}

const metrics = (json: string | null) => (json ? (JSON.parse(json) as Record<string, number>) : {});

export function approvalsInbox(sqlite: Database.Database): ApprovalItem[] {
  const deploys = sqlite
    .prepare(
      `SELECT r.id, r.mode, r.traffic_percent, e.id AS endpoint_id, e.name AS endpoint_name, m.id AS model_id, m.name AS model_name,
              u.name AS requested_by, r.requested_by AS requested_by_id, r.requested_at, r.comment, v.version AS cv, v.metrics AS cm,
              cv.version AS champ_v, cv.metrics AS champ_m, c.figures
       FROM deploy_requests r JOIN endpoints e ON e.id = r.endpoint_id JOIN model_versions v ON v.id = r.version_id
       JOIN registered_models m ON m.id = v.model_id LEFT JOIN users u ON u.id = r.requested_by
       LEFT JOIN deployments d ON d.endpoint_id = e.id AND d.role = 'primary' AND d.retired_at IS NULL
       LEFT JOIN model_versions cv ON cv.id = d.version_id
       LEFT JOIN challenges c ON c.deploy_request_id = r.id
       WHERE r.state = 'pending' ORDER BY r.requested_at`,
    )
    .all() as DeployRow[];
  const aliases = sqlite
    .prepare(
      `SELECT r.id, r.alias, m.id AS model_id, m.name AS model_name, u.name AS requested_by, r.requested_by AS requested_by_id, r.requested_at, r.comment,
              v.version AS cv, v.metrics AS cm, f.version AS fv, f.metrics AS fm
       FROM alias_requests r JOIN registered_models m ON m.id = r.model_id LEFT JOIN users u ON u.id = r.requested_by
       LEFT JOIN model_versions v ON v.id = r.version_id LEFT JOIN model_versions f ON f.id = r.from_version_id
       WHERE r.state = 'pending' ORDER BY r.requested_at`,
    )
    .all() as AliasRow[];
  const drift = driftStatus(sqlite);
  const items: ApprovalItem[] = deploys.map((r) => ({
    kind: 'deploy',
    requestId: r.id,
    summary: r.mode === 'promote' ? `Promote v${r.cv} to primary on ${r.endpoint_name}` : r.mode === 'canary' ? `Send ${r.traffic_percent}% of ${r.endpoint_name}'s requests to v${r.cv} as a canary` : `Serve v${r.cv} as the primary of ${r.endpoint_name}`,
    modelId: r.model_id,
    modelName: r.model_name,
    endpointId: r.endpoint_id,
    endpointName: r.endpoint_name,
    requestedBy: r.requested_by,
    requestedById: r.requested_by_id,
    requestedAt: r.requested_at,
    comment: r.comment,
    champion: r.champ_v === null ? null : { version: r.champ_v, metrics: metrics(r.champ_m) },
    challenger: { version: r.cv, metrics: metrics(r.cm) },
    holdout: r.figures ? JSON.parse(r.figures) : null,
    drift: drift.get(r.endpoint_id) ?? null,
  }));
  for (const r of aliases) {
    items.push({
      kind: 'alias',
      requestId: r.id,
      summary: r.cv === null ? `Remove the "${r.alias}" alias from ${r.model_name}` : `Point "${r.alias}" of ${r.model_name} at v${r.cv}`,
      modelId: r.model_id,
      modelName: r.model_name,
      endpointId: null,
      endpointName: null,
      requestedBy: r.requested_by,
      requestedById: r.requested_by_id,
      requestedAt: r.requested_at,
      comment: r.comment,
      champion: r.fv === null ? null : { version: r.fv, metrics: metrics(r.fm) },
      challenger: r.cv === null ? null : { version: r.cv, metrics: metrics(r.cm) },
      holdout: null,
      drift: null,
    });
  }
  return items;
}

function driftStatus(sqlite: Database.Database): Map<string, { status: string; at: number; flagged: string[] }> {
  const rows = sqlite
    .prepare(
      `SELECT c.endpoint_id, c.status, c.started_at, f.feature FROM monitor_checks c
       LEFT JOIN monitor_figures f ON f.check_id = c.id AND f.flagged = 1 AND f.feature <> ''
       WHERE c.started_at = (SELECT MAX(started_at) FROM monitor_checks WHERE endpoint_id = c.endpoint_id)`,
    )
    .all() as { endpoint_id: string; status: string; started_at: number; feature: string | null }[];
  const out = new Map<string, { status: string; at: number; flagged: string[] }>();
  for (const r of rows) {
    const s = out.get(r.endpoint_id) ?? { status: r.status, at: r.started_at, flagged: [] };
    if (r.feature && !s.flagged.includes(r.feature)) s.flagged.push(r.feature);
    out.set(r.endpoint_id, s);
  }
  return out;
}
