'use client';
// The runs of a pipeline or a project as a table: chosen metric and param columns, sorted and
// filtered by any of them on the server, a page at a time; tick 2–10 runs to compare them.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { bestFirst } from '../registry/metric-columns';
import { Pager } from '../registry/Pager';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { formatDateTime, formatDuration, formatNumber, formatRelative, shortId } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { StatusBadge } from '../ui/StatusBadge';
import { metricName } from './metric-direction';
import { compareHref, runHref } from './run-links';
import { RunColumnsMenu } from './RunColumnsMenu';
import { RunFilters, type AppliedFilter } from './RunFilters';
import { defaultColumns, nextSort, sameField, type ColumnChoice, type Field, type TableInput } from './run-table-state';

const PAGE = 50;
const MAX_COMPARE = 10;
type Scope = TableInput['scope'];

export function RunsTable({ scope }: { scope: Scope }) {
  const trpc = useTRPC();
  const columnsQuery = useQuery(trpc.run.columns.queryOptions({ scope }));
  const [picked, setPicked] = useState<ColumnChoice | null>(null);
  const columns = picked ?? (columnsQuery.data ? defaultColumns(columnsQuery.data) : null);
  const [sort, setSort] = useState<NonNullable<TableInput['sort']>>({ field: { kind: 'created' }, dir: 'desc' });
  const [filters, setFilters] = useState<AppliedFilter[]>([]);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const table = useQuery({
    ...trpc.run.table.queryOptions({ scope, metrics: columns?.metrics ?? [], params: columns?.params ?? [], sort, filters, offset, limit: PAGE }, { enabled: columns !== null }),
    placeholderData: keepPreviousData,
  });
  const projectWide = 'projectId' in scope;

  const heading = (field: Field, text: string, opts: { title?: string; numeric?: boolean; testId: string }) => {
    const active = sameField(sort.field, field);
    const firstDir = field.kind === 'metric' ? bestFirst(metricName(field.key)) : field.kind === 'created' || field.kind === 'duration' || field.kind === 'version' ? 'desc' : 'asc';
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={`px-3 py-2 font-medium whitespace-nowrap ${opts.numeric ? 'text-right' : 'text-left'}`} title={opts.title}>
        <button
          type="button"
          className={`inline-flex items-center gap-1 hover:text-zinc-900 ${active ? 'text-zinc-900' : ''}`}
          onClick={() => {
            setSort(nextSort(sort, field, firstDir));
            setOffset(0);
          }}
          data-testid={`sort-${opts.testId}`}
        >
          {text}
          <span aria-hidden className="text-[10px]">{active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
        </button>
      </th>
    );
  };

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= MAX_COMPARE ? s : [...s, id]));

  return (
    <div className="flex flex-col gap-3" data-testid="runs-table-view">
      <div className="flex flex-wrap items-start gap-3">
        {columnsQuery.data && columns ? (
          <RunColumnsMenu
            available={columnsQuery.data}
            chosen={columns}
            onChange={(next) => {
              setPicked(next);
              setOffset(0);
            }}
          />
        ) : null}
        {columnsQuery.data ? (
          <RunFilters
            available={columnsQuery.data}
            filters={filters}
            onChange={(next) => {
              setFilters(next);
              setOffset(0);
            }}
          />
        ) : null}
        <span className="ml-auto flex items-center gap-2 text-xs text-zinc-500">
          {selected.length > 0 ? `${selected.length} chosen` : 'Tick 2–10 runs to compare'}
          {selected.length >= 2 ? (
            <Link href={compareHref(selected)} className="inline-flex h-7 items-center rounded-md bg-indigo-600 px-2.5 text-xs font-medium text-white shadow-sm hover:bg-indigo-500" data-testid="compare-runs">
              Compare {selected.length}
            </Link>
          ) : null}
          {selected.length > 0 ? (
            <button type="button" className="hover:text-zinc-900" onClick={() => setSelected([])}>
              Clear
            </button>
          ) : null}
        </span>
      </div>
      <InlineError message={columnsQuery.isError ? errorMessage(columnsQuery.error) : table.isError ? errorMessage(table.error) : null} />
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm" aria-busy={table.isFetching}>
        <table className="w-full text-sm" data-testid="runs-table">
          <thead className="bg-zinc-50 text-xs text-zinc-500">
            <tr>
              <th scope="col" className="w-8 px-3 py-2">
                <span className="sr-only">Compare</span>
              </th>
              <th scope="col" className="px-3 py-2 text-left font-medium">Run</th>
              {heading({ kind: 'status' }, 'Status', { testId: 'status' })}
              {projectWide ? <th scope="col" className="px-3 py-2 text-left font-medium">Pipeline</th> : null}
              {heading({ kind: 'version' }, 'Version', { testId: 'version', numeric: true })}
              {heading({ kind: 'created' }, 'Started', { testId: 'created' })}
              {heading({ kind: 'duration' }, 'Took', { testId: 'duration', numeric: true })}
              {(columns?.metrics ?? []).map((k) => heading({ kind: 'metric', key: k }, k, { testId: `metric-${k}`, numeric: true, title: `metric ${k}` }))}
              {(columns?.params ?? []).map((k) => heading({ kind: 'param', key: k }, k, { testId: `param-${k}`, title: `param ${k}` }))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {table.data?.rows.map((r) => (
              <tr key={r.id} className={selected.includes(r.id) ? 'bg-indigo-50/60' : 'hover:bg-zinc-50/60'} data-testid={`runs-row-${r.id}`}>
                <td className="px-3 py-1.5">
                  <input
                    type="checkbox"
                    checked={selected.includes(r.id)}
                    disabled={!selected.includes(r.id) && selected.length >= MAX_COMPARE}
                    onChange={() => toggle(r.id)}
                    aria-label={`Compare ${r.name ?? shortId(r.id)}`}
                    data-testid={`select-run-${r.id}`}
                  />
                </td>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  <Link href={runHref(r.id)} className="font-mono text-xs text-indigo-700 hover:underline">
                    {r.name ?? shortId(r.id)}
                  </Link>
                  {r.createdBy ? <span className="ml-2 text-xs text-zinc-400">{r.createdBy}</span> : null}
                </td>
                <td className="px-3 py-1.5">
                  <StatusBadge status={r.status} />
                </td>
                {projectWide ? <td className="px-3 py-1.5 text-xs whitespace-nowrap text-zinc-700">{r.pipelineName}</td> : null}
                <td className="px-3 py-1.5 text-right text-xs text-zinc-600 tabular-nums">{r.version != null ? `v${r.version}` : '—'}</td>
                <td className="px-3 py-1.5 text-xs whitespace-nowrap text-zinc-600" title={formatDateTime(r.createdAt)}>
                  {formatRelative(r.createdAt)}
                </td>
                <td className="px-3 py-1.5 text-right text-xs text-zinc-600 tabular-nums">{r.startedAt != null && r.finishedAt != null ? formatDuration(r.finishedAt - r.startedAt) : '—'}</td>
                {(columns?.metrics ?? []).map((k) => (
                  <td key={k} className="px-3 py-1.5 text-right text-xs font-medium text-zinc-900 tabular-nums" data-testid={`cell-${r.id}-${k}`}>
                    {r.metrics[k] !== undefined ? formatNumber(r.metrics[k]) : <span className="text-zinc-300">—</span>}
                  </td>
                ))}
                {(columns?.params ?? []).map((k) => (
                  <td key={k} className="max-w-48 truncate px-3 py-1.5 font-mono text-[11px] text-zinc-800" title={r.params[k]}>
                    {r.params[k] ?? <span className="text-zinc-300">—</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {table.data && table.data.rows.length === 0 ? <p className="px-4 py-8 text-center text-sm text-zinc-500">{filters.length ? 'No run passes these filters.' : 'No runs yet.'}</p> : null}
        {!table.data && !table.isError ? <div className="h-32 animate-pulse bg-zinc-50" aria-busy="true" /> : null}
      </div>
      {table.data ? <Pager offset={offset} limit={PAGE} total={table.data.total} onOffset={setOffset} label="Runs" /> : null}
    </div>
  );
}
