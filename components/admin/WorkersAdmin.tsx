'use client';
// Queue mode at a glance (admins): connected workers with their load and last heartbeat, the
// queue's depth, and the worker tokens they connect with (create, shown once; revoke).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../trpc/error-message';
import type { RouterOutputs } from '../trpc/router-types';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { InlineError } from '../ui/InlineError';
import { TextField } from '../ui/TextField';

type Created = RouterOutputs['workers']['createToken'];
const ago = (at: number) => `${Math.max(0, Math.round((Date.now() - at) / 1000))} s ago`;
const cell = 'px-4 py-2.5';
const FOLLOW_MS = 5000;

/** The worker's headless browser (`pipeworks worker --browser`), as its heartbeat reported it. */
function browserLine(facts: Record<string, unknown>): string {
  const adapter = typeof facts.browserAdapter === 'string' ? `${facts.browserAdapter}, ` : '';
  const webgpu = `WebGPU: ${adapter}${typeof facts.browserWebgpu === 'string' ? facts.browserWebgpu : 'unknown'}`;
  const trains = typeof facts.browserBackend === 'string' ? `trains on ${facts.browserBackend}` : 'measured no TF.js backend';
  return `Headless browser · ${webgpu} · ${trains}`;
}

export function WorkersAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Workers beat every 5 s; the page follows at that pace, tokens' "last used" (each beat uses one) too.
  const status = useQuery(trpc.workers.status.queryOptions(undefined, { refetchInterval: FOLLOW_MS }));
  const tokens = useQuery(trpc.workers.tokens.queryOptions(undefined, { refetchInterval: FOLLOW_MS }));
  const [name, setName] = useState('');
  const [created, setCreated] = useState<Created | null>(null);
  const refreshTokens = () => void queryClient.invalidateQueries({ queryKey: trpc.workers.tokens.queryKey() });
  const create = useMutation(trpc.workers.createToken.mutationOptions({ onSuccess: (c) => (setName(''), setCreated(c), refreshTokens()) }));
  const revoke = useMutation(trpc.workers.revokeToken.mutationOptions({ onSuccess: refreshTokens }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name });
  };
  const s = status.data;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6 p-6">
      <h1 className="text-lg font-semibold text-zinc-900">Queue workers</h1>
      <InlineError message={status.error ? errorMessage(status.error) : null} />
      {s && !s.queueMode ? (
        <p className="text-sm text-zinc-600">Steps run in this server&apos;s own worker threads. Start it with PIPEWORKS_REDIS_URL to run them on workers.</p>
      ) : null}
      {s?.depth ? (
        <p className="text-sm text-zinc-700" data-testid="queue-depth">
          Queue: <strong>{s.depth.waiting}</strong> waiting, <strong>{s.depth.active}</strong> running, <strong>{s.depth.delayed}</strong> waiting to retry
        </p>
      ) : null}
      {s && s.workers.length === 0 ? (
        <EmptyState title="No workers connected">Start one with the command shown when you create a token below.</EmptyState>
      ) : s ? (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm">
          <table className="w-full text-sm" data-testid="worker-list">
            <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
              <tr>
                <th scope="col" className={cell}>Worker</th>
                <th scope="col" className={cell}>Steps running</th>
                <th scope="col" className={cell}>Load average</th>
                <th scope="col" className={cell}>Capabilities</th>
                <th scope="col" className={cell}>Last heartbeat</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {s.workers.map((w) => (
                <tr key={w.id}>
                  <td className={`${cell} font-mono text-xs`}>{w.id}</td>
                  <td className={cell}>{w.active} of {w.concurrency}</td>
                  <td className={cell}>{w.loadAverage.toFixed(2)}</td>
                  <td className={`${cell} text-xs text-zinc-600`}>
                    {Object.entries(w.capabilities).filter(([, v]) => v === true).map(([k]) => k).join(', ') || '—'}
                    {typeof w.capabilities.memoryBytes === 'number' ? ` · ${(w.capabilities.memoryBytes / 2 ** 30).toFixed(1)} GiB memory` : ''}
                    {w.capabilities.browser === true ? <span className="block">{browserLine(w.capabilities)}</span> : null}
                  </td>
                  <td className={cell}>{ago(w.lastHeartbeatAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <form onSubmit={submit} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading" className="text-sm font-semibold text-zinc-900">Create a worker token</h2>
        <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
          <TextField label="Token name" name="worker-token-name" autoComplete="off" placeholder="e.g. gpu-box-1" required maxLength={100} className="flex-1" value={name} onChange={(e) => setName(e.target.value)} />
          <Button type="submit" variant="primary" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create token'}</Button>
        </div>
        <InlineError className="mt-3" message={create.error ? errorMessage(create.error) : null} />
      </form>
      {created ? (
        <section className="rounded-lg border border-emerald-200 bg-emerald-50/60 p-4 text-sm" aria-label="New worker token">
          <p className="text-zinc-700">Token “{created.name}”: copy it now, <strong>it will not be shown again</strong>. On the worker machine:</p>
          <pre className="mt-2 overflow-x-auto rounded bg-white p-2 font-mono text-xs text-zinc-800" data-testid="worker-command">
            npx pipeworks worker --server {window.location.origin} --token {created.token}
          </pre>
          <Button size="sm" variant="ghost" className="mt-2" onClick={() => setCreated(null)}>Done</Button>
        </section>
      ) : null}
      <InlineError message={tokens.error ? errorMessage(tokens.error) : revoke.error ? errorMessage(revoke.error) : null} />
      {tokens.data && tokens.data.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm">
          <table className="w-full text-sm" data-testid="worker-token-list">
            <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
              <tr>
                <th scope="col" className={cell}>Token</th>
                <th scope="col" className={cell}>Last used</th>
                <th scope="col" className={cell}>Status</th>
                <th scope="col" className={cell}><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {tokens.data.map((t) => (
                <tr key={t.id}>
                  <td className={cell}>{t.name} <span className="font-mono text-xs text-zinc-500">{t.prefix}…</span></td>
                  <td className={cell}>{t.lastUsedAt ? ago(t.lastUsedAt) : 'never'}</td>
                  <td className={cell}>{t.revokedAt ? 'revoked' : 'active'}</td>
                  <td className={`${cell} text-right`}>
                    {t.revokedAt ? null : (
                      <Button size="sm" variant="ghost" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: t.id })}>Revoke</Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
