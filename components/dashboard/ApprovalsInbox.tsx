'use client';
// Promotions waiting for a manager, each with champion against challenger, and approve or reject
// with a comment through the existing audited paths (deployments.decide, registry.decide).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { formatRelative } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { ComparisonTable } from './ComparisonTable';
import { dashboardHref } from './links';
import type { ApprovalView } from './types';

export function ApprovalsInbox({ canApprove, userId }: { canApprove: boolean; userId: string }) {
  const trpc = useTRPC();
  const inbox = useQuery({ ...trpc.dashboard.approvals.queryOptions(), refetchInterval: 30_000 });
  return (
    <PageBody>
      <div className="flex flex-col gap-6" data-testid="approvals">
        <PageHeader crumbs={[{ label: 'Portfolio', href: dashboardHref }, { label: 'Approvals' }]} title="Approvals" description="Promotions waiting for a manager: champion against challenger, then approve or reject with a comment." />
        <InlineError message={inbox.error ? errorMessage(inbox.error) : null} />
        {inbox.data && inbox.data.length === 0 ? <EmptyState title="Nothing is waiting for approval">Promotions that need a manager appear here.</EmptyState> : null}
        <ul className="flex flex-col gap-4">
          {inbox.data?.map((item) => <ApprovalCard key={item.requestId} item={item} canApprove={canApprove} userId={userId} />)}
        </ul>
      </div>
    </PageBody>
  );
}

function ApprovalCard({ item, canApprove, userId }: { item: ApprovalView; canApprove: boolean; userId: string }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const onSuccess = () => client.invalidateQueries();
  const deploy = useMutation(trpc.deployments.decide.mutationOptions({ onSuccess }));
  const alias = useMutation(trpc.registry.decide.mutationOptions({ onSuccess }));
  const m = item.kind === 'deploy' ? deploy : alias;
  const decide = (approve: boolean) => m.mutate({ requestId: item.requestId, approve, comment });
  const mine = item.requestedById === userId;
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-amber-200 bg-white p-4 shadow-sm" data-testid={`approval-${item.modelName}`}>
      <div>
        <p className="font-medium text-zinc-900">{item.summary}</p>
        <p className="text-xs text-zinc-500">
          {item.modelName} · asked by {item.requestedBy ?? 'a run'} {formatRelative(item.requestedAt)}
          {item.comment ? ` · “${item.comment}”` : ''}
        </p>
      </div>
      <ComparisonTable item={item} />
      {item.drift ? (
        <p className={`text-xs ${item.drift.status === 'drift' ? 'text-amber-900' : 'text-zinc-600'}`}>
          Drift at the last check ({formatRelative(item.drift.at)}): {item.drift.status === 'drift' ? `inputs drifted: ${item.drift.flagged.join(', ') || 'see the monitoring page'}` : item.drift.status === 'ok' ? 'none' : 'the check could not run'}
        </p>
      ) : item.kind === 'deploy' ? (
        <p className="text-xs text-zinc-500">No monitoring check has run on this endpoint yet.</p>
      ) : null}
      {canApprove && !mine ? (
        <div className="flex flex-wrap items-center gap-2">
          <input value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Comment (needed to reject)" aria-label={`Comment on ${item.summary}`} maxLength={2000}
            className="h-8 min-w-64 flex-1 rounded-md border border-zinc-300 px-2.5 text-sm focus:border-indigo-500 focus:outline-none" />
          <Button size="sm" variant="primary" disabled={m.isPending} onClick={() => decide(true)}>Approve</Button>
          <Button size="sm" variant="danger" disabled={m.isPending} onClick={() => decide(false)}>Reject</Button>
        </div>
      ) : (
        <p className="text-xs text-zinc-500">{mine ? 'You asked for this; someone else with approval rights decides it.' : 'A manager (viewer) or an admin decides this.'}</p>
      )}
      <InlineError message={m.error ? errorMessage(m.error) : null} />
    </li>
  );
}
