// The portfolio: one card per deployed model (each live endpoint), with health and its reasons,
// predictions today / 7 / 30 days, the champion and its age, the last retrain, pending approvals.
import type { AnyDb } from '../db/any-db';
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

export async function portfolio(db: AnyDb, now = Date.now()): Promise<PortfolioCard[]> {
  const today = dayOf(now);
  const acc = new Map<string, Acc>();
  // One round trip each, side by side (Postgres answers them on several pooled connections).
  const [days, latest, open, pending, challenges, live] = await Promise.all([
    recentDays(db, today - 29, today - 6),
    latestChecks(db),
    openAlerts(db),
    pendingCounts(db),
    lastChallenges(db),
    liveEndpoints(db),
  ]);
  for (const r of days) {
    let a = acc.get(r.endpointId);
    if (!a) acc.set(r.endpointId, (a = { today: 0, days7: 0, days30: 0, labelled7d: 0, latency: emptyLatency(), pos: emptyBins(), neg: emptyBins() }));
    a.days30 += r.predictions;
    if (r.day >= today - 6) {
      a.days7 += r.predictions;
      a.labelled7d += r.labelled;
      if (r.posHist) addInto(a.pos, r.posHist);
      if (r.negHist) addInto(a.neg, r.negHist);
    }
    if (r.day >= today - 1 && r.latencyHist) addInto(a.latency, r.latencyHist);
    if (r.day === today) a.today += r.predictions;
  }
  const checks = new Map<string, { at: number; flagged: { feature: string; metric: string; value: number }[]; errorRate: number | null }>();
  for (const f of latest) {
    let c = checks.get(f.endpointId);
    if (!c) checks.set(f.endpointId, (c = { at: f.startedAt, flagged: [], errorRate: null }));
    if (f.metric === null || f.value === null) continue;
    if (f.flagged === true && f.feature !== '') c.flagged.push({ feature: f.feature!, metric: f.metric, value: f.value });
    if (f.feature === '' && f.metric === 'error_rate') c.errorRate = f.value;
  }
  const alerts = new Map<string, { severity: 'info' | 'warning' | 'critical'; message: string }[]>();
  for (const a of open) alerts.set(a.endpointId, [...(alerts.get(a.endpointId) ?? []), { severity: a.severity, message: a.message }]);
  return live.map((e) => {
    const a = acc.get(e.endpointId);
    const check = checks.get(e.endpointId);
    const trained = e.metrics.roc_auc;
    const { level, reasons } = judgeHealth({
      flaggedDrift: check?.flagged ?? [],
      lastCheckAt: check?.at ?? null,
      liveAuc: a ? binnedAuc(a.pos, a.neg) : null,
      trainedAuc: typeof trained === 'number' ? trained : null,
      labelled7d: a?.labelled7d ?? 0,
      latencyP95: a ? latencyQuantile(a.latency, 0.95) : null,
      errorRate: check?.errorRate ?? null,
      openAlerts: alerts.get(e.endpointId) ?? [],
    });
    const challenge = challenges.get(e.endpointId);
    return {
      endpointId: e.endpointId,
      endpointName: e.endpointName,
      modelId: e.modelId,
      modelName: e.modelName,
      projectName: e.projectName,
      health: level,
      reasons,
      predictions: { today: a?.today ?? 0, days7: a?.days7 ?? 0, days30: a?.days30 ?? 0 },
      champion: { version: e.version, since: e.deployedAt },
      lastRetrain: { version: e.newestVersion, at: e.newestAt, challenge: challenge ? { at: challenge.createdAt, decision: challenge.decision } : null },
      pendingApprovals: (pending.deploys.get(e.endpointId) ?? 0) + (pending.aliases.get(e.modelId) ?? 0),
      lastCheckAt: check?.at ?? null,
    };
  });
}
