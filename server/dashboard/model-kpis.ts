// One deployed model's KPI page: daily volume, latency p95, ROC AUC once labels exist, business
// value and cost of errors, drift score and memory per check, and the threshold sweep of the period.
import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { first, type AnyDb } from '../db/any-db';
import type { BusinessKpiSettings } from '../db/schema';
import { priceAt, thresholdSweep, type OutcomePrices } from './business-value';
import { countingRule } from './kpi-rules';
import { DAY_MS, dayOf } from './kpi-counting';
import { readDays, sumDays } from './kpi-read';
import { latencyQuantile } from './latency-buckets';
import { portfolio, type PortfolioCard } from './portfolio';
import { binnedAuc } from './score-bins';

export const PERIODS = [7, 30, 90] as const;
/** Fewer labels than this in a day and its AUC is not drawn: a handful of labels says little. */
export const MIN_DAILY_LABELS = 20;

export interface KpiDay {
  date: string;
  predictions: number;
  latencyP95: number | null;
  labelled: number;
  auc: number | null;
  valueDelivered: number | null;
  costOfErrors: number | null;
  net: number | null;
}

export interface KpiCheck {
  at: number;
  driftScore: number | null;
  rssMb: number | null;
}

export function settingsPrices(s: BusinessKpiSettings): OutcomePrices {
  return { tpValue: s.tpValue, tpWeighted: s.tpWeighted, fpCost: s.fpCost, fpWeighted: s.fpWeighted, fnCost: s.fnCost, fnWeighted: s.fnWeighted };
}

export async function modelKpis(db: AnyDb, endpointId: string, periodDays: number, settings: BusinessKpiSettings | null, now = Date.now()) {
  const card: PortfolioCard | undefined = (await portfolio(db, now)).find((c) => c.endpointId === endpointId);
  if (!card) throw new UserError(`No deployed model answers at endpoint ${endpointId}`, { field: 'endpointId' });
  const today = dayOf(now);
  const days = await readDays(db, endpointId, today - periodDays + 1, today);
  const prices = settings ? settingsPrices(settings) : null;
  const series: KpiDay[] = days.map((d) => {
    const priced = prices && settings ? priceAt(d, prices, settings.threshold) : null;
    const binned = d.labelled - d.unusable;
    return {
      date: new Date(d.day * DAY_MS).toISOString().slice(0, 10),
      predictions: d.predictions,
      latencyP95: latencyQuantile(d.latencyHist, 0.95),
      labelled: d.labelled,
      auc: binned >= MIN_DAILY_LABELS ? binnedAuc(d.posHist, d.negHist) : null,
      valueDelivered: priced && binned > 0 ? priced.valueDelivered : null,
      costOfErrors: priced && binned > 0 ? priced.costOfErrors : null,
      net: priced && binned > 0 ? priced.net : null,
    };
  });
  const total = sumDays(days);
  const sweep = prices && settings && total.labelled - total.unusable > 0 ? { ...thresholdSweep(total, prices), chosen: priceAt(total, prices, settings.threshold) } : null;
  const { deployments: d, modelVersions: v } = db.t;
  const live = first(
    await db
      .select({ signature: v.signature })
      .from(d)
      .innerJoin(v, eq(v.id, d.versionId))
      .where(and(eq(d.endpointId, endpointId), eq(d.role, 'primary'), isNull(d.retiredAt)))
      .limit(1),
  );
  const rule = countingRule(live?.signature ?? null, settings ? { positive_label: settings.positiveLabel, value_column: settings.valueColumn } : null);
  return { card, periodDays, series, checks: await checkSeries(db, endpointId, (today - periodDays + 1) * DAY_MS), sweep, settings, positiveLabel: rule.positiveLabel, unusable: total.unusable };
}

async function checkSeries(db: AnyDb, endpointId: string, since: number): Promise<KpiCheck[]> {
  const f = db.t.monitorFigures;
  const rows = await db
    .select({ at: f.at, feature: f.feature, metric: f.metric, value: f.value })
    .from(f)
    .where(and(eq(f.endpointId, endpointId), inArray(f.metric, ['psi', 'rss_mb']), gte(f.at, since)))
    .orderBy(asc(f.at));
  const byAt = new Map<number, KpiCheck>();
  for (const r of rows) {
    let c = byAt.get(r.at);
    if (!c) byAt.set(r.at, (c = { at: r.at, driftScore: null, rssMb: null }));
    // The drift score is the largest PSI of any input feature in the check.
    if (r.metric === 'psi' && r.feature !== '__prediction__' && r.feature !== '') c.driftScore = Math.max(c.driftScore ?? 0, r.value);
    if (r.metric === 'rss_mb' && r.feature === '') c.rssMb = r.value;
  }
  return [...byAt.values()];
}
