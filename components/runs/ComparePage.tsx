'use client';
// 2–10 runs side by side: which runs (each in its colour), the params, those that differ
// highlighted and listed first, the metrics with the best run per row marked, and the ROC, PR and
// loss curves overlaid in one chart each.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { seriesColor } from '../charts/palette';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { formatNumber, shortId } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { StatusBadge } from '../ui/StatusBadge';
import { CompareCharts } from './CompareCharts';
import { changedFirst, metricRows, paramRows } from './compare-rows';
import { pipelineRunsHref, runHref } from './run-links';

/** `problem`: what is wrong with the address's run ids, said instead of comparing. */
export function ComparePage({ ids, problem = null }: { ids: string[]; problem?: string | null }) {
  const trpc = useTRPC();
  const valid = problem === null && ids.length >= 2 && ids.length <= 10;
  const query = useQuery(trpc.run.compare.queryOptions({ ids }, { enabled: valid, staleTime: 60_000 }));
  const [onlyDiffs, setOnlyDiffs] = useState(false);
  const crumbs = [{ label: 'Projects', href: '/' }, ...(query.data ? [{ label: query.data.runs[0].pipelineName, href: pipelineRunsHref(query.data.runs[0].pipelineId) }] : []), { label: 'Compare' }];

  if (!valid) {
    return (
      <PageBody>
        <PageHeader title="Compare runs" crumbs={crumbs} />
        <InlineError className="mt-6" message={problem ?? (ids.length < 2 ? 'Choose at least two runs to compare (tick them in a runs table).' : `Compare at most ten runs at a time; ${ids.length} were given.`)} />
      </PageBody>
    );
  }
  if (query.isError) {
    return (
      <PageBody>
        <PageHeader title="Compare runs" crumbs={crumbs} />
        <InlineError className="mt-6" message={errorMessage(query.error)} />
      </PageBody>
    );
  }
  if (!query.data) {
    return (
      <PageBody wide>
        <div className="h-60 animate-pulse rounded-lg bg-zinc-100" aria-busy="true" aria-label="Loading the comparison" />
      </PageBody>
    );
  }
  const runs = query.data.runs;
  const name = (r: (typeof runs)[number]) => r.name ?? shortId(r.id);
  const params = changedFirst(paramRows(runs));
  const differing = params.filter((p) => p.differs).length;
  const metrics = metricRows(runs);
  const shownParams = onlyDiffs ? params.filter((p) => p.differs) : params;
  const pipelines = new Set(runs.map((r) => r.pipelineId)).size;

  const runHeads = runs.map((r, i) => (
    <th key={r.id} scope="col" className="min-w-32 px-3 py-2 text-left font-medium">
      <Link href={runHref(r.id)} className="inline-flex items-center gap-1.5 font-mono text-indigo-700 hover:underline">
        <span aria-hidden className="size-2.5 rounded-full" style={{ background: seriesColor(i) }} />
        {name(r)}
      </Link>
    </th>
  ));

  return (
    <PageBody wide>
      <div className="flex flex-col gap-8" data-testid="compare-page">
        <PageHeader
          crumbs={crumbs}
          title={`Comparing ${runs.length} runs`}
          description={`${pipelines === 1 ? runs[0].pipelineName : `${pipelines} pipelines`} · ${differing} ${differing === 1 ? 'param differs' : 'params differ'}`}
        />
        <ul className="flex flex-wrap gap-2" data-testid="compare-runs-list">
          {runs.map((r, i) => (
            <li key={r.id} className="flex items-center gap-2 rounded-md border border-zinc-200 bg-white px-3 py-1.5 text-xs shadow-sm">
              <span aria-hidden className="size-2.5 rounded-full" style={{ background: seriesColor(i) }} />
              <Link href={runHref(r.id)} className="font-mono font-medium text-zinc-900 hover:underline">
                {name(r)}
              </Link>
              <span className="text-zinc-500">
                {r.pipelineName}
                {r.version !== null ? ` v${r.version}` : ''}
              </span>
              <StatusBadge status={r.status} />
            </li>
          ))}
        </ul>

        <section aria-labelledby="compare-curves" className="flex flex-col gap-3">
          <h2 id="compare-curves" className="text-sm font-semibold text-zinc-900">
            Curves
          </h2>
          <CompareCharts runs={runs.map((r) => ({ name: name(r), curves: r.curves, losses: r.losses }))} />
        </section>

        <section aria-labelledby="compare-metrics" className="flex flex-col gap-3">
          <h2 id="compare-metrics" className="text-sm font-semibold text-zinc-900">
            Metrics <span className="ml-2 text-xs font-normal text-zinc-500">★ best of these runs, where the metric has a better direction</span>
          </h2>
          <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm">
            <table className="w-full text-xs" data-testid="compare-metrics">
              <thead className="bg-zinc-50 text-zinc-500">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left font-medium">Metric</th>
                  {runHeads}
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {metrics.map((m) => (
                  <tr key={m.key} data-testid={`compare-metric-${m.key}`}>
                    <th scope="row" className="px-3 py-1.5 text-left font-mono font-normal text-zinc-700">
                      {m.key}
                      {m.direction ? <span className="ml-1 font-sans text-zinc-400">{m.direction === 'higher' ? '↑' : '↓'}</span> : null}
                    </th>
                    {m.values.map((v, i) => {
                      const best = m.best.includes(i);
                      return (
                        <td key={runs[i].id} className={`px-3 py-1.5 tabular-nums ${best ? 'bg-emerald-50 font-semibold text-emerald-800' : 'text-zinc-900'}`} data-best={best || undefined}>
                          {v === null ? <span className="text-zinc-300">—</span> : formatNumber(v)}
                          {best ? <span className="ml-1" aria-label="best">★</span> : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            {metrics.length === 0 ? <p className="px-4 py-6 text-center text-sm text-zinc-500">These runs recorded no metrics.</p> : null}
          </div>
        </section>

        <section aria-labelledby="compare-params" className="flex flex-col gap-3">
          <div className="flex items-center gap-3">
            <h2 id="compare-params" className="text-sm font-semibold text-zinc-900">
              Params <span className="ml-2 text-xs font-normal text-zinc-500">those that differ are highlighted and listed first</span>
            </h2>
            <label className="ml-auto flex items-center gap-1.5 text-xs text-zinc-600">
              <input type="checkbox" checked={onlyDiffs} onChange={(e) => setOnlyDiffs(e.target.checked)} data-testid="only-differences" />
              Only differences
            </label>
          </div>
          <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm">
            <table className="w-full text-xs" data-testid="compare-params">
              <thead className="bg-zinc-50 text-zinc-500">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left font-medium">Param</th>
                  {runHeads}
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {shownParams.map((p) => (
                  <tr key={p.key} className={p.differs ? 'bg-amber-50' : ''} data-testid={`compare-param-${p.key}`} data-differs={p.differs || undefined}>
                    <th scope="row" className={`px-3 py-1.5 text-left font-mono font-normal ${p.differs ? 'font-semibold text-amber-900' : 'text-zinc-700'}`}>
                      {p.key}
                    </th>
                    {p.values.map((v, i) => (
                      <td key={runs[i].id} className={`max-w-64 truncate px-3 py-1.5 font-mono ${p.differs ? 'text-amber-950' : 'text-zinc-600'}`} title={v ?? undefined}>
                        {v ?? <span className="text-zinc-300">—</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {shownParams.length === 0 ? <p className="px-4 py-6 text-center text-sm text-zinc-500">{onlyDiffs ? 'Every param is the same in these runs.' : 'These runs recorded no params.'}</p> : null}
          </div>
        </section>
      </div>
    </PageBody>
  );
}
