'use client';
// A project's webhooks: made by editors (the signing secret is shown once, here), tested with a
// ping whose outcome shows in place, and deleted, each with its recent deliveries and their
// retries. Alert rules pick one of these to post to.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { DeleteButton } from '../ui/DeleteButton';
import { formatRelative } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { TextField } from '../ui/TextField';
import { WebhookDeliveries } from './WebhookDeliveries';

export function ProjectWebhooks({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hooks = useQuery(trpc.webhooks.list.queryOptions({ projectId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey({ projectId }) });
  const [form, setForm] = useState({ name: '', url: '' });
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: (made) => {
        setSecret({ name: made.webhook.name, secret: made.secret });
        setForm({ name: '', url: '' });
        void refresh();
      },
    }),
  );
  const remove = useMutation(trpc.webhooks.delete.mutationOptions({ onSuccess: refresh }));
  const ping = useMutation(trpc.webhooks.test.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.pathKey() }) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ projectId, ...form });
  };

  return (
    <section className="flex flex-col gap-3" aria-labelledby="hooks-title" data-testid="project-webhooks">
      <div>
        <h2 id="hooks-title" className="text-base font-semibold text-zinc-900">Project webhooks</h2>
        <p className="text-sm text-zinc-600">
          Alerts post JSON here when they open, are acknowledged and are resolved; failed posts are retried with backoff (up to 5 attempts). Signed: <code className="text-xs">X-Pipeworks-Signature: sha256=&lt;HMAC-SHA256 of the body with the secret&gt;</code>.
        </p>
      </div>
      {secret && (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="webhook-secret">
          Secret of “{secret.name}”, shown only now; keep it where the receiver checks signatures:
          <code className="mt-1 block font-mono text-xs break-all select-all">{secret.secret}</code>
          <Button size="sm" variant="ghost" className="mt-1" onClick={() => setSecret(null)}>
            I have stored it
          </Button>
        </div>
      )}
      <InlineError message={hooks.error ? errorMessage(hooks.error) : null} />
      <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white shadow-sm">
        {hooks.data?.length === 0 && <li className="px-4 py-3 text-sm text-zinc-500">This project has no webhooks.</li>}
        {hooks.data?.map((h) => {
          const tested = ping.variables?.id === h.id ? ping : null;
          return (
            <li key={h.id} className="flex flex-wrap items-center gap-3 px-4 py-2.5 text-sm" data-testid="webhook-row">
              <span className="font-medium text-zinc-900">{h.name}</span>
              <span className="font-mono text-xs text-zinc-600">{h.url}</span>
              <span className="text-xs text-zinc-400">{formatRelative(h.createdAt)}</span>
              {canManage && (
                <span className="ml-auto flex items-center gap-2">
                  <Button size="sm" onClick={() => ping.mutate({ id: h.id })} disabled={ping.isPending}>
                    Send test
                  </Button>
                  <DeleteButton
                    label="Delete"
                    consequence="Alert rules posting here will notify in the studio only."
                    pending={remove.isPending && remove.variables?.id === h.id}
                    error={remove.error && remove.variables?.id === h.id ? errorMessage(remove.error) : null}
                    onConfirm={() => remove.mutate({ id: h.id })}
                    testId={`delete-webhook-${h.name}`}
                  />
                </span>
              )}
              {tested?.data && (
                <p className={`w-full text-xs ${tested.data.error ? 'text-red-700' : 'text-emerald-700'}`} data-testid="webhook-test-result">
                  {tested.data.error ?? `Delivered: the receiver answered ${tested.data.status}`}
                </p>
              )}
              {tested?.error && <InlineError message={errorMessage(tested.error)} className="w-full" />}
              <WebhookDeliveries webhookId={h.id} />
            </li>
          );
        })}
      </ul>
      {canManage && (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Add a webhook">
          <TextField label="Name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} className="w-48" required />
          <TextField label="URL" placeholder="https://hooks.slack.com/services/…" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} className="w-96" required />
          <Button type="submit" variant="primary" disabled={create.isPending || !form.name.trim() || !form.url.trim()}>
            Add webhook
          </Button>
          <InlineError message={create.error ? errorMessage(create.error) : null} className="w-full" />
        </form>
      )}
    </section>
  );
}
