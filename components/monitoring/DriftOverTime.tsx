'use client';
// Drift over time per feature: one drift statistic of every feature across the endpoint's checks,
// with the threshold in force; features flagged by the latest check are listed and drawn thicker.
import { useState } from 'react';
import { DRIFT_METRICS, figureInfo, type DriftMetric } from './figure-units';
import { monitorColor, monitorDash } from './monitor-palette';
import { TimeLineChart } from './TimeLineChart';
import { featureTrend, type TrendCheck, type TrendFigure } from './trend-rows';
import type { PageThresholds } from './page-types';

export const featureLabel = (feature: string) => (feature === '__prediction__' ? 'prediction (model output)' : feature);

export function DriftOverTime({ checks, figures, thresholds }: { checks: TrendCheck[]; figures: TrendFigure[]; thresholds: PageThresholds }) {
  const [metric, setMetric] = useState<DriftMetric>('psi');
  const { rows, features } = featureTrend(checks, figures, metric);
  const thresholdKey = DRIFT_METRICS.find((m) => m.metric === metric)?.threshold ?? null;
  const limit = thresholdKey ? thresholds.thresholds[thresholdKey] : null;
  const info = figureInfo(metric);
  const flagged = features.filter((f) => f.flaggedNow).map((f) => f.feature);
  const summary = `${info.label} of ${features.length} features over ${checks.length} checks; flagged by the latest check: ${flagged.map(featureLabel).join(', ') || 'none'}`;
  return (
    <section aria-labelledby="drift-heading" className="flex flex-col gap-2" data-testid="drift-over-time">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="drift-heading" className="text-sm font-semibold text-zinc-900">
          Drift over time
        </h2>
        <label className="flex items-center gap-1.5 text-xs text-zinc-600">
          Statistic
          <select value={metric} onChange={(e) => setMetric(e.target.value as DriftMetric)} className="rounded border border-zinc-300 px-1.5 py-0.5 text-xs" data-testid="drift-metric">
            {DRIFT_METRICS.map((m) => (
              <option key={m.metric} value={m.metric}>
                {figureInfo(m.metric).label}
              </option>
            ))}
          </select>
        </label>
        <p className="text-xs text-zinc-600" data-testid="flagged-features">
          Flagged now:{' '}
          {flagged.length ? (
            flagged.map((f) => (
              <span key={f} className="mr-1 rounded bg-orange-100 px-1.5 py-0.5 font-medium text-orange-900" data-testid={`flagged-${f}`}>
                ⚑ {featureLabel(f)}
              </span>
            ))
          ) : (
            <span>none</span>
          )}
        </p>
      </div>
      {features.length === 0 ? (
        <p className="text-sm text-zinc-500">No check has recorded {info.label} yet.</p>
      ) : (
        <TimeLineChart
          testId="drift-chart"
          title={`${info.label} per feature`}
          summary={summary}
          rows={rows}
          yLabel={info.unit ? `${info.label} (${info.unit})` : info.label}
          series={features.map((f, k) => ({ key: f.feature, name: featureLabel(f.feature), color: monitorColor(k), dash: monitorDash(k), emphasis: f.flaggedNow }))}
          threshold={limit !== null && limit !== undefined ? { value: limit, label: `threshold ${limit}` } : null}
          height={260}
        />
      )}
    </section>
  );
}
