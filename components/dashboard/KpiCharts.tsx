'use client';
// The KPI page's trend charts, each saying in words why it is empty when it is.
import { driftCaption, aucCaption, latencyCaption, memoryCaption, sweepCaption, valueCaption, volumeCaption } from './kpi-captions';
import { KpiChart } from './KpiChart';
import { SAFE_COLORS } from './palette';
import type { ModelKpisView } from './types';

const time = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

export function KpiCharts({ k }: { k: ModelKpisView }) {
  const currency = k.settings?.currency ?? 'USD';
  const labelled = k.series.some((d) => d.auc !== null);
  const checks = k.checks.map((c) => ({ ...c, time: time(c.at) }));
  const noPricing = !k.settings
    ? 'Business value needs the model’s business KPI settings: what a caught case is worth and what each kind of mistake costs.'
    : k.sweep
      ? null
      : 'No labelled predictions in this period yet: business value appears once feedback (ground truth) arrives.';
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" data-testid="kpi-charts">
      <KpiChart testId="chart-auc" title="ROC AUC over time" caption={aucCaption(k)} data={k.series} xKey="date" xLabel="day (UTC)" yLabel="ROC AUC (0–1)" series={[{ key: 'auc', name: 'ROC AUC', color: SAFE_COLORS.blue }]} kind="line" yDomain={[0, 1]} yTicks={[0, 0.25, 0.5, 0.75, 1]}
        empty={labelled ? null : `No day in the last ${k.periodDays} has enough labels (ground truth) yet to measure accuracy.`} />
      <KpiChart testId="chart-volume" title="Prediction volume" caption={volumeCaption(k)} data={k.series} xKey="date" xLabel="day (UTC)" yLabel="predictions per day" series={[{ key: 'predictions', name: 'predictions', color: SAFE_COLORS.sky }]} kind="bar" empty={null} />
      <KpiChart testId="chart-value" title="Business value per day" caption={valueCaption(k)} data={k.series} xKey="date" xLabel="day (UTC)" yLabel={currency}
        series={[{ key: 'valueDelivered', name: 'value delivered', color: SAFE_COLORS.green }, { key: 'costOfErrors', name: 'cost of errors', color: SAFE_COLORS.vermillion }, { key: 'net', name: 'net', color: SAFE_COLORS.black }]}
        kind="line" empty={noPricing} />
      <KpiChart testId="chart-sweep" title="What another threshold would have given" caption={sweepCaption(k)} data={k.sweep?.points ?? []} xKey="threshold" xLabel="threshold (score)" yLabel={`net value (${currency})`}
        series={[{ key: 'net', name: 'net value', color: SAFE_COLORS.purple }]} kind="line" empty={noPricing} referenceY={undefined} />
      <KpiChart testId="chart-drift" title="Drift score" caption={driftCaption(k)} data={checks} xKey="time" xLabel="monitoring check (UTC)" yLabel="largest PSI" series={[{ key: 'driftScore', name: 'largest input PSI', color: SAFE_COLORS.orange }]} kind="line"
        referenceY={{ y: 0.2, label: '0.2: real change' }} empty={checks.some((c) => c.driftScore !== null) ? null : `No monitoring check measured drift in the last ${k.periodDays} days.`} />
      <KpiChart testId="chart-latency" title="Latency p95" caption={latencyCaption(k)} data={k.series} xKey="date" xLabel="day (UTC)" yLabel="ms" series={[{ key: 'latencyP95', name: 'p95 latency', color: SAFE_COLORS.blue }]} kind="line"
        empty={k.series.some((d) => d.latencyP95 !== null) ? null : `No predictions were served in the last ${k.periodDays} days.`} />
      <KpiChart testId="chart-memory" title="Memory" caption={memoryCaption(k)} data={checks} xKey="time" xLabel="monitoring check (UTC)" yLabel="MB" series={[{ key: 'rssMb', name: 'serving memory', color: SAFE_COLORS.purple }]} kind="line"
        empty={checks.some((c) => c.rssMb !== null) ? null : `No monitoring check measured memory in the last ${k.periodDays} days.`} />
    </div>
  );
}
