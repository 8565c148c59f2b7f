// One deployed model's KPI page: daily volume, latency p95, ROC AUC once labels exist, business
// value and cost of errors, drift score and memory per check, and the threshold sweep of the period.
import type Database from 'better-sqlite3';
import { UserError } from '../../engine/errors';
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

export function modelKpis(sqlite: Database.Database, endpointId: string, periodDays: number, settings: BusinessKpiSettings | null, now = Date.now()) {
  const card: PortfolioCard | undefined = portfolio(sqlite, now).find((c) => c.endpointId === endpointId);
  if (!card) throw new UserError(`No deployed model answers at endpoint ${endpointId}`, { field: 'endpointId' });
  const today = dayOf(now);
  const days = readDays(sqlite, endpointId, today - periodDays + 1, today);
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
  const signature = sqlite.prepare('SELECT v.signature FROM deployments d JOIN model_versions v ON v.id = d.version_id WHERE d.endpoint_id = ? AND d.role = \'primary\' AND d.retired_at IS NULL').get(endpointId) as { signature: string } | undefined;
  const rule = countingRule(signature ? JSON.parse(signature.signature) : null, settings ? { positive_label: settings.positiveLabel, value_column: settings.valueColumn } : null);
  return { card, periodDays, series, checks: checkSeries(sqlite, endpointId, (today - periodDays + 1) * DAY_MS), sweep, settings, positiveLabel: rule.positiveLabel, unusable: total.unusable };
}

function checkSeries(sqlite: Database.Database, endpointId: string, since: number): KpiCheck[] {
  const rows = sqlite
    .prepare("SELECT at, feature, metric, value FROM monitor_figures WHERE endpoint_id = ? AND metric IN ('psi', 'rss_mb') AND at >= ? ORDER BY at")
    .all(endpointId, since) as { at: number; feature: string; metric: string; value: number }[];
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
