'use client';
// What answers now and how traffic splits, with the actions on it: promote a canary or shadow,
// roll back to the previous primary in one click, undeploy after a confirm.
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import { versionHref } from '../registry/links';
import { ConfirmButton } from '../ui/ConfirmButton';
import { LiveBadge } from './LiveBadge';
import type { EndpointView } from './types';
import { useRefreshDeployments } from './use-endpoint-change';

export function LiveSplit({ endpoint, canManage }: { endpoint: EndpointView; canManage: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshDeployments();
  const rollback = useMutation(trpc.deployments.rollback.mutationOptions({ onSuccess: refresh }));
  const undeploy = useMutation(trpc.deployments.undeploy.mutationOptions({ onSuccess: refresh }));
  const promote = useMutation(trpc.deployments.promote.mutationOptions({ onSuccess: refresh }));
  const error = rollback.error ?? undeploy.error ?? promote.error;
  const undeployed = endpoint.undeployedAt !== null;
  const previous = previousPrimary(endpoint);
  return (
    <section className="rounded-lg border border-zinc-200 bg-white p-4" aria-labelledby="live-heading" data-testid="live-split">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="live-heading" className="text-sm font-semibold text-zinc-900">
          Serving now
        </h2>
        {canManage && !undeployed ? (
          <div className="flex flex-wrap items-center gap-2">
            <Button size="sm" disabled={!previous || rollback.isPending} onClick={() => rollback.mutate({ endpointId: endpoint.id })} data-testid="rollback" title={previous ? `Serve v${previous} again` : 'No earlier primary to return to'}>
              {rollback.isPending ? 'Rolling back…' : previous ? `Roll back to v${previous}` : 'Roll back'}
            </Button>
            <ConfirmButton
              label="Undeploy"
              consequence="Clients get 404 until a version is deployed again."
              confirmLabel="Undeploy"
              pending={undeploy.isPending}
              onConfirm={() => undeploy.mutate({ endpointId: endpoint.id })}
              testId="undeploy"
            />
          </div>
        ) : null}
      </div>
      {undeployed ? (
        <p className="mt-3 text-sm text-zinc-600" data-testid="undeployed">
          Undeployed: requests get 404. A deploy node run (mode replace) serves a version again.
        </p>
      ) : (
        <ul className="mt-3 flex flex-col gap-2">
          {endpoint.live.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-3 text-sm">
              <LiveBadge role={d.role} version={d.version} trafficPercent={d.trafficPercent} />
              <Link href={versionHref(endpoint.modelId, d.version)} className="text-indigo-700 hover:underline">
                {endpoint.modelName} v{d.version}
              </Link>
              {d.role !== 'primary' && canManage ? (
                <Button size="sm" variant="secondary" disabled={promote.isPending} onClick={() => promote.mutate({ endpointId: endpoint.id, role: d.role as 'canary' | 'shadow' })} data-testid={`promote-${d.role}`}>
                  Promote to primary
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {promote.data?.state === 'pending' ? <p className="mt-2 text-sm text-amber-800">The promotion waits for a manager's approval.</p> : null}
      <InlineError message={error ? errorMessage(error) : null} className="mt-3" />
    </section>
  );
}

/** The version a rollback would serve: primaries as a stack, as the server computes it. */
export function previousPrimary(endpoint: Pick<EndpointView, 'history'>): number | null {
  const stack: number[] = [];
  for (const row of [...endpoint.history].reverse()) {
    if (row.role !== 'primary') continue;
    if (row.reason === 'rollback') stack.pop();
    else if (stack.at(-1) !== row.version) stack.push(row.version);
  }
  return stack.length >= 2 ? stack[stack.length - 2] : null;
}
