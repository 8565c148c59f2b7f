'use client';
// A hyperparameter search's trials: a table sortable by any column (trial, each searched param,
// the validation score, duration) with the winner marked, and one chart per searched param of the
// score against that param's values.
import { useState } from 'react';
import { CartesianGrid, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrialResult } from '../../nodes/result-metrics';
import type { Report } from '../../nodes/values';
import { ChartFigure } from '../charts/ChartFigure';
import { CHART_GREYS, MARKER_COLORS, SERIES_COLORS } from '../charts/palette';
import { metricLabel } from '../pipeline/metric-labels';
import { SectionTitle } from '../pipeline/SectionTitle';
import { formatDuration, formatNumber } from '../ui/format';
import { displayValue, paramAxis, readSearchTrials, sortTrials, type TrialSortKey } from './trial-rows';

export function SearchTrials({ report }: { report: Report }) {
  const search = readSearchTrials(report);
  const [sort, setSort] = useState<{ key: TrialSortKey; dir: 'asc' | 'desc' }>({ key: { kind: 'trial' }, dir: 'asc' });
  const rows = sortTrials(search.trials, sort.key, sort.dir);
  const failed = search.trials.filter((t) => t.value === null).length;
  const metric = metricLabel(search.metric);
  const header = (key: TrialSortKey, label: string, testId: string, numeric = true) => {
    const active = JSON.stringify(sort.key) === JSON.stringify(key);
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={`px-2 py-1.5 font-medium ${numeric ? 'text-right' : 'text-left'}`}>
        <button
          type="button"
          data-testid={`trials-sort-${testId}`}
          className={`inline-flex items-center gap-1 hover:text-zinc-900 ${active ? 'text-zinc-900' : ''}`}
          onClick={() => setSort({ key, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}
        >
          {label}
          <span aria-hidden className="text-[10px]">{active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="flex flex-col gap-4" data-testid="search-trials">
      <p className="text-xs text-zinc-500">
        {search.trials.length} {search.trials.length === 1 ? 'trial' : 'trials'} ranked by validation {metric} ({search.direction === 'maximize' ? 'higher' : 'lower'} is better)
        {search.best !== null ? `; trial ${search.best} won` : '; every trial failed'}
        {failed > 0 ? `; ${failed} failed` : ''}.
      </p>
      <section>
        <SectionTitle hint="click a heading to sort">Trials</SectionTitle>
        <div className="max-h-80 overflow-auto rounded-md border border-zinc-200">
          <table className="w-full text-xs" data-testid="trials-table">
            <thead className="sticky top-0 bg-zinc-50 text-zinc-500">
              <tr>
                {header({ kind: 'trial' }, 'Trial', 'trial')}
                {search.params.map((p) => header({ kind: 'param', name: p }, p, `param-${p}`, false))}
                {header({ kind: 'value' }, metric, 'value')}
                {header({ kind: 'duration' }, 'Time', 'duration')}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {rows.map((t) => (
                <tr key={t.trial} data-testid={`trial-row-${t.trial}`} className={t.trial === search.best ? 'bg-emerald-50/70' : ''}>
                  <td className="px-2 py-1 text-right tabular-nums">
                    {t.trial === search.best ? <span className="mr-1 text-emerald-700" title="The best trial: its model is the search's output">★</span> : null}
                    {t.trial}
                  </td>
                  {search.params.map((p) => (
                    <td key={p} className="px-2 py-1 font-mono text-[11px] text-zinc-800">
                      {typeof t.params[p] === 'number' ? formatNumber(t.params[p] as number) : displayValue(t.params[p])}
                    </td>
                  ))}
                  <td className="px-2 py-1 text-right font-medium tabular-nums" title={t.error}>
                    {t.value === null ? <span className="text-red-700">failed</span> : formatNumber(t.value)}
                  </td>
                  <td className="px-2 py-1 text-right text-zinc-500 tabular-nums">{formatDuration(t.durationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {search.params.length > 0 && search.trials.some((t) => t.value !== null) ? (
        <section>
          <SectionTitle hint="one dot per trial; the winner ringed">{metric} against each searched param</SectionTitle>
          <div className="@container">
          <div className="grid gap-3 @xl:grid-cols-2">
            {search.params.map((p, i) => (
              <ParamChart key={p} name={p} metric={metric} trials={search.trials} best={search.best} color={SERIES_COLORS[i % SERIES_COLORS.length]} />
            ))}
          </div>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function ParamChart({ name, metric, trials, best, color }: { name: string; metric: string; trials: readonly TrialResult[]; best: number | null; color: string }) {
  const axis = paramAxis(trials, name);
  const points = trials
    .filter((t) => t.value !== null && t.params[name] !== undefined)
    .map((t) => ({ x: axis.type === 'number' ? (t.params[name] as number) : displayValue(t.params[name]), y: t.value as number, trial: t.trial }));
  const winner = points.filter((p) => p.trial === best);
  const summary = `${metric} of ${points.length} trials against ${name}`;
  return (
    <ChartFigure testId={`trials-chart-${name}`} title={`${metric} by ${name}`} summary={summary} footer={axis.type === 'number' && axis.log ? `${name} on a log scale` : undefined}>
      <ScatterChart responsive style={{ width: '100%', height: 200 }} margin={{ top: 6, right: 14, bottom: 18, left: 2 }}>
        <CartesianGrid stroke={CHART_GREYS.grid} />
        {axis.type === 'number' ? (
          <XAxis
            type="number"
            dataKey="x"
            name={name}
            scale={axis.log ? 'log' : 'auto'}
            domain={axis.log ? ['dataMin', 'dataMax'] : ['auto', 'auto']}
            tickFormatter={(v: number) => formatNumber(v)}
            tick={{ fontSize: 10, fill: CHART_GREYS.text }}
            stroke={CHART_GREYS.axis}
            label={{ value: name, position: 'insideBottom', offset: -12, fontSize: 11, fill: CHART_GREYS.text }}
          />
        ) : (
          <XAxis
            type="category"
            dataKey="x"
            name={name}
            allowDuplicatedCategory={false}
            ticks={axis.values}
            tick={{ fontSize: 10, fill: CHART_GREYS.text }}
            stroke={CHART_GREYS.axis}
            label={{ value: name, position: 'insideBottom', offset: -12, fontSize: 11, fill: CHART_GREYS.text }}
          />
        )}
        <YAxis type="number" dataKey="y" name={metric} domain={['auto', 'auto']} width={48} tickFormatter={(v: number) => formatNumber(v)} tick={{ fontSize: 10, fill: CHART_GREYS.text }} stroke={CHART_GREYS.axis} />
        <Scatter data={points} fill={color} isAnimationActive={false} />
        {winner.length > 0 ? <Scatter data={winner} fill="none" stroke={MARKER_COLORS.optimal} strokeWidth={2} shape="circle" isAnimationActive={false} /> : null}
        <Tooltip
          isAnimationActive={false}
          cursor={false}
          formatter={(v, n) => [typeof v === 'number' ? formatNumber(v) : String(v), String(n)]}
          contentStyle={{ fontSize: 11, borderRadius: 6, borderColor: '#e4e4e7', padding: '4px 8px' }}
        />
      </ScatterChart>
    </ChartFigure>
  );
}
