'use client';
// The audit trail for administrators: who did what, when, to what, with the detail recorded,
// newest first, a page at a time, narrowed by action (e.g. "model.alias" for every alias event).
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { formatDateTime } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';

const FILTERS = [
  ['', 'Everything'],
  ['model.alias', 'Alias moves and approvals'],
  ['model', 'Model registry'],
  ['run', 'Runs'],
  ['pipeline', 'Pipelines'],
  ['storage', 'Storage'],
  ['user', 'People and sign-ins'],
  ['apiKey', 'API keys'],
] as const;

export function AuditLog() {
  const trpc = useTRPC();
  const [action, setAction] = useState('');
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { action: action || undefined, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const events = query.data?.pages.flatMap((p) => p.events) ?? [];
  const people: Record<string, string> = Object.assign({}, ...(query.data?.pages.map((p) => p.people) ?? []));
  return (
    <PageBody>
      <div className="flex flex-col gap-4" data-testid="audit-log">
        <PageHeader
          title="Audit log"
          description="Every sign-in, change, run, alias move and approval: who, when, and what."
          actions={
            <select value={action} onChange={(e) => setAction(e.target.value)} aria-label="Show" className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm" data-testid="audit-filter">
              {FILTERS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          }
        />
        {query.isError ? <InlineError message={errorMessage(query.error)} /> : null}
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm">
          <table className="w-full text-sm">
            <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
              <tr>
                <th className="px-3 py-2 font-medium">When</th>
                <th className="px-3 py-2 font-medium">Who</th>
                <th className="px-3 py-2 font-medium">Action</th>
                <th className="px-3 py-2 font-medium">Detail</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 align-top">
              {events.map((e) => (
                <tr key={e.id} data-testid={`audit-${e.action}`}>
                  <td className="px-3 py-2 whitespace-nowrap text-zinc-500">{formatDateTime(e.at)}</td>
                  <td className="px-3 py-2 text-zinc-800">{e.userName ?? (e.userId ? e.userId.slice(0, 8) : 'system')}</td>
                  <td className="px-3 py-2 font-mono text-xs text-zinc-800">
                    {e.action}
                    {e.targetType ? (
                      <span className="block text-[10px] text-zinc-400" title={e.targetId ?? undefined}>
                        {e.targetType} {e.targetId ? e.targetId.slice(0, 12) : ''}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 text-xs text-zinc-600">
                    <Detail detail={e.detail} people={people} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {query.isPending ? <div className="h-24 animate-pulse bg-zinc-50" aria-busy="true" /> : null}
          {query.data && events.length === 0 ? <p className="px-3 py-6 text-center text-sm text-zinc-500">Nothing recorded yet.</p> : null}
        </div>
        {query.hasNextPage ? (
          <Button onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage} className="self-center">
            {query.isFetchingNextPage ? 'Loading…' : 'Older events'}
          </Button>
        ) : null}
      </div>
    </PageBody>
  );
}

/**
 * The recorded detail as "key: value" pairs: version numbers read as v3, people by name; internal
 * ids (modelId, requestId…) are left out, the action's target already says what it was about.
 */
function Detail({ detail, people }: { detail: Record<string, unknown>; people: Record<string, string> }) {
  const entries = Object.entries(detail)
    .filter(([key, v]) => v !== undefined && v !== '' && !key.endsWith('Id'))
    .map(([key, v]): [string, unknown] => [key, key.endsWith('By') && typeof v === 'string' ? (people[v] ?? v) : v]);
  if (entries.length === 0) return <span className="text-zinc-300">—</span>;
  return (
    <span className="flex flex-wrap gap-x-3 gap-y-0.5">
      {entries.map(([key, value]) => (
        <span key={key}>
          <span className="text-zinc-400">{key}</span>{' '}
          <span className="text-zinc-800">{(key === 'from' || key === 'to' || key === 'version') && typeof value === 'number' ? `v${value}` : value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value)}</span>
        </span>
      ))}
    </span>
  );
}
