'use client';
// The endpoint's serving settings: how much of the traffic is logged, the largest body, the
// default per-key rate limit, and whether a category the model never saw is refused or scored.
// Saving bumps the revision; serving picks it up without a restart.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import type { EndpointView } from './types';
import { useRefreshDeployments } from './use-endpoint-change';

const input = 'h-8 w-32 rounded-md border border-zinc-300 px-2 text-sm focus:border-indigo-500 focus:outline-none disabled:bg-zinc-50';

export function EndpointSettings({ endpoint, canManage }: { endpoint: EndpointView; canManage: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshDeployments();
  const [sample, setSample] = useState(String(endpoint.logSampleRate * 100));
  const [bodyKb, setBodyKb] = useState(String(endpoint.maxBodyBytes / 1024));
  const [rate, setRate] = useState(String(endpoint.rateLimitPerMinute));
  const [unseen, setUnseen] = useState(endpoint.unseenCategories);
  const save = useMutation(trpc.deployments.saveSettings.mutationOptions({ onSuccess: refresh }));
  const [local, setLocal] = useState<string | null>(null);
  const submit = () => {
    const values = { logSampleRate: Number(sample) / 100, maxBodyBytes: Math.round(Number(bodyKb) * 1024), rateLimitPerMinute: Number(rate) };
    const bad = Object.entries(values).find(([, v]) => !Number.isFinite(v) || sample.trim() === '' || bodyKb.trim() === '' || rate.trim() === '');
    if (bad) return setLocal(`Enter a number for every setting (${bad[0]} is not one)`);
    setLocal(null);
    save.mutate({ endpointId: endpoint.id, ...values, unseenCategories: unseen });
  };
  return (
    <section aria-labelledby="settings-heading" className="rounded-lg border border-zinc-200 bg-white p-4" data-testid="endpoint-settings">
      <h2 id="settings-heading" className="text-sm font-semibold text-zinc-900">
        Settings
      </h2>
      <div className="mt-3 grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
        <label className="flex flex-col gap-1 text-xs text-zinc-600">
          Requests logged (%)
          <input className={input} inputMode="decimal" value={sample} disabled={!canManage} onChange={(e) => setSample(e.target.value)} data-testid="setting-sample" />
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-600">
          Largest request body (KB)
          <input className={input} inputMode="decimal" value={bodyKb} disabled={!canManage} onChange={(e) => setBodyKb(e.target.value)} data-testid="setting-body" />
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-600">
          Requests per minute per key (default)
          <input className={input} inputMode="numeric" value={rate} disabled={!canManage} onChange={(e) => setRate(e.target.value)} data-testid="setting-rate" />
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-600 sm:col-span-3">
          A category the model never saw
          <select
            className={`${input} w-auto max-w-md`}
            value={unseen}
            disabled={!canManage}
            onChange={(e) => setUnseen(e.target.value === 'accept' ? 'accept' : 'refuse')}
            data-testid="setting-unseen"
          >
            <option value="refuse">Refuse the request (400 naming the column, row and value)</option>
            <option value="accept">Score it as &quot;unseen&quot; and list it in the answer</option>
          </select>
        </label>
      </div>
      {canManage ? (
        <div className="mt-3 flex items-center gap-3">
          <Button size="sm" variant="primary" disabled={save.isPending} onClick={submit} data-testid="settings-save">
            {save.isPending ? 'Saving…' : 'Save settings'}
          </Button>
          {save.isSuccess ? <span className="text-xs text-emerald-700">Saved; serving follows within a second.</span> : null}
        </div>
      ) : null}
      <InlineError message={local ?? (save.error ? errorMessage(save.error) : null)} className="mt-3" />
    </section>
  );
}
