// Plain-language captions for the KPI page's charts: what the chart shows and its key figure.
import type { ModelKpisView } from './types';

const n = new Intl.NumberFormat('en');

export function money(value: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
}

export function volumeCaption(k: ModelKpisView): string {
  const total = k.series.reduce((s, d) => s + d.predictions, 0);
  const busiest = k.series.reduce((a, d) => (d.predictions > a.predictions ? d : a), k.series[0]);
  return total === 0 ? `No predictions were served in the last ${k.periodDays} days.` : `${n.format(total)} predictions served in the last ${k.periodDays} days; the busiest day was ${busiest.date} with ${n.format(busiest.predictions)}.`;
}

export function aucCaption(k: ModelKpisView): string {
  const days = k.series.filter((d) => d.auc !== null);
  if (days.length === 0) return '';
  const last = days[days.length - 1];
  return `How well the model ranks class "${k.positiveLabel}" above the other on the days that received labels (1 is perfect, 0.5 is a coin toss). Latest: ${last.auc!.toFixed(3)} on ${last.date}.`;
}

export function latencyCaption(k: ModelKpisView): string {
  const days = k.series.filter((d) => d.latencyP95 !== null);
  if (days.length === 0) return '';
  const worst = days.reduce((a, d) => (d.latencyP95! > a.latencyP95! ? d : a), days[0]);
  return `95% of requests each day were answered within this time (rounded up to a bucket). Slowest day: ${worst.date}, up to ${worst.latencyP95} ms.`;
}

export function driftCaption(k: ModelKpisView): string {
  const checks = k.checks.filter((c) => c.driftScore !== null);
  if (checks.length === 0) return '';
  const last = checks[checks.length - 1];
  return `The largest shift of any input from its training distribution (PSI) at each monitoring check; above 0.2 is usually a real change. Latest: ${last.driftScore!.toFixed(2)}.`;
}

export function memoryCaption(k: ModelKpisView): string {
  const checks = k.checks.filter((c) => c.rssMb !== null);
  if (checks.length === 0) return '';
  return `Memory the serving process held at each monitoring check. Latest: ${checks[checks.length - 1].rssMb!.toFixed(0)} MB.`;
}

export function valueCaption(k: ModelKpisView): string {
  const s = k.settings;
  if (!s || !k.sweep) return '';
  const c = k.sweep.chosen;
  return `At the threshold ${s.threshold.toFixed(2)}, caught cases were worth ${money(c.valueDelivered, s.currency)} and mistakes cost ${money(c.costOfErrors, s.currency)} over the labelled predictions of the period: ${money(c.net, s.currency)} net.`;
}

export function sweepCaption(k: ModelKpisView): string {
  const s = k.settings;
  if (!s || !k.sweep) return '';
  const { best, chosen } = k.sweep;
  return best.threshold === chosen.threshold
    ? `The chosen threshold ${chosen.threshold.toFixed(2)} gave the best net value of any threshold over this period.`
    : `A threshold of ${best.threshold.toFixed(2)} would have given ${money(best.net, s.currency)} net instead of ${money(chosen.net, s.currency)} at the chosen ${chosen.threshold.toFixed(2)}.`;
}
