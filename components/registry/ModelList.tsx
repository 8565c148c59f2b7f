'use client';
// Registered models, newest change first, paged by the server; a search narrows by name.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { EmptyState } from '../ui/EmptyState';
import { formatRelative } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { AliasChips } from './AliasChips';
import { modelHref, versionHref } from './links';
import { Pager } from './Pager';

const LIMIT = 50;

export function ModelList({ projectId }: { projectId?: string }) {
  const trpc = useTRPC();
  const [offset, setOffset] = useState(0);
  const [search, setSearch] = useState('');
  const query = useQuery({ ...trpc.registry.models.queryOptions({ projectId, search: search || undefined, offset, limit: LIMIT }), placeholderData: keepPreviousData });
  return (
    <section className="flex flex-col gap-3" aria-label="Registered models">
      <input
        type="search"
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setOffset(0);
        }}
        placeholder="Find a model by name"
        aria-label="Find a model by name"
        className="h-8 w-64 rounded-md border border-zinc-300 bg-white px-2.5 text-sm focus:border-indigo-500 focus:outline-none"
      />
      {query.isError ? <InlineError message={errorMessage(query.error)} /> : null}
      {query.data && query.data.total === 0 && !search ? (
        <EmptyState title="No registered models yet">
          Register a trained model from a train node&apos;s outputs after a run, or set the node&apos;s <em>Register</em> param so every successful run adds a version.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm">
          <table className="w-full text-sm" data-testid="model-list">
            <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
              <tr>
                <th className="px-3 py-2 font-medium">Model</th>
                <th className="px-3 py-2 font-medium">Project</th>
                <th className="px-3 py-2 font-medium">Latest</th>
                <th className="px-3 py-2 text-right font-medium">Versions</th>
                <th className="px-3 py-2 font-medium">Aliases</th>
                <th className="px-3 py-2 font-medium">Updated</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {query.data?.rows.map((m) => (
                <tr key={m.id} className="hover:bg-zinc-50" data-testid={`model-${m.name}`}>
                  <td className="px-3 py-2">
                    <Link href={modelHref(m.id)} className="font-medium text-indigo-700 hover:underline">
                      {m.name}
                    </Link>
                    {m.description ? <p className="max-w-xs truncate text-xs text-zinc-500">{m.description}</p> : null}
                  </td>
                  <td className="px-3 py-2 text-zinc-600">{m.projectName}</td>
                  <td className="px-3 py-2">
                    {m.latestVersion ? (
                      <Link href={versionHref(m.id, m.latestVersion)} className="text-zinc-800 hover:underline">
                        v{m.latestVersion}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="px-3 py-2 text-right text-zinc-700 tabular-nums">{m.versions}</td>
                  <td className="px-3 py-2">
                    <AliasChips aliases={m.aliases} />
                  </td>
                  <td className="px-3 py-2 text-zinc-500">{formatRelative(m.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {query.data && query.data.rows.length === 0 ? <p className="px-3 py-6 text-center text-sm text-zinc-500">No model matches “{search}”.</p> : null}
          {query.isPending ? <div className="h-24 animate-pulse bg-zinc-50" aria-busy="true" /> : null}
        </div>
      )}
      {query.data ? <Pager offset={offset} limit={LIMIT} total={query.data.total} onOffset={setOffset} label="Models" /> : null}
    </section>
  );
}
