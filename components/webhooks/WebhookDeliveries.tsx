'use client';
// A webhook's recent deliveries, opened on demand: each event with its state (delivered, retrying
// with the time of the next attempt, failed), how many attempts it took and the last answer or
// refusal. Polls while open, so a retry shows when it happens.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { assertNever } from '../../engine/assert-never';
import { errorMessage } from '../trpc/error-message';
import type { RouterOutputs } from '../trpc/router-types';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { formatDateTime, formatTime } from '../ui/format';
import { InlineError } from '../ui/InlineError';

type DeliveryRow = RouterOutputs['webhooks']['deliveries'][number];

export function WebhookDeliveries({ webhookId }: { webhookId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="w-full">
      <Button size="sm" variant="ghost" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="webhook-deliveries-toggle">
        {open ? 'Hide deliveries' : 'Deliveries'}
      </Button>
      {open ? <DeliveryList webhookId={webhookId} /> : null}
    </div>
  );
}

function DeliveryList({ webhookId }: { webhookId: string }) {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.webhooks.deliveries.queryOptions({ webhookId, limit: 20 }), refetchInterval: 10_000 });
  if (list.error) return <InlineError message={errorMessage(list.error)} className="mt-1" />;
  if (list.data?.length === 0) return <p className="mt-1 text-xs text-zinc-500">Nothing posted here yet.</p>;
  return (
    <ul className="mt-1 flex flex-col divide-y divide-zinc-100 rounded-md border border-zinc-100 text-xs" data-testid="webhook-deliveries">
      {list.data?.map((d) => (
        <li key={d.id} className="flex flex-wrap items-center gap-2 px-2 py-1.5" data-testid="webhook-delivery" data-state={d.state}>
          <span className="text-zinc-400">{formatDateTime(d.createdAt || d.at)}</span>
          <span className="font-mono text-zinc-800">{d.event || 'event not recorded'}</span>
          <StateBadge d={d} />
          {d.error ? <span className="text-red-700">{d.error}</span> : d.status !== null ? <span className="text-zinc-500">answered {d.status}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function StateBadge({ d }: { d: DeliveryRow }) {
  const tries = `${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`;
  switch (d.state) {
    case 'delivered':
      return <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-800">delivered{d.attempts > 1 ? ` after ${tries}` : ''}</span>;
    case 'pending':
      return (
        <span className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-900">
          {d.attempts === 0 ? 'sending' : `retrying: ${tries} of ${d.maxAttempts} failed, next at ${formatTime(d.nextAttemptAt)}`}
        </span>
      );
    case 'failed':
      return <span className="rounded bg-red-50 px-1.5 py-0.5 text-red-800">failed after {tries}</span>;
    default:
      return assertNever(d.state, 'delivery state');
  }
}
