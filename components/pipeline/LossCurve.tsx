'use client';
// The training loss by epoch (or iteration), drawn from the step's progress series: it grows as
// epochs finish while the step runs, and stays once it has finished.
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../charts/ChartFigure';
import { CHART_GREYS, SERIES_COLORS } from '../charts/palette';
import { formatNumber } from '../ui/format';
import { lossSeries } from './loss-series';
import type { StepView } from './pipeline-types';

const COLORS = { loss: SERIES_COLORS[0], valLoss: SERIES_COLORS[2] };

/** Log ticks as 0.1, 0.001, 1e-5: one significant digit is all a tick on a log axis needs. */
const logTick = (v: number) => (v >= 0.001 ? String(Number(v.toPrecision(1))) : v.toExponential(0));

export function LossCurve({ step }: { step: StepView }) {
  const series = lossSeries(step.progressSeries);
  const running = step.status === 'running';
  // A single point is a chart only while more are coming (a closed-form fit reports just one).
  if (!series || (series.rows.length < 2 && !running)) return null;
  const { rows, xLabel, hasValidation, trial, logScale } = series;
  const last = rows[rows.length - 1];
  const latest = [
    `${xLabel.toLowerCase()} ${formatNumber(last.x)}`,
    last.loss !== undefined ? `loss ${formatNumber(last.loss)}` : null,
    last.valLoss !== undefined ? `validation ${formatNumber(last.valLoss)}` : null,
  ].filter(Boolean);
  const title = `${running ? 'Training' : 'Trained'}${trial !== null ? `, trial ${trial}` : ''} · ${latest.join(' · ')}`;
  const summary = `Loss${hasValidation ? ' and validation loss' : ''} by ${xLabel.toLowerCase()} over ${rows.length} points${logScale ? ', on a log scale' : ''}; latest: ${latest.join(', ')}`;

  return (
    <section aria-labelledby="loss-curve-heading">
      <h3 id="loss-curve-heading" className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
        Loss curve
      </h3>
      <ChartFigure testId="loss-curve" title={title} summary={summary} footer={logScale ? 'Loss on a log scale: it fell by orders of magnitude.' : undefined}>
        <LineChart responsive style={{ width: '100%', height: 200 }} data={rows} margin={{ top: 6, right: 14, bottom: 18, left: 2 }} title="Loss curve" desc={summary}>
          <CartesianGrid stroke={CHART_GREYS.grid} />
          <XAxis
            type="number"
            dataKey="x"
            domain={['dataMin', 'dataMax']}
            allowDecimals={false}
            tick={{ fontSize: 10, fill: CHART_GREYS.text }}
            stroke={CHART_GREYS.axis}
            label={{ value: xLabel, position: 'insideBottom', offset: -12, fontSize: 11, fill: CHART_GREYS.text }}
          />
          <YAxis
            type="number"
            scale={logScale ? 'log' : 'auto'}
            domain={logScale ? ['dataMin', 'dataMax'] : ['auto', 'auto']}
            width={48}
            tickFormatter={logScale ? logTick : (v: number) => formatNumber(v)}
            tick={{ fontSize: 10, fill: CHART_GREYS.text }}
            stroke={CHART_GREYS.axis}
          />
          {/* No animation: a live chart redraws on every snapshot and would never settle. */}
          <Line name="Loss" dataKey="loss" stroke={COLORS.loss} strokeWidth={1.75} dot={rows.length < 30 ? { r: 2 } : false} isAnimationActive={false} />
          {hasValidation ? (
            <Line name="Validation loss" dataKey="valLoss" stroke={COLORS.valLoss} strokeWidth={1.75} dot={rows.length < 30 ? { r: 2 } : false} isAnimationActive={false} />
          ) : null}
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(x) => `${xLabel} ${formatNumber(Number(x))}`}
            formatter={(v) => formatNumber(typeof v === 'number' ? v : Number(v))}
            contentStyle={{ fontSize: 11, borderRadius: 6, borderColor: '#e4e4e7', padding: '4px 8px' }}
          />
          <Legend verticalAlign="top" height={20} iconSize={10} wrapperStyle={{ fontSize: 11 }} />
        </LineChart>
      </ChartFigure>
    </section>
  );
}
