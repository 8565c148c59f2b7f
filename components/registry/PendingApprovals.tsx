'use client';
// Requests to move `production` that wait for approval. Approvers (managers, admins) approve or
// reject with a comment; the requester may withdraw. Everyone else sees what is waiting.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import type { RouterOutputs } from '../trpc/router-types';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { formatRelative } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { AliasChip } from './AliasChips';
import { modelHref, versionHref } from './links';

type Request = RouterOutputs['registry']['pending'][number];

interface PendingApprovalsProps {
  projectId?: string;
  modelId?: string;
  canApprove: boolean;
  userId: string;
}

export function PendingApprovals({ projectId, modelId, canApprove, userId }: PendingApprovalsProps) {
  const trpc = useTRPC();
  const pending = useQuery(trpc.registry.pending.queryOptions({ projectId }));
  const requests = (pending.data ?? []).filter((r) => !modelId || r.modelId === modelId);
  if (requests.length === 0) return null;
  return (
    <section className="rounded-lg border border-amber-200 bg-amber-50/60 p-4" aria-labelledby="pending-heading" data-testid="pending-approvals">
      <h2 id="pending-heading" className="text-sm font-semibold text-amber-900">
        {requests.length === 1 ? '1 promotion waits for approval' : `${requests.length} promotions wait for approval`}
      </h2>
      <ul className="mt-3 flex flex-col gap-3">
        {requests.map((r) => (
          <RequestRow key={r.id} request={r} canApprove={canApprove} mine={r.requestedBy === userId} />
        ))}
      </ul>
    </section>
  );
}

function RequestRow({ request: r, canApprove, mine }: { request: Request; canApprove: boolean; mine: boolean }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: trpc.registry.pathKey() });
  const decide = useMutation(trpc.registry.decide.mutationOptions({ onSuccess: refresh }));
  const withdraw = useMutation(trpc.registry.withdraw.mutationOptions({ onSuccess: refresh }));
  const busy = decide.isPending || withdraw.isPending;
  return (
    <li className="rounded-md border border-amber-200 bg-white p-3 text-sm" data-testid={`request-${r.modelName}`}>
      <p className="text-zinc-800">
        <span className="font-medium">{r.requestedByName ?? 'Someone'}</span> asks to {r.to === null ? 'remove ' : 'move '}
        <AliasChip alias={r.alias} /> of{' '}
        <Link href={modelHref(r.modelId)} className="font-medium text-indigo-700 hover:underline">
          {r.modelName}
        </Link>{' '}
        {r.from !== null ? <>from v{r.from} </> : null}
        {r.to !== null ? (
          <>
            to{' '}
            <Link href={versionHref(r.modelId, r.to)} className="font-medium text-indigo-700 hover:underline">
              v{r.to}
            </Link>
          </>
        ) : null}
        <span className="ml-2 text-xs text-zinc-400">{formatRelative(r.requestedAt)}</span>
      </p>
      {r.comment ? <p className="mt-1 text-zinc-600">“{r.comment}”</p> : null}
      {canApprove && !mine ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <input
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="Comment (needed to reject)"
            aria-label="Decision comment"
            maxLength={2000}
            className="h-8 min-w-64 flex-1 rounded-md border border-zinc-300 px-2.5 text-sm focus:border-indigo-500 focus:outline-none"
            data-testid="decision-comment"
          />
          <Button size="sm" variant="primary" disabled={busy} onClick={() => decide.mutate({ requestId: r.id, approve: true, comment })} data-testid="approve-request">
            Approve
          </Button>
          <Button size="sm" variant="danger" disabled={busy} onClick={() => decide.mutate({ requestId: r.id, approve: false, comment })} data-testid="reject-request">
            Reject
          </Button>
        </div>
      ) : mine ? (
        <div className="mt-2 flex items-center gap-3 text-xs text-zinc-500">
          A viewer (manager) or an admin other than you decides.
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => withdraw.mutate({ requestId: r.id })}>
            Withdraw
          </Button>
        </div>
      ) : (
        <p className="mt-2 text-xs text-zinc-500">A viewer (manager) or an admin decides.</p>
      )}
      <InlineError className="mt-2" message={decide.error ? errorMessage(decide.error) : withdraw.error ? errorMessage(withdraw.error) : null} />
    </li>
  );
}
