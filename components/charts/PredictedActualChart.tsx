'use client';
// A regression model's predictions against the truth for a sample of rows: on the dashed diagonal
// the prediction is exact; above it the model predicted too high, below it too low.
import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis, type TooltipContentProps } from 'recharts';
import { formatNumber } from '../ui/format';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { niceTicks } from './nice-ticks';
import { CHART_GREYS, seriesColor } from './palette';

type Point = { actual: number; predicted: number };

export function PredictedActualChart({ actual, predicted, rows, target }: { actual: (number | null)[]; predicted: (number | null)[]; rows: number; target: string }) {
  const points: Point[] = [];
  for (let i = 0; i < actual.length; i++) {
    const [a, p] = [actual[i], predicted[i]];
    if (typeof a === 'number' && typeof p === 'number') points.push({ actual: a, predicted: p });
  }
  if (points.length < 2) return null;
  // One scale for both axes, so the diagonal is where predicted equals actual.
  const values = points.flatMap((p) => [p.actual, p.predicted]);
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const domain: [number, number] = [ticks[0], ticks[ticks.length - 1]];
  const sample = points.length < rows ? `${points.length.toLocaleString()} of ${rows.toLocaleString()} rows, evenly spread` : `all ${rows.toLocaleString()} rows`;
  const summary = `Predicted against actual ${target} for ${sample}; points on the diagonal are exact predictions`;

  return (
    <ChartFigure
      testId="predicted-actual"
      title={`Predicted vs actual · ${sample}`}
      summary={summary}
      footer={<ChartLegend items={[{ key: 'exact', color: CHART_GREYS.reference, mark: 'dash', text: 'exact prediction; above it the model predicted too high' }]} />}
    >
      <ScatterChart responsive style={{ width: '100%', height: 250 }} margin={{ top: 8, right: 14, bottom: 18, left: 2 }} title="Predicted vs actual" desc={summary}>
        <CartesianGrid stroke={CHART_GREYS.grid} />
        <XAxis
          type="number"
          dataKey="actual"
          name="Actual"
          domain={domain}
          ticks={ticks}
          tickFormatter={(v: number) => formatNumber(v)}
          tick={{ fontSize: 10, fill: CHART_GREYS.text }}
          stroke={CHART_GREYS.axis}
          label={{ value: `Actual ${target}`, position: 'insideBottom', offset: -12, fontSize: 11, fill: CHART_GREYS.text }}
        />
        <YAxis
          type="number"
          dataKey="predicted"
          name="Predicted"
          domain={domain}
          ticks={ticks}
          width={48}
          tickFormatter={(v: number) => formatNumber(v)}
          tick={{ fontSize: 10, fill: CHART_GREYS.text }}
          stroke={CHART_GREYS.axis}
          label={{ value: 'Predicted', angle: -90, position: 'insideLeft', offset: 8, dy: 28, fontSize: 11, fill: CHART_GREYS.text }}
        />
        {/* A fixed, small mark: hundreds of points overlap, and overlap is the information. */}
        <ZAxis range={[18, 18]} />
        <ReferenceLine segment={[{ x: domain[0], y: domain[0] }, { x: domain[1], y: domain[1] }]} stroke={CHART_GREYS.reference} strokeDasharray="4 4" />
        <Scatter data={points} fill={seriesColor(0)} fillOpacity={0.55} shape="circle" isAnimationActive={false} />
        <Tooltip content={PointTooltip} isAnimationActive={false} cursor={false} />
      </ScatterChart>
    </ChartFigure>
  );
}

function PointTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-2.5 py-1.5 text-[11px] text-zinc-700 tabular-nums shadow-sm">
      <p>
        Actual <span className="font-medium text-zinc-900">{formatNumber(point.actual)}</span>
      </p>
      <p>
        Predicted <span className="font-medium text-zinc-900">{formatNumber(point.predicted)}</span>
      </p>
      <p>
        Residual <span className="font-medium text-zinc-900">{formatNumber(point.actual - point.predicted)}</span>
      </p>
    </div>
  );
}
