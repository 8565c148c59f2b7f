'use client';
// On a model version's page: the endpoints of its model, and whether this version serves there.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../trpc/trpc-context';
import { LiveBadge } from './LiveBadge';
import { deploymentHref } from './links';

export function VersionDeployments({ modelId, version }: { modelId: string; version: number }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.deployments.list.queryOptions({ modelId }));
  if (!list.data || list.data.length === 0) return null;
  return (
    <section aria-labelledby="deployed-heading" className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" data-testid="version-deployments">
      <h2 id="deployed-heading" className="mb-2 text-sm font-semibold text-zinc-900">
        Deployments
      </h2>
      <ul className="flex flex-col gap-1.5 text-sm">
        {list.data.map((e) => {
          const mine = e.live.filter((d) => d.version === version);
          return (
            <li key={e.id} className="flex flex-wrap items-center gap-2">
              <Link href={deploymentHref(e.id)} className="font-medium text-indigo-700 hover:underline">
                {e.name}
              </Link>
              {mine.length > 0 ? mine.map((d) => <LiveBadge key={d.role} {...d} />) : <span className="text-xs text-zinc-500">{e.undeployedAt !== null ? 'undeployed' : `serves ${e.live.map((d) => `v${d.version}`).join(', ')}`}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
