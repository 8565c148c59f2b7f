'use client';
// One endpoint: what serves it now, the actions on it, approvals, traffic, keys, "try it", client
// snippets, settings and history.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { modelHref } from '../registry/links';
import { monitoringHref } from '../monitoring/MonitoringList';
import { RetrainTriggers } from '../training/RetrainTriggers';
import { DeployHistory } from './DeployHistory';
import { DeployRequests } from './DeployRequests';
import { EndpointKeys } from './EndpointKeys';
import { EndpointSettings } from './EndpointSettings';
import { deploymentsHref } from './links';
import { LiveSplit } from './LiveSplit';
import { LiveStats } from './LiveStats';
import { Snippets } from './Snippets';
import { rowFromTexts, TryIt } from './TryIt';

export interface DeploymentPermissions {
  userId: string;
  canManage: boolean;
  canApprove: boolean;
  /** Adding and removing retrain triggers (pipeline.write). */
  canManageTriggers: boolean;
}

export function DeploymentPage({ endpointId, permissions }: { endpointId: string; permissions: DeploymentPermissions }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.deployments.get.queryOptions({ id: endpointId }), refetchInterval: 5000 });
  const [keyText, setKeyText] = useState('');
  const [texts, setTexts] = useState<Record<string, string>>({});
  const endpoint = query.data;
  if (!endpoint) {
    return (
      <PageBody>
        {query.error ? <InlineError message={errorMessage(query.error)} /> : <div className="h-40 animate-pulse rounded-lg bg-zinc-100" aria-busy="true" />}
      </PageBody>
    );
  }
  const columns = endpoint.signature?.inputs ?? [];
  return (
    <PageBody wide>
      <div className="flex flex-col gap-6" data-testid="deployment-page">
        <PageHeader
          crumbs={[{ label: 'Deployments', href: deploymentsHref }, { label: endpoint.name }]}
          title={endpoint.name}
          description={
            <>
              Serves{' '}
              <Link href={modelHref(endpoint.modelId)} className="text-indigo-700 hover:underline">
                {endpoint.modelName}
              </Link>{' '}
              in {endpoint.projectName} at {endpoint.servingUrl}/v2/models/{endpoint.name} · revision {endpoint.revision} ·{' '}
              <Link href={monitoringHref(endpoint.name)} className="text-indigo-700 hover:underline">
                monitoring and alert rules
              </Link>
            </>
          }
        />
        <LiveSplit key={endpoint.revision} endpoint={endpoint} canManage={permissions.canManage} />
        <DeployRequests endpoint={endpoint} canApprove={permissions.canApprove} userId={permissions.userId} />
        <LiveStats endpointId={endpoint.id} />
        <EndpointKeys endpoint={endpoint} canManage={permissions.canManage} onKey={setKeyText} />
        {columns.length > 0 ? (
          <>
            <TryIt endpointId={endpoint.id} columns={columns} texts={texts} onTexts={setTexts} keyText={keyText} onKey={setKeyText} />
            <Snippets servingUrl={endpoint.servingUrl} endpoint={endpoint.name} columns={columns} row={rowFromTexts(columns, texts).row} keyText={keyText} />
          </>
        ) : null}
        <EndpointSettings key={`settings-${endpoint.revision}`} endpoint={endpoint} canManage={permissions.canManage} />
        <RetrainTriggers endpointId={endpoint.id} endpointName={endpoint.name} projectId={endpoint.projectId} canManage={permissions.canManageTriggers} />
        <DeployHistory endpoint={endpoint} />
      </div>
    </PageBody>
  );
}
