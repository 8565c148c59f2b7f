'use client';
// One key: its name and prefix, when it was made and last used; revoking asks for a second click.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RouterOutputs } from '../trpc/router-types';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { formatDateTime } from '../ui/format';

export type ApiKeyListItem = RouterOutputs['apiKey']['list'][number];

export function ApiKeyRow({ apiKey }: { apiKey: ApiKeyListItem }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(
    trpc.apiKey.revoke.mutationOptions({ onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() }) }),
  );
  const revoked = apiKey.revokedAt !== null;

  return (
    <tr className={revoked ? 'bg-zinc-50/70 text-zinc-400' : ''} data-testid={`api-key-${apiKey.id}`}>
      <td className="px-4 py-2.5">
        <div className={`font-medium ${revoked ? 'text-zinc-500' : 'text-zinc-900'}`}>{apiKey.name}</div>
        <div className="font-mono text-xs whitespace-nowrap text-zinc-500">{apiKey.prefix}…</div>
        {revoke.error ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {errorMessage(revoke.error)}
          </p>
        ) : null}
      </td>
      <td className="px-4 py-2.5 whitespace-nowrap text-zinc-500">{formatDateTime(apiKey.createdAt)}</td>
      <td className="px-4 py-2.5 whitespace-nowrap text-zinc-500">{apiKey.lastUsedAt === null ? 'Never' : formatDateTime(apiKey.lastUsedAt)}</td>
      <td className="px-4 py-2.5 whitespace-nowrap">
        {revoked ? (
          <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-500">Revoked {formatDateTime(apiKey.revokedAt)}</span>
        ) : (
          <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs text-emerald-700">Active</span>
        )}
      </td>
      <td className="px-4 py-2.5 text-right whitespace-nowrap">
        {revoked ? null : confirming ? (
          <span className="inline-flex gap-1.5">
            <Button size="sm" variant="danger" onClick={() => revoke.mutate({ id: apiKey.id })} disabled={revoke.isPending}>
              {revoke.isPending ? 'Revoking…' : 'Confirm revoke'}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </span>
        ) : (
          <Button size="sm" variant="secondary" onClick={() => setConfirming(true)} aria-label={`Revoke ${apiKey.name}`}>
            Revoke
          </Button>
        )}
      </td>
    </tr>
  );
}
