'use client';
// Every endpoint, with the model it serves and what answers now (primary, canary, shadow).
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { EmptyState } from '../ui/EmptyState';
import { formatRelative } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { modelHref } from '../registry/links';
import { LiveBadge } from './LiveBadge';
import { deploymentHref } from './links';

export function DeploymentList() {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.deployments.list.queryOptions({}), refetchInterval: 10_000 });
  return (
    <PageBody>
      <div className="flex flex-col gap-6" data-testid="deployments-page">
        <PageHeader title="Deployments" description="Endpoints that serve model versions over KServe V2 and MLflow invocations." />
        <InlineError message={list.error ? errorMessage(list.error) : null} />
        {list.data && list.data.length === 0 ? (
          <EmptyState title="Nothing is deployed yet">Add a “Deploy to endpoint” node after a train step in a pipeline and run it.</EmptyState>
        ) : null}
        {list.data && list.data.length > 0 ? (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 text-xs text-zinc-500">
              <tr>
                <th className="py-2 font-medium">Endpoint</th>
                <th className="py-2 font-medium">Model</th>
                <th className="py-2 font-medium">Serving</th>
                <th className="py-2 font-medium">Project</th>
                <th className="py-2 font-medium">Changed</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((e) => (
                <tr key={e.id} className="border-b border-zinc-100" data-testid={`endpoint-row-${e.name}`}>
                  <td className="py-2">
                    <Link href={deploymentHref(e.id)} className="font-medium text-indigo-700 hover:underline">
                      {e.name}
                    </Link>
                  </td>
                  <td className="py-2">
                    <Link href={modelHref(e.modelId)} className="text-zinc-700 hover:underline">
                      {e.modelName}
                    </Link>
                  </td>
                  <td className="py-2">
                    <span className="flex flex-wrap gap-1">
                      {e.undeployedAt !== null ? <span className="text-xs text-zinc-500">undeployed</span> : e.live.map((d) => <LiveBadge key={d.role} {...d} />)}
                    </span>
                  </td>
                  <td className="py-2 text-zinc-600">{e.projectName}</td>
                  <td className="py-2 text-zinc-500">{formatRelative(e.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </PageBody>
  );
}
