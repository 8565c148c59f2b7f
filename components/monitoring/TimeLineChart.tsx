'use client';
// A line chart of figures over check time: one line per series, an optional dashed threshold, and
// flagged points drawn as larger vermillion dots (shape and colour, not colour alone).
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../charts/ChartFigure';
import { ChartLegend, type LegendItem } from '../charts/ChartLegend';
import { CHART_GREYS } from '../charts/palette';
import { formatNumber, formatTime } from '../ui/format';
import { FLAGGED } from './monitor-palette';
import type { TrendRow } from './trend-rows';

export interface LineSeries {
  key: string;
  name: string;
  color: string;
  dash?: string;
  /** Drawn thicker, with its flagged points marked (rows carry `${key}:flagged`). */
  emphasis?: boolean;
}

interface TimeLineChartProps {
  testId: string;
  title: string;
  summary: string;
  rows: TrendRow[];
  series: LineSeries[];
  yLabel: string;
  threshold?: { value: number; label: string } | null;
  height?: number;
}

export function TimeLineChart({ testId, title, summary, rows, series, yLabel, threshold, height = 220 }: TimeLineChartProps) {
  const legend: LegendItem[] = series.map((s) => ({ key: s.key, color: s.color, mark: s.dash ? 'dash' : 'line', text: s.emphasis ? <strong>{s.name} (flagged)</strong> : s.name }));
  if (threshold) legend.push({ key: 'threshold', color: CHART_GREYS.reference, mark: 'dash', text: threshold.label });
  if (series.some((s) => s.emphasis)) legend.push({ key: 'flagged', color: FLAGGED, mark: 'dot', text: 'flagged by its threshold' });
  return (
    <ChartFigure testId={testId} title={title} summary={summary} footer={<ChartLegend items={legend} />}>
      <LineChart responsive style={{ width: '100%', height }} data={rows} margin={{ top: 6, right: 14, bottom: 18, left: 8 }} title={title} desc={summary}>
        <CartesianGrid stroke={CHART_GREYS.grid} />
        <XAxis
          type="number"
          dataKey="at"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(v: number) => formatTime(v)}
          tick={{ fontSize: 10, fill: CHART_GREYS.text }}
          stroke={CHART_GREYS.axis}
          label={{ value: 'Check time (local)', position: 'insideBottom', offset: -12, fontSize: 11, fill: CHART_GREYS.text }}
        />
        <YAxis
          width={56}
          tickFormatter={(v: number) => formatNumber(v)}
          tick={{ fontSize: 10, fill: CHART_GREYS.text }}
          stroke={CHART_GREYS.axis}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 0, fontSize: 11, fill: CHART_GREYS.text, style: { textAnchor: 'middle' } }}
        />
        {threshold ? <ReferenceLine y={threshold.value} stroke={CHART_GREYS.reference} strokeDasharray="5 4" ifOverflow="extendDomain" /> : null}
        {series.map((s) => (
          <Line key={s.key} name={s.name} dataKey={s.key} stroke={s.color} strokeDasharray={s.dash} strokeWidth={s.emphasis ? 2.75 : 1.5} dot={rows.length < 40 ? { r: 2 } : false} connectNulls isAnimationActive={false} />
        ))}
        {series
          .filter((s) => s.emphasis)
          .map((s) => (
            <Line key={`${s.key}:flagged`} name={`${s.name} flagged`} dataKey={`${s.key}:flagged`} stroke="none" dot={{ r: 4.5, fill: FLAGGED, stroke: '#fff', strokeWidth: 1 }} legendType="none" tooltipType="none" isAnimationActive={false} />
          ))}
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(v) => formatTime(Number(v))}
          formatter={(v) => formatNumber(typeof v === 'number' ? v : Number(v))}
          contentStyle={{ fontSize: 11, borderRadius: 6, borderColor: '#e4e4e7', padding: '4px 8px' }}
        />
      </LineChart>
    </ChartFigure>
  );
}
