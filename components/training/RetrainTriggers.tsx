'use client';
// An endpoint's retrain triggers: what starts a retrain of its model (a cron schedule in UTC, a new
// version of a dataset, or an alert of this endpoint), each with its recent fires linked to runs.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { assertNever } from '../../engine/assert-never';
import { runHref } from '../runs/run-links';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { ConfirmButton } from '../ui/ConfirmButton';
import { formatRelative } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { StatusBadge } from '../ui/StatusBadge';
import { RetrainHistory } from './RetrainHistory';
import { TriggerForm } from './TriggerForm';

export function RetrainTriggers({ endpointId, endpointName, projectId, canManage }: { endpointId: string; endpointName: string; projectId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const list = useQuery({ ...trpc.training.listTriggers.queryOptions({ endpointId }), refetchInterval: 10_000 });
  const refresh = () => client.invalidateQueries({ queryKey: trpc.training.listTriggers.queryKey({ endpointId }) });
  const toggle = useMutation(trpc.training.setTriggerEnabled.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.training.deleteTrigger.mutationOptions({ onSuccess: refresh }));
  const [adding, setAdding] = useState(false);
  const triggers = list.data ?? [];
  return (
    <section aria-labelledby="retrain-heading" className="rounded-lg border border-zinc-200 bg-white p-4" data-testid="retrain-triggers">
      <div className="flex items-center gap-3">
        <h2 id="retrain-heading" className="text-sm font-semibold text-zinc-900">
          Retrain triggers
        </h2>
        {canManage && !adding ? (
          <Button size="sm" className="ml-auto" onClick={() => setAdding(true)} data-testid="trigger-add">
            Add trigger
          </Button>
        ) : null}
      </div>
      <p className="mt-1 text-xs text-zinc-500">
        Each fire runs the chosen pipeline; the model it registers is scored against the version serving now on the run&apos;s own test split.
      </p>
      {adding ? <TriggerForm endpointId={endpointId} endpointName={endpointName} projectId={projectId} onDone={() => (setAdding(false), void refresh())} onCancel={() => setAdding(false)} /> : null}
      <ul className="mt-3 flex flex-col divide-y divide-zinc-100 text-sm">
        {list.isSuccess && triggers.length === 0 ? <li className="py-2 text-zinc-500">No triggers: this endpoint is retrained only when someone runs a pipeline.</li> : null}
        {triggers.map((t) => (
          <li key={t.id} className="flex flex-col gap-2 py-3" data-testid={`trigger-${t.kind}`}>
            <div className="flex flex-wrap items-center gap-3">
              <span className="font-medium text-zinc-800">{describeTrigger(t)}</span>
              <span className="text-xs text-zinc-500">runs {t.pipelineName}</span>
              {t.trafficDataset ? <span className="text-xs text-zinc-500">on labelled traffic saved as {t.trafficDataset}</span> : null}
              {t.kind === 'cron' && t.enabled && t.nextFireAt ? <span className="text-xs text-zinc-500">next {new Date(t.nextFireAt).toISOString().slice(0, 16).replace('T', ' ')} UTC</span> : null}
              {!t.enabled ? <span className="rounded bg-zinc-100 px-1.5 text-xs text-zinc-600">off</span> : null}
              {canManage ? (
                <span className="ml-auto flex items-center gap-2">
                  <Button size="sm" onClick={() => toggle.mutate({ id: t.id, enabled: !t.enabled })} disabled={toggle.isPending} data-testid="trigger-toggle">
                    {t.enabled ? 'Turn off' : 'Turn on'}
                  </Button>
                  <ConfirmButton label="Delete" consequence="The trigger and its fire history go; runs it started stay." confirmLabel="Delete" pending={remove.isPending} onConfirm={() => remove.mutate({ id: t.id })} testId="trigger-delete" />
                </span>
              ) : null}
            </div>
            {t.fires.length > 0 ? (
              <ul className="flex flex-col gap-1 pl-3 text-xs text-zinc-600" aria-label="Recent fires">
                {t.fires.map((f) => (
                  <li key={f.id} className="flex flex-wrap items-center gap-2" data-testid="trigger-fire">
                    <span className="text-zinc-400">{formatRelative(f.firedAt)}</span>
                    <span className="font-mono">{f.dedupeKey.length > 24 ? `${f.dedupeKey.slice(0, 12)}…` : f.dedupeKey}</span>
                    {f.runId ? (
                      <Link href={runHref(f.runId)} className="text-indigo-700 hover:underline">
                        run {f.runId.slice(0, 8)}
                      </Link>
                    ) : null}
                    {f.runStatus ? <StatusBadge status={f.runStatus} /> : null}
                    {f.error ? <span className="text-red-700">{f.error}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="pl-3 text-xs text-zinc-400">Not fired yet.</p>
            )}
          </li>
        ))}
      </ul>
      <RetrainHistory endpointId={endpointId} />
      <InlineError message={list.error || toggle.error || remove.error ? errorMessage(list.error ?? toggle.error ?? remove.error) : null} className="mt-3" />
    </section>
  );
}

function describeTrigger(t: { kind: 'cron' | 'dataset' | 'alert'; cron: string | null; alertRule: { name: string; text: string; enabled: boolean } | null }): string {
  switch (t.kind) {
    case 'cron':
      return `Schedule ${t.cron} (UTC)`;
    case 'dataset':
      return 'New dataset version';
    case 'alert':
      return t.alertRule ? `Alert of rule "${t.alertRule.name}" (${t.alertRule.text})${t.alertRule.enabled ? '' : ', which is off'}` : 'Any alert of this endpoint';
    default:
      return assertNever(t.kind, 'trigger kind');
  }
}
