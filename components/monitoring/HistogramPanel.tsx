'use client';
// Reference against current for one feature of a chosen check: the training histogram (PSI bins
// or categories) beside the window's, each as a share of its side, from the check's `detail`.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../charts/ChartFigure';
import { ChartLegend } from '../charts/ChartLegend';
import { CHART_GREYS } from '../charts/palette';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { formatDateTime, formatNumber } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { featureLabel } from './DriftOverTime';
import { histogramRows, type HistogramDetail } from './histogram-rows';
import { CURRENT, REFERENCE } from './monitor-palette';
import type { PageCheck } from './page-types';

type Detail = { features?: Record<string, HistogramDetail>; prediction?: HistogramDetail };

export function HistogramPanel({ checks }: { checks: PageCheck[] }) {
  const trpc = useTRPC();
  const usable = checks.filter((c) => c.status !== 'error').reverse();
  const [checkId, setCheckId] = useState<string | null>(null);
  const chosen = usable.find((c) => c.id === checkId) ?? usable[0];
  const check = useQuery({ ...trpc.monitoring.checkGet.queryOptions({ id: chosen?.id ?? '' }), enabled: Boolean(chosen) });
  const detail = (check.data?.detail ?? {}) as Detail;
  const histograms: [string, HistogramDetail][] = [...Object.entries(detail.features ?? {}), ...(detail.prediction ? [['__prediction__', detail.prediction] as [string, HistogramDetail]] : [])];
  const flagged = new Set(chosen?.flaggedFeatures ?? []);
  // Flagged features first: they are what a person opens this to see.
  histograms.sort(([a], [b]) => Number(flagged.has(b)) - Number(flagged.has(a)) || a.localeCompare(b));
  const [feature, setFeature] = useState<string | null>(null);
  const shown = histograms.find(([name]) => name === feature) ?? histograms[0];
  if (!chosen) return null;
  return (
    <section aria-labelledby="histogram-heading" className="flex flex-col gap-2" data-testid="histograms">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="histogram-heading" className="text-sm font-semibold text-zinc-900">
          Reference against current
        </h2>
        <label className="flex items-center gap-1.5 text-xs text-zinc-600">
          Check
          <select value={chosen.id} onChange={(e) => setCheckId(e.target.value)} className="rounded border border-zinc-300 px-1.5 py-0.5 text-xs" data-testid="histogram-check">
            {usable.map((c) => (
              <option key={c.id} value={c.id}>
                {formatDateTime(c.startedAt)} · {c.rows} rows · {c.status}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1.5 text-xs text-zinc-600">
          Feature
          <select value={shown?.[0] ?? ''} onChange={(e) => setFeature(e.target.value)} className="rounded border border-zinc-300 px-1.5 py-0.5 text-xs" data-testid="histogram-feature">
            {histograms.map(([name]) => (
              <option key={name} value={name}>
                {flagged.has(name) ? '⚑ ' : ''}
                {featureLabel(name)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <InlineError message={check.error ? errorMessage(check.error) : null} />
      {shown ? <FeatureHistogram name={shown[0]} detail={shown[1]} flagged={flagged.has(shown[0])} rows={chosen.rows} /> : null}
    </section>
  );
}

function FeatureHistogram({ name, detail, flagged, rows: windowRows }: { name: string; detail: HistogramDetail; flagged: boolean; rows: number }) {
  const rows = histogramRows(detail);
  const widest = rows.reduce((best, r) => (Math.abs(r.current - r.reference) > Math.abs(best.current - best.reference) ? r : best), rows[0]);
  const summary = `${featureLabel(name)}: training against the last ${windowRows} predictions over ${rows.length} ${detail.kind === 'numeric' ? 'bins' : 'categories'}${widest ? `; the largest gap is ${widest.bin}, ${formatNumber(widest.reference)}% in training and ${formatNumber(widest.current)}% now` : ''}`;
  const title = `${featureLabel(name)}${flagged ? ' — flagged' : ''}`;
  return (
    <ChartFigure
      testId={`histogram-${name}`}
      title={title}
      summary={summary}
      footer={
        <ChartLegend
          items={[
            { key: 'reference', color: REFERENCE, mark: 'line', text: 'Reference (training data)' },
            { key: 'current', color: CURRENT, mark: 'line', text: `Current window (${windowRows} predictions)` },
          ]}
        />
      }
    >
      <BarChart responsive style={{ width: '100%', height: 240 }} data={rows} margin={{ top: 6, right: 14, bottom: 30, left: 8 }} title={title} desc={summary}>
        <CartesianGrid stroke={CHART_GREYS.grid} vertical={false} />
        <XAxis
          dataKey="bin"
          interval={0}
          angle={rows.length > 6 ? -30 : 0}
          textAnchor={rows.length > 6 ? 'end' : 'middle'}
          height={rows.length > 6 ? 50 : 30}
          tick={{ fontSize: 10, fill: CHART_GREYS.text }}
          stroke={CHART_GREYS.axis}
          label={{ value: detail.kind === 'numeric' ? `${name} (PSI bin)` : `${name} (category)`, position: 'insideBottom', offset: -26, fontSize: 11, fill: CHART_GREYS.text }}
        />
        <YAxis
          width={56}
          tickFormatter={(v: number) => `${formatNumber(v)}`}
          tick={{ fontSize: 10, fill: CHART_GREYS.text }}
          stroke={CHART_GREYS.axis}
          label={{ value: 'Share of rows (%)', angle: -90, position: 'insideLeft', fontSize: 11, fill: CHART_GREYS.text, style: { textAnchor: 'middle' } }}
        />
        <Bar dataKey="reference" name="Reference" fill={REFERENCE} isAnimationActive={false} />
        <Bar dataKey="current" name="Current" fill={CURRENT} isAnimationActive={false} />
        <Tooltip isAnimationActive={false} formatter={(v) => `${formatNumber(Number(v))}%`} contentStyle={{ fontSize: 11, borderRadius: 6, borderColor: '#e4e4e7', padding: '4px 8px' }} />
      </BarChart>
    </ChartFigure>
  );
}
