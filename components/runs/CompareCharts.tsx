'use client';
// The compared runs' curves, overlaid: ROC and precision–recall (one line per run's evaluation, in
// the run's colour) and the training loss by epoch or iteration.
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../charts/ChartFigure';
import { ChartLegend } from '../charts/ChartLegend';
import { curveRows, drawable } from '../charts/curve-rows';
import { CHART_GREYS, seriesColor } from '../charts/palette';
import { ThresholdCurveChart } from '../charts/ThresholdCurveChart';
import { formatNumber } from '../ui/format';
import { MAX_OVERLAY, overlayCurves, overlayLosses, type OverlaySeries, type RunCurves } from './compare-series';

export function CompareCharts({ runs }: { runs: readonly RunCurves[] }) {
  const roc = overlayCurves(runs, 'roc').filter(drawable);
  const pr = overlayCurves(runs, 'pr').filter(drawable);
  const loss = overlayLosses(runs);
  if (roc.length === 0 && pr.length === 0 && !loss) return <p className="text-sm text-zinc-500">None of these runs recorded ROC or PR curves or a loss curve.</p>;
  return (
    <div className="grid gap-4 lg:grid-cols-2 2xl:grid-cols-3">
      {roc.length ? <Overlay testId="compare-roc" kind="ROC" series={roc} axes={{ x: 'False positive rate', y: 'True positive rate' }} scoreName="AUC" /> : null}
      {pr.length ? <Overlay testId="compare-pr" kind="Precision–recall" series={pr} axes={{ x: 'Recall', y: 'Precision' }} scoreName="AP" /> : null}
      {loss ? <LossOverlayChart loss={loss} /> : null}
    </div>
  );
}

/** A series is coloured by its run, so one run's curves read together across charts. */
const colorOf = (s: { run: number }) => seriesColor(s.run);

function Overlay({ testId, kind, series, axes, scoreName }: { testId: string; kind: string; series: OverlaySeries[]; axes: { x: string; y: string }; scoreName: string }) {
  const shown = series.slice(0, MAX_OVERLAY);
  const rows = curveRows(shown, kind === 'ROC' ? 'ascending' : 'descending');
  const title = `${kind} curves of ${new Set(shown.map((s) => s.run)).size} runs`;
  const summary = `${title}: ${shown.map((s) => `${s.label} ${scoreName} ${s.score === null ? 'undefined' : s.score.toFixed(3)}`).join(', ')}`;
  return (
    <ChartFigure
      testId={testId}
      title={title}
      summary={summary}
      footer={
        <>
          <ChartLegend items={shown.map((s, k) => ({ key: `${k}`, color: colorOf(s), mark: 'line' as const, text: <span data-testid={`${testId}-series`}>{`${s.label} · ${scoreName} ${s.score === null ? '—' : s.score.toFixed(3)}`}</span> }))} />
          {series.length > MAX_OVERLAY ? <p>The first {MAX_OVERLAY} of {series.length} curves are drawn.</p> : null}
        </>
      }
    >
      <div data-series-count={shown.length}>
        <ThresholdCurveChart rows={rows} labels={shown.map((s) => s.label)} colors={shown.map(colorOf)} axes={axes} lineType="linear" chance={kind === 'ROC' ? { diagonal: true } : null} markers={[]} title={title} desc={summary} />
      </div>
    </ChartFigure>
  );
}

function LossOverlayChart({ loss }: { loss: NonNullable<ReturnType<typeof overlayLosses>> }) {
  const values = loss.rows.flatMap((r) => loss.labels.map((l) => r[l.key]).filter((v) => v !== undefined));
  const logScale = values.every((v) => v > 0) && Math.max(...values) >= 100 * Math.min(...values);
  const summary = `Training loss by ${loss.xLabel.toLowerCase()} of ${loss.labels.filter((l) => !l.validation).length} runs`;
  return (
    <ChartFigure
      testId="compare-loss"
      title={`Loss by ${loss.xLabel.toLowerCase()}`}
      summary={summary}
      footer={<ChartLegend items={loss.labels.map((l) => ({ key: l.key, color: seriesColor(l.run), mark: l.validation ? ('dash' as const) : ('line' as const), text: l.label }))} />}
    >
      <LineChart responsive style={{ width: '100%', height: 250 }} data={loss.rows} margin={{ top: 8, right: 14, bottom: 18, left: 2 }} title="Loss curves" desc={summary}>
        <CartesianGrid stroke={CHART_GREYS.grid} />
        <XAxis type="number" dataKey="x" domain={['dataMin', 'dataMax']} allowDecimals={false} tick={{ fontSize: 10, fill: CHART_GREYS.text }} stroke={CHART_GREYS.axis} label={{ value: loss.xLabel, position: 'insideBottom', offset: -12, fontSize: 11, fill: CHART_GREYS.text }} />
        <YAxis type="number" scale={logScale ? 'log' : 'auto'} domain={logScale ? ['dataMin', 'dataMax'] : ['auto', 'auto']} width={48} tickFormatter={(v: number) => formatNumber(v)} tick={{ fontSize: 10, fill: CHART_GREYS.text }} stroke={CHART_GREYS.axis} />
        {loss.labels.map((l) => (
          <Line key={l.key} name={l.label} dataKey={l.key} stroke={seriesColor(l.run)} strokeDasharray={l.validation ? '4 3' : undefined} strokeWidth={1.75} dot={false} connectNulls isAnimationActive={false} />
        ))}
        <Tooltip isAnimationActive={false} labelFormatter={(x) => `${loss.xLabel} ${formatNumber(Number(x))}`} formatter={(v) => formatNumber(typeof v === 'number' ? v : Number(v))} contentStyle={{ fontSize: 11, borderRadius: 6, borderColor: '#e4e4e7', padding: '4px 8px' }} />
      </LineChart>
    </ChartFigure>
  );
}
