'use client';
// One trend chart of the KPI page: a plain-language caption, axes with units, colour-blind-safe
// series (palette.ts), and its data as a CSV download.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_GREYS } from '../charts/palette';
import { chartCsv, csvFileName } from './chart-csv';

export interface KpiSeries {
  key: string;
  name: string;
  color: string;
}

export interface KpiChartProps {
  testId: string;
  title: string;
  caption: string;
  data: readonly object[];
  xKey: string;
  xLabel: string;
  yLabel: string;
  series: KpiSeries[];
  kind: 'line' | 'bar';
  /** Shown instead of the plot when there is nothing to draw, saying why. */
  empty: string | null;
  referenceY?: { y: number; label: string };
  yDomain?: [number | 'auto', number | 'auto'];
  yTicks?: number[];
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });
const tickText = (v: unknown) => (typeof v === 'number' ? compact.format(v) : String(v));

function download(title: string, columns: { key: string; header: string }[], rows: readonly object[]) {
  const blob = new Blob([chartCsv(columns, rows)], { type: 'text/csv' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = csvFileName(title);
  a.click();
  URL.revokeObjectURL(url);
}

export function KpiChart(p: KpiChartProps) {
  const columns = [{ key: p.xKey, header: p.xLabel }, ...p.series.map((s) => ({ key: s.key, header: `${s.name} (${p.yLabel})` }))];
  const axes = (
    <>
      <CartesianGrid stroke={CHART_GREYS.grid} />
      <XAxis dataKey={p.xKey} tick={{ fontSize: 10, fill: CHART_GREYS.text }} stroke={CHART_GREYS.axis} label={{ value: p.xLabel, position: 'insideBottom', offset: -12, fontSize: 11, fill: CHART_GREYS.text }} />
      <YAxis
        domain={p.yDomain ?? (p.kind === 'bar' ? [0, 'auto'] : ['auto', 'auto'])}
        ticks={p.yTicks}
        tickFormatter={tickText}
        width={56}
        tick={{ fontSize: 10, fill: CHART_GREYS.text }}
        stroke={CHART_GREYS.axis}
        label={{ value: p.yLabel, angle: -90, position: 'insideLeft', offset: 0, dx: -2, style: { textAnchor: 'middle' }, fontSize: 11, fill: CHART_GREYS.text }}
      />
      <Tooltip />
      {p.series.length > 1 ? <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 11 }} /> : null}
      {p.referenceY ? <ReferenceLine y={p.referenceY.y} stroke={CHART_GREYS.reference} strokeDasharray="4 4" label={{ value: p.referenceY.label, fontSize: 10, fill: CHART_GREYS.text, position: 'insideTopRight' }} /> : null}
    </>
  );
  const margin = { top: 8, right: 14, bottom: 20, left: 4 };
  return (
    <figure className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-3 shadow-sm" data-testid={p.testId} aria-label={`${p.title}. ${p.caption}`}>
      <div className="flex items-start justify-between gap-2">
        <figcaption className="text-sm font-medium text-zinc-900">{p.title}</figcaption>
        <button type="button" className="text-xs font-medium text-indigo-700 hover:underline disabled:text-zinc-300" disabled={p.data.length === 0} onClick={() => download(p.title, columns, p.data)}>
          Download CSV
        </button>
      </div>
      {p.empty ? (
        <p className="flex h-[200px] items-center justify-center rounded-md bg-zinc-50 px-4 text-center text-xs text-zinc-500">{p.empty}</p>
      ) : p.kind === 'bar' ? (
        <BarChart responsive style={{ width: '100%', height: 200 }} data={p.data as Record<string, unknown>[]} margin={margin}>
          {axes}
          {p.series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      ) : (
        <LineChart responsive style={{ width: '100%', height: 200 }} data={p.data as Record<string, unknown>[]} margin={margin}>
          {axes}
          {p.series.map((s, i) => (
            <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} strokeDasharray={i === 2 ? '5 3' : undefined} dot={p.data.length < 40} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      )}
      <p className="text-xs text-zinc-600">{p.caption}</p>
    </figure>
  );
}
