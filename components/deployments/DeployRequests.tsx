'use client';
// Deploys that wait for a manager's approval (the project guards production): approvers approve
// or reject with a reason, the requester may withdraw.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { formatRelative } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import type { EndpointView } from './types';
import { useRefreshDeployments } from './use-endpoint-change';

type Request = EndpointView['pendingRequests'][number];

export function DeployRequests({ endpoint, canApprove, userId }: { endpoint: EndpointView; canApprove: boolean; userId: string }) {
  if (endpoint.pendingRequests.length === 0) return null;
  return (
    <section className="rounded-lg border border-amber-200 bg-amber-50/60 p-4" aria-labelledby="requests-heading" data-testid="deploy-requests">
      <h2 id="requests-heading" className="text-sm font-semibold text-amber-900">
        Waiting for approval
      </h2>
      <ul className="mt-3 flex flex-col gap-3">
        {endpoint.pendingRequests.map((r) => (
          <RequestRow key={r.id} request={r} canApprove={canApprove} mine={r.requestedBy === userId} />
        ))}
      </ul>
    </section>
  );
}

function describe(r: Request): string {
  if (r.mode === 'promote') return `promote v${r.version} to primary`;
  if (r.mode === 'canary') return `send ${r.trafficPercent}% of requests to v${r.version} as a canary`;
  return `serve v${r.version} as the primary`;
}

function RequestRow({ request: r, canApprove, mine }: { request: Request; canApprove: boolean; mine: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshDeployments();
  const [comment, setComment] = useState('');
  const decide = useMutation(trpc.deployments.decide.mutationOptions({ onSuccess: refresh }));
  const withdraw = useMutation(trpc.deployments.withdraw.mutationOptions({ onSuccess: refresh }));
  const busy = decide.isPending || withdraw.isPending;
  return (
    <li className="rounded-md border border-amber-200 bg-white p-3 text-sm">
      <p className="text-zinc-800">
        <span className="font-medium">{r.requestedByName ?? 'A run'}</span> asks to {describe(r)}
        <span className="ml-2 text-xs text-zinc-400">{formatRelative(r.requestedAt)}</span>
      </p>
      {r.comment ? <p className="mt-1 text-zinc-600">“{r.comment}”</p> : null}
      {(r.gates as { gate: string; detail: string }[]).map((g) => (
        <p key={g.gate} className="mt-1 text-xs text-zinc-500">
          Gate {g.gate}: passed ({g.detail})
        </p>
      ))}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {canApprove && !mine ? (
          <>
            <input
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder="Comment (needed to reject)"
              aria-label="Decision comment"
              maxLength={2000}
              className="h-8 min-w-64 flex-1 rounded-md border border-zinc-300 px-2.5 text-sm focus:border-indigo-500 focus:outline-none"
            />
            <Button size="sm" variant="primary" disabled={busy} onClick={() => decide.mutate({ requestId: r.id, approve: true, comment })}>
              Approve
            </Button>
            <Button size="sm" variant="danger" disabled={busy} onClick={() => decide.mutate({ requestId: r.id, approve: false, comment })}>
              Reject
            </Button>
          </>
        ) : null}
        {mine ? (
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => withdraw.mutate({ requestId: r.id })}>
            Withdraw
          </Button>
        ) : null}
      </div>
      <InlineError message={decide.error || withdraw.error ? errorMessage(decide.error ?? withdraw.error) : null} className="mt-2" />
    </li>
  );
}
