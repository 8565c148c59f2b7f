'use client';
// Every endpoint with its latest check: status, when, how many features it flagged, and the
// alerts still open or acknowledged.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { EmptyState } from '../ui/EmptyState';
import { formatRelative } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { CheckStatus } from './CheckStatus';
import { featureLabel } from './DriftOverTime';

export const monitoringHref = (name: string) => `/monitoring/${encodeURIComponent(name)}`;

export function MonitoringList() {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.monitorPage.overview.queryOptions(), refetchInterval: 15_000 });
  return (
    <PageBody>
      <div className="flex flex-col gap-6" data-testid="monitoring-page">
        <PageHeader title="Monitoring" description="Drift, decay and serving health of every endpoint, from its recorded checks." />
        <InlineError message={list.error ? errorMessage(list.error) : null} />
        {list.data && list.data.length === 0 ? <EmptyState title="No endpoint to monitor yet">Deploy a model version to an endpoint; its checks show here.</EmptyState> : null}
        {list.data && list.data.length > 0 ? (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 text-xs text-zinc-500">
              <tr>
                <th className="py-2 font-medium">Endpoint</th>
                <th className="py-2 font-medium">Model</th>
                <th className="py-2 font-medium">Latest check</th>
                <th className="py-2 font-medium">Flagged features</th>
                <th className="py-2 font-medium">Unresolved alerts</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((e) => (
                <tr key={e.endpointId} className="border-b border-zinc-100" data-testid={`monitor-row-${e.name}`}>
                  <td className="py-2">
                    <Link href={monitoringHref(e.name)} className="font-medium text-indigo-700 hover:underline">
                      {e.name}
                    </Link>
                    {e.undeployed ? <span className="ml-2 text-xs text-zinc-500">undeployed</span> : null}
                  </td>
                  <td className="py-2 text-zinc-700">
                    {e.modelName} <span className="text-xs text-zinc-500">· {e.projectName}</span>
                  </td>
                  <td className="py-2">
                    {e.latestCheck ? (
                      <span className="flex items-center gap-2">
                        <CheckStatus status={e.latestCheck.status} />
                        <span className="text-xs text-zinc-500">{formatRelative(e.latestCheck.startedAt)}</span>
                      </span>
                    ) : (
                      <span className="text-xs text-zinc-500">never checked</span>
                    )}
                  </td>
                  <td className="py-2" data-testid="flagged-count" title={e.flaggedFeatures.map(featureLabel).join(', ')}>
                    {e.flaggedFeatures.length}
                    {e.flaggedFeatures.length ? <span className="ml-1 text-xs text-zinc-500">({e.flaggedFeatures.map(featureLabel).join(', ')})</span> : null}
                  </td>
                  <td className="py-2" data-testid="alert-count">
                    {e.unresolvedAlerts}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </PageBody>
  );
}
