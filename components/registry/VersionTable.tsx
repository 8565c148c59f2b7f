'use client';
// Registered versions, paged by the server: sort by a metric (best first), the date or the number;
// filter by alias and by a train param. On the registry page it spans models; on a model's page, one.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { metricLabel } from '../pipeline/metric-labels';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { formatNumber, formatRelative } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { AliasChips } from './AliasChips';
import { versionHref } from './links';
import { bestFirst, metricColumns } from './metric-columns';
import { Pager } from './Pager';

const LIMIT = 50;
const SELECT = 'h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-800 focus:border-indigo-500 focus:outline-none';

interface VersionTableProps {
  projectId?: string;
  modelId?: string;
}

export function VersionTable({ projectId, modelId }: VersionTableProps) {
  const trpc = useTRPC();
  const [offset, setOffset] = useState(0);
  const [sort, setSort] = useState<string>('created');
  const [alias, setAlias] = useState('');
  const [paramKey, setParamKey] = useState('');
  const [paramValue, setParamValue] = useState('');
  const facets = useQuery(trpc.registry.facets.queryOptions({ projectId, modelId }));
  const metric = sort.startsWith('metric:') ? sort.slice('metric:'.length) : null;
  const columns = metricColumns(facets.data?.metricNames ?? [], metric);
  const param = paramKey && paramValue !== '' ? { key: paramKey, value: paramValue } : undefined;
  const query = useQuery({
    ...trpc.registry.versions.queryOptions({
      projectId,
      modelId,
      alias: alias || undefined,
      param,
      sort: metric ? 'metric' : sort === 'version' ? 'version' : 'created',
      metric: metric ?? undefined,
      direction: metric ? bestFirst(metric) : 'desc',
      columns,
      offset,
      limit: LIMIT,
    }),
    placeholderData: keepPreviousData,
  });
  const refilter = (apply: () => void) => {
    apply();
    setOffset(0);
  };

  return (
    <section className="flex flex-col gap-3" aria-label="Model versions" data-testid="version-table">
      <div className="flex flex-wrap items-end gap-3 text-xs text-zinc-600">
        <label className="flex flex-col gap-1">
          Sort by
          <select className={SELECT} value={sort} onChange={(e) => refilter(() => setSort(e.target.value))} data-testid="version-sort">
            <option value="created">Newest first</option>
            <option value="version">Version number</option>
            {(facets.data?.metricNames ?? []).map((m) => (
              <option key={m} value={`metric:${m}`}>
                {metricLabel(m)} (best first)
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Alias
          <input className={`${SELECT} w-32`} value={alias} placeholder="any" onChange={(e) => refilter(() => setAlias(e.target.value.trim().toLowerCase()))} data-testid="version-alias-filter" />
        </label>
        <label className="flex flex-col gap-1">
          Param
          <select className={SELECT} value={paramKey} onChange={(e) => refilter(() => setParamKey(e.target.value))} data-testid="version-param-key">
            <option value="">any</option>
            {(facets.data?.paramKeys ?? []).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        {paramKey ? (
          <label className="flex flex-col gap-1">
            equals
            <input className={`${SELECT} w-28`} value={paramValue} onChange={(e) => refilter(() => setParamValue(e.target.value))} data-testid="version-param-value" />
          </label>
        ) : null}
      </div>
      {query.isError ? <InlineError message={errorMessage(query.error)} /> : null}
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm">
        <table className="w-full text-sm">
          <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
            <tr>
              {modelId ? null : <th className="px-3 py-2 font-medium">Model</th>}
              <th className="px-3 py-2 font-medium">Version</th>
              <th className="px-3 py-2 font-medium">Aliases</th>
              <th className="px-3 py-2 font-medium">Format</th>
              {columns.map((c) => (
                <th key={c} className="px-3 py-2 text-right font-medium" aria-sort={c === metric ? (bestFirst(c) === 'desc' ? 'descending' : 'ascending') : undefined}>
                  {metricLabel(c)}
                </th>
              ))}
              <th className="px-3 py-2 font-medium">Registered</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {query.data?.rows.map((v) => (
              <tr key={v.id} className="hover:bg-zinc-50" data-testid={`version-row-${v.modelName}-${v.version}`}>
                {modelId ? null : <td className="px-3 py-2 text-zinc-800">{v.modelName}</td>}
                <td className="px-3 py-2">
                  <Link href={versionHref(v.modelId, v.version)} className="font-medium text-indigo-700 hover:underline">
                    v{v.version}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <AliasChips aliases={v.aliases} />
                </td>
                <td className="px-3 py-2 font-mono text-xs text-zinc-500">{v.format}</td>
                {columns.map((c) => (
                  <td key={c} className="px-3 py-2 text-right text-zinc-800 tabular-nums">
                    {formatNumber(v.metrics[c])}
                  </td>
                ))}
                <td className="px-3 py-2 text-zinc-500">{formatRelative(v.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {query.data && query.data.rows.length === 0 ? <p className="px-3 py-6 text-center text-sm text-zinc-500">No versions match.</p> : null}
        {query.isPending ? <div className="h-24 animate-pulse bg-zinc-50" aria-busy="true" /> : null}
      </div>
      {query.data ? <Pager offset={offset} limit={LIMIT} total={query.data.total} onOffset={setOffset} label="Versions" /> : null}
    </section>
  );
}
