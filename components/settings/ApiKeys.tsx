'use client';
// Personal API keys: scripts and CI send one as `Authorization: Bearer pw_…` and act as its owner.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SessionRole } from '../shell/session-user';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { EmptyState } from '../ui/EmptyState';
import { InlineError } from '../ui/InlineError';
import { ApiKeyRow } from './ApiKeyRow';
import { CreateApiKeyForm, type CreatedApiKey } from './CreateApiKeyForm';
import { NewApiKey } from './NewApiKey';

export function ApiKeys({ role }: { role: SessionRole }) {
  const trpc = useTRPC();
  const keysQuery = useQuery(trpc.apiKey.list.queryOptions());
  // Held only in this component's state: leaving or reloading the page drops the secret for good.
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const keys = keysQuery.data;

  return (
    <section className="flex flex-col gap-6" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title" className="text-base font-semibold text-zinc-900">
        API keys
      </h2>
      <div className="-mt-4 flex flex-col gap-6">
        <p className="text-sm text-zinc-600">
          Send a key as <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-xs text-zinc-800">Authorization: Bearer pw_…</code>; it has your
          role (<span className="font-medium text-zinc-800">{role}</span>) until you revoke it.
        </p>
        <CreateApiKeyForm onCreated={setCreated} />
        {created ? <NewApiKey key={created.id} created={created} onDone={() => setCreated(null)} /> : null}
        {keysQuery.isError ? (
          <InlineError message={errorMessage(keysQuery.error)} />
        ) : !keys ? (
          <div className="h-32 animate-pulse rounded-lg border border-zinc-200 bg-white" />
        ) : keys.length === 0 ? (
          <EmptyState title="No API keys yet">Create one above for each script or CI job that calls Pipeworks.</EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm">
            <table className="w-full text-sm" data-testid="api-key-list">
              <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
                <tr>
                  <th scope="col" className="px-4 py-2.5 font-medium">Key</th>
                  <th scope="col" className="px-4 py-2.5 font-medium">Created</th>
                  <th scope="col" className="px-4 py-2.5 font-medium">Last used</th>
                  <th scope="col" className="px-4 py-2.5 font-medium">Status</th>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {keys.map((k) => (
                  <ApiKeyRow key={k.id} apiKey={k} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
