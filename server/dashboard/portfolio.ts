// The portfolio: one card per deployed model (each live endpoint), with health and its reasons,
// predictions today / 7 / 30 days, the champion and its age, the last retrain, pending approvals.
import type Database from 'better-sqlite3';
import { judgeHealth, type HealthLevel, type HealthReason } from './health';
import { dayOf } from './kpi-counting';
import { latencyQuantile, emptyLatency } from './latency-buckets';
import { lastChallenges, latestChecks, liveEndpoints, openAlerts, pendingCounts, recentDays } from './portfolio-queries';
import { addInto, binnedAuc, emptyBins } from './score-bins';

export interface PortfolioCard {
  endpointId: string;
  endpointName: string;
  modelId: string;
  modelName: string;
  projectName: string;
  health: HealthLevel;
  reasons: HealthReason[];
  predictions: { today: number; days7: number; days30: number };
  champion: { version: number; since: number };
  lastRetrain: { version: number; at: number; challenge: { at: number; decision: string } | null };
  pendingApprovals: number;
  lastCheckAt: number | null;
}

interface Acc {
  today: number;
  days7: number;
  days30: number;
  labelled7d: number;
  latency: number[];
  pos: number[];
  neg: number[];
}

export function portfolio(sqlite: Database.Database, now = Date.now()): PortfolioCard[] {
  const today = dayOf(now);
  const acc = new Map<string, Acc>();
  for (const r of recentDays(sqlite, today - 29, today - 6)) {
    let a = acc.get(r.endpoint_id);
    if (!a) acc.set(r.endpoint_id, (a = { today: 0, days7: 0, days30: 0, labelled7d: 0, latency: emptyLatency(), pos: emptyBins(), neg: emptyBins() }));
    a.days30 += r.predictions;
    if (r.day >= today - 6) {
      a.days7 += r.predictions;
      a.labelled7d += r.labelled;
      if (r.pos_hist) addInto(a.pos, JSON.parse(r.pos_hist) as number[]);
      if (r.neg_hist) addInto(a.neg, JSON.parse(r.neg_hist) as number[]);
    }
    if (r.day >= today - 1 && r.latency_hist) addInto(a.latency, JSON.parse(r.latency_hist) as number[]);
    if (r.day === today) a.today += r.predictions;
  }
  const checks = new Map<string, { at: number; flagged: { feature: string; metric: string; value: number }[]; errorRate: number | null }>();
  for (const f of latestChecks(sqlite)) {
    let c = checks.get(f.endpoint_id);
    if (!c) checks.set(f.endpoint_id, (c = { at: f.started_at, flagged: [], errorRate: null }));
    if (f.metric === null || f.value === null) continue;
    if (f.flagged === 1 && f.feature !== '') c.flagged.push({ feature: f.feature!, metric: f.metric, value: f.value });
    if (f.feature === '' && f.metric === 'error_rate') c.errorRate = f.value;
  }
  const alerts = new Map<string, { severity: 'info' | 'warning' | 'critical'; message: string }[]>();
  for (const a of openAlerts(sqlite)) alerts.set(a.endpoint_id, [...(alerts.get(a.endpoint_id) ?? []), { severity: a.severity, message: a.message }]);
  const pending = pendingCounts(sqlite);
  const challenges = lastChallenges(sqlite);
  return liveEndpoints(sqlite).map((e) => {
    const a = acc.get(e.endpoint_id);
    const check = checks.get(e.endpoint_id);
    const trained = (JSON.parse(e.metrics) as Record<string, number>).roc_auc;
    const { level, reasons } = judgeHealth({
      flaggedDrift: check?.flagged ?? [],
      lastCheckAt: check?.at ?? null,
      liveAuc: a ? binnedAuc(a.pos, a.neg) : null,
      trainedAuc: typeof trained === 'number' ? trained : null,
      labelled7d: a?.labelled7d ?? 0,
      latencyP95: a ? latencyQuantile(a.latency, 0.95) : null,
      errorRate: check?.errorRate ?? null,
      openAlerts: alerts.get(e.endpoint_id) ?? [],
    });
    const challenge = challenges.get(e.endpoint_id);
    return {
      endpointId: e.endpoint_id,
      endpointName: e.endpoint_name,
      modelId: e.model_id,
      modelName: e.model_name,
      projectName: e.project_name,
      health: level,
      reasons,
      predictions: { today: a?.today ?? 0, days7: a?.days7 ?? 0, days30: a?.days30 ?? 0 },
      champion: { version: e.version, since: e.deployed_at },
      lastRetrain: { version: e.newest_version, at: e.newest_at, challenge: challenge ? { at: challenge.created_at, decision: challenge.decision } : null },
      pendingApprovals: (pending.deploys.get(e.endpoint_id) ?? 0) + (pending.aliases.get(e.model_id) ?? 0),
      lastCheckAt: check?.at ?? null,
    };
  });
}
