'use client';
// The endpoint's alerts, newest first, as a timeline: opened (with the rule's message and value),
// acknowledged and resolved, each with who and when, a page at a time ("Show older" after a full
// page). Editors acknowledge and resolve (with a comment); the server checks the role again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import type { RouterOutputs } from '../trpc/router-types';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { formatDateTime } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { useAlertPages } from './use-alert-pages';

type AlertRow = RouterOutputs['alerts']['list'][number];

const STATE_LOOK = {
  open: { text: '● open', className: 'bg-orange-100 text-orange-900' },
  acknowledged: { text: '◐ acknowledged', className: 'bg-sky-50 text-sky-900' },
  resolved: { text: '○ resolved', className: 'bg-zinc-100 text-zinc-700' },
} as const;

export function AlertTimeline({ endpointId, canManage }: { endpointId: string; canManage: boolean }) {
  const list = useAlertPages(endpointId);
  const alerts = list.data?.pages.flat();
  return (
    <section id="alerts" aria-labelledby="alerts-heading" className="flex scroll-mt-4 flex-col gap-2" data-testid="alert-timeline">
      <h2 id="alerts-heading" className="text-sm font-semibold text-zinc-900">
        Alerts
      </h2>
      <InlineError message={list.error ? errorMessage(list.error) : null} />
      {alerts && alerts.length === 0 ? <p className="text-sm text-zinc-500">No alert has opened for this endpoint.</p> : null}
      <ol className="flex flex-col gap-2 border-l-2 border-zinc-200 pl-4">
        {alerts?.map((a) => <AlertItem key={a.id} alert={a} canManage={canManage} />)}
      </ol>
      {list.hasNextPage ? (
        <Button size="sm" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage} className="self-start" data-testid="alerts-older">
          {list.isFetchingNextPage ? 'Loading…' : 'Show older'}
        </Button>
      ) : null}
    </section>
  );
}

function AlertItem({ alert, canManage }: { alert: AlertRow; canManage: boolean }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
  const ack = useMutation(trpc.alerts.acknowledge.mutationOptions({ onSuccess: refresh }));
  const resolve = useMutation(trpc.alerts.resolve.mutationOptions({ onSuccess: refresh }));
  const [comment, setComment] = useState('');
  const look = STATE_LOOK[alert.state];
  const error = ack.error ?? resolve.error;
  return (
    <li className="relative text-sm" data-testid="alert-item" data-state={alert.state}>
      <span aria-hidden className="absolute top-1.5 -left-[1.4rem] size-2.5 rounded-full border-2 border-white bg-zinc-400" />
      <div className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${look.className}`}>{look.text}</span>
        <span className="font-medium text-zinc-900">{alert.ruleName}</span>
        <span className="text-xs text-zinc-500">{alert.severity}</span>
      </div>
      <p className="text-zinc-800" data-testid="alert-message">
        {alert.message}
      </p>
      <p className="text-xs text-zinc-500">
        Opened {formatDateTime(alert.openedAt)}
        {alert.acknowledgedAt ? ` · acknowledged ${formatDateTime(alert.acknowledgedAt)}` : ''}
        {alert.resolvedAt ? ` · resolved ${formatDateTime(alert.resolvedAt)}${alert.resolution ? `: ${alert.resolution}` : ''}` : ''}
      </p>
      {canManage && alert.state !== 'resolved' ? (
        <div className="mt-1 flex flex-wrap items-center gap-2">
          {alert.state === 'open' ? (
            <Button size="sm" onClick={() => ack.mutate({ id: alert.id })} disabled={ack.isPending} data-testid="alert-ack">
              Acknowledge
            </Button>
          ) : null}
          <input className="h-7 w-56 rounded-md border border-zinc-300 px-2 text-xs" placeholder="How was it resolved?" value={comment} onChange={(e) => setComment(e.target.value)} aria-label="Resolution comment" />
          <Button size="sm" onClick={() => resolve.mutate({ id: alert.id, comment })} disabled={resolve.isPending} data-testid="alert-resolve">
            Resolve
          </Button>
        </div>
      ) : null}
      <InlineError message={error ? errorMessage(error) : null} className="mt-1" />
    </li>
  );
}
