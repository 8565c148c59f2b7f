'use client';
// Keys for this endpoint: made with a name, scopes and an optional rate limit, shown once in full,
// revoked after a confirm. Only their prefixes are kept.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { formatRelative } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { ConfirmButton } from '../ui/ConfirmButton';
import type { EndpointView } from './types';
import { useRefreshDeployments } from './use-endpoint-change';

const SCOPES = ['infer', 'feedback'] as const;

export function EndpointKeys({ endpoint, canManage, onKey }: { endpoint: EndpointView; canManage: boolean; onKey: (key: string) => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshDeployments();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Set<(typeof SCOPES)[number]>>(new Set(['infer']));
  const [rate, setRate] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const create = useMutation(
    trpc.deployments.createKey.mutationOptions({
      onSuccess: (made) => {
        setShown(made.key);
        onKey(made.key);
        setName('');
        return refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.deployments.revokeKey.mutationOptions({ onSuccess: refresh }));
  const rateValue = rate.trim() === '' ? null : Number(rate);
  return (
    <section aria-labelledby="keys-heading" className="rounded-lg border border-zinc-200 bg-white p-4" data-testid="endpoint-keys">
      <h2 id="keys-heading" className="text-sm font-semibold text-zinc-900">
        Keys
      </h2>
      {shown ? (
        <div className="mt-3 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm" data-testid="new-key">
          <p className="text-emerald-900">Copy this key now; it is not shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code className="flex-1 truncate rounded bg-white px-2 py-1 font-mono text-xs" data-testid="new-key-value">
              {shown}
            </code>
            <Button size="sm" onClick={() => void navigator.clipboard?.writeText(shown)}>
              Copy
            </Button>
          </div>
        </div>
      ) : null}
      <ul className="mt-3 flex flex-col divide-y divide-zinc-100 text-sm">
        {endpoint.keys.length === 0 ? <li className="py-2 text-zinc-500">No keys yet: clients need one to call this endpoint.</li> : null}
        {endpoint.keys.map((k) => (
          <li key={k.id} className="flex flex-wrap items-center gap-3 py-2" data-testid={`key-${k.name}`}>
            <code className="font-mono text-xs text-zinc-700">{k.prefix}…</code>
            <span className="font-medium text-zinc-800">{k.name}</span>
            <span className="text-xs text-zinc-500">{k.scopes.join(', ')}</span>
            <span className="text-xs text-zinc-500">{k.rateLimitPerMinute ? `${k.rateLimitPerMinute}/min` : `${endpoint.rateLimitPerMinute}/min (default)`}</span>
            <span className="text-xs text-zinc-400">made {formatRelative(k.createdAt)}</span>
            <span className="ml-auto">
              {k.revokedAt !== null ? (
                <span className="text-xs text-red-700">revoked {formatRelative(k.revokedAt)}</span>
              ) : canManage ? (
                <ConfirmButton label="Revoke" consequence="Requests with this key are refused at once." confirmLabel="Revoke" pending={revoke.isPending} onConfirm={() => revoke.mutate({ endpointId: endpoint.id, keyId: k.id })} testId={`revoke-${k.name}`} />
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {canManage ? (
        <form
          className="mt-3 flex flex-wrap items-end gap-3 text-xs text-zinc-600"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ endpointId: endpoint.id, name, scopes: [...scopes], rateLimitPerMinute: rateValue });
          }}
        >
          <label className="flex flex-col gap-1">
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} className="h-8 w-48 rounded-md border border-zinc-300 px-2 text-sm" data-testid="key-name" />
          </label>
          <fieldset className="flex items-center gap-3">
            <legend className="sr-only">Scopes</legend>
            {SCOPES.map((s) => (
              <label key={s} className="flex items-center gap-1 text-sm text-zinc-700">
                <input
                  type="checkbox"
                  checked={scopes.has(s)}
                  onChange={(e) => {
                    const next = new Set(scopes);
                    if (e.target.checked) next.add(s);
                    else next.delete(s);
                    setScopes(next);
                  }}
                />
                {s}
              </label>
            ))}
          </fieldset>
          <label className="flex flex-col gap-1">
            Requests per minute (empty: default)
            <input value={rate} onChange={(e) => setRate(e.target.value)} inputMode="numeric" className="h-8 w-40 rounded-md border border-zinc-300 px-2 text-sm" />
          </label>
          <Button type="submit" size="sm" variant="primary" disabled={create.isPending} data-testid="key-create">
            Create key
          </Button>
        </form>
      ) : null}
      <InlineError message={create.error || revoke.error ? errorMessage(create.error ?? revoke.error) : null} className="mt-3" />
    </section>
  );
}
