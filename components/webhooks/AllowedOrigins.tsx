'use client';
// The origins webhooks may reach. Admins add and remove them; everyone sees them, so an editor
// knows what a webhook URL may point at. "Private targets" lets an origin resolve to loopback,
// link-local or private addresses (a receiver inside the network); cloud metadata stays refused.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { DeleteButton } from '../ui/DeleteButton';
import { InlineError } from '../ui/InlineError';
import { TextField } from '../ui/TextField';

export function AllowedOrigins({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const entries = useQuery(trpc.webhooks.allowlist.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.allowlist.list.queryKey() });
  const [origin, setOrigin] = useState('');
  const [allowPrivate, setAllowPrivate] = useState(false);
  const add = useMutation(trpc.webhooks.allowlist.add.mutationOptions({ onSuccess: () => (setOrigin(''), setAllowPrivate(false), refresh()) }));
  const remove = useMutation(trpc.webhooks.allowlist.remove.mutationOptions({ onSuccess: refresh }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ origin, allowPrivate });
  };

  return (
    <section className="flex flex-col gap-3" aria-labelledby="origins-title" data-testid="allowed-origins">
      <div>
        <h2 id="origins-title" className="text-base font-semibold text-zinc-900">Allowed origins</h2>
        <p className="text-sm text-zinc-600">Webhooks post only to these origins. Loopback, link-local and private addresses are refused unless an origin allows private targets; cloud metadata addresses always are, also after DNS resolution and redirects.</p>
      </div>
      <InlineError message={entries.error ? errorMessage(entries.error) : null} />
      <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white shadow-sm">
        {entries.data?.length === 0 && <li className="px-4 py-3 text-sm text-zinc-500">No origin is allowed yet, so no webhook can be made.</li>}
        {entries.data?.map((e) => (
          <li key={e.id} className="flex items-center gap-3 px-4 py-2.5 text-sm" data-testid="origin-row">
            <span className="font-mono text-zinc-900">{e.origin}</span>
            {e.allowPrivate && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-800">private targets allowed</span>}
            {canManage && (
              <span className="ml-auto">
                <DeleteButton
                  label="Remove"
                  consequence={`Webhooks to ${e.origin} will be refused.`}
                  pending={remove.isPending && remove.variables?.id === e.id}
                  error={remove.error && remove.variables?.id === e.id ? errorMessage(remove.error) : null}
                  onConfirm={() => remove.mutate({ id: e.id })}
                  testId={`remove-origin-${e.origin}`}
                />
              </span>
            )}
          </li>
        ))}
      </ul>
      {canManage && (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Allow an origin">
          <TextField label="Origin" placeholder="https://hooks.slack.com" value={origin} onChange={(e) => setOrigin(e.target.value)} className="w-80" required />
          <label className="flex h-9 items-center gap-2 text-sm text-zinc-700">
            <input type="checkbox" checked={allowPrivate} onChange={(e) => setAllowPrivate(e.target.checked)} />
            Allow private targets
          </label>
          <Button type="submit" variant="primary" disabled={add.isPending || origin.trim() === ''}>
            Allow origin
          </Button>
          <InlineError message={add.error ? errorMessage(add.error) : null} className="w-full" />
        </form>
      )}
    </section>
  );
}
