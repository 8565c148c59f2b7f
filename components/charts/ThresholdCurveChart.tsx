'use client';
// The plot both threshold curves share (ROC and precision–recall): one line per series over the
// unit square, the chance level dashed, a classifier's operating points as markers, and a tooltip
// naming the threshold behind the point under the pointer.
import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { CurveRow } from './curve-rows';
import { CurveTooltip } from './CurveTooltip';
import { CHART_GREYS, seriesColor } from './palette';

export interface CurveMarker {
  key: string;
  x: number;
  y: number;
  color: string;
  /** A ring, so a filled marker at (nearly) the same point still shows through. */
  hollow?: boolean;
}

export interface ThresholdCurveChartProps {
  rows: CurveRow[];
  /** Series names, in the order of the rows' `series` index. */
  labels: string[];
  /** A colour per series; by default the palette in series order. */
  colors?: string[];
  axes: { x: string; y: string };
  lineType: 'linear' | 'stepAfter';
  /** The diagonal (ROC) or a level (PR: the share of positives). */
  chance: { diagonal: true } | { level: number } | null;
  markers: CurveMarker[];
  /** The SVG's own title and description, for assistive technology that reads inside it. */
  title: string;
  desc: string;
}

const TICKS = [0, 0.25, 0.5, 0.75, 1];
const tick = (v: number) => (v === 0 || v === 1 ? String(v) : v.toFixed(2));

export function ThresholdCurveChart({ rows, labels, colors, axes, lineType, chance, markers, title, desc }: ThresholdCurveChartProps) {
  return (
    <LineChart responsive style={{ width: '100%', height: 250 }} data={rows} margin={{ top: 8, right: 14, bottom: 18, left: 2 }} title={title} desc={desc}>
      <CartesianGrid stroke={CHART_GREYS.grid} />
      <XAxis
        type="number"
        dataKey="x"
        domain={[0, 1]}
        ticks={TICKS}
        tickFormatter={tick}
        tick={{ fontSize: 10, fill: CHART_GREYS.text }}
        stroke={CHART_GREYS.axis}
        label={{ value: axes.x, position: 'insideBottom', offset: -12, fontSize: 11, fill: CHART_GREYS.text }}
      />
      <YAxis
        type="number"
        domain={[0, 1]}
        ticks={TICKS}
        tickFormatter={tick}
        width={40}
        tick={{ fontSize: 10, fill: CHART_GREYS.text }}
        stroke={CHART_GREYS.axis}
        label={{ value: axes.y, angle: -90, position: 'insideLeft', offset: 8, dy: 40, fontSize: 11, fill: CHART_GREYS.text }}
      />
      {chance && 'diagonal' in chance ? (
        <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke={CHART_GREYS.reference} strokeDasharray="4 4" />
      ) : chance ? (
        <ReferenceLine y={chance.level} stroke={CHART_GREYS.reference} strokeDasharray="4 4" />
      ) : null}
      {labels.map((label, k) => (
        <Line
          key={`${k}:${label}`}
          name={label}
          dataKey={`y${k}`}
          type={lineType}
          stroke={colors?.[k] ?? seriesColor(k)}
          strokeWidth={1.75}
          dot={false}
          activeDot={{ r: 3.5 }}
          connectNulls
          isAnimationActive={false}
        />
      ))}
      {markers.map((m) => (
        <ReferenceDot key={m.key} x={m.x} y={m.y} r={m.hollow ? 6 : 4} fill={m.hollow ? 'none' : m.color} stroke={m.hollow ? m.color : '#fff'} strokeWidth={m.hollow ? 2 : 1} />
      ))}
      <Tooltip content={(props) => <CurveTooltip {...props} labels={labels} axes={axes} />} isAnimationActive={false} />
    </LineChart>
  );
}
