'use client';
// One endpoint's monitoring page: its latest check and "Check now", drift over time per feature,
// reference-versus-current histograms, trends, alert rules, alerts, retraining history, runner health and the
// settings. Editors act (check, simulate, acknowledge, save); every role reads.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect } from 'react';
import { deploymentHref } from '../deployments/links';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { formatDateTime } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { AlertRules } from './AlertRules';
import { AlertTimeline } from './AlertTimeline';
import { CheckStatus } from './CheckStatus';
import { DriftOverTime } from './DriftOverTime';
import { HistogramPanel } from './HistogramPanel';
import { ModelTrends } from './ModelTrends';
import { MonitorSettingsForm } from './MonitorSettingsForm';
import type { PageEndpoint } from './page-types';
import { RetrainingHistory } from './RetrainingHistory';
import { RunnerHealth } from './RunnerHealth';
import { SimulateDrift } from './SimulateDrift';
import { useAlertPages } from './use-alert-pages';

export function MonitoringEndpoint({ name, canManage }: { name: string; canManage: boolean }) {
  const trpc = useTRPC();
  const endpoint = useQuery(trpc.monitorPage.endpoint.queryOptions({ name }));
  return (
    <PageBody>
      <div className="flex flex-col gap-6" data-testid="monitoring-endpoint">
        <InlineError message={endpoint.error ? errorMessage(endpoint.error) : null} />
        {endpoint.data ? <EndpointSections endpoint={endpoint.data} canManage={canManage} /> : null}
      </div>
    </PageBody>
  );
}

/**
 * Alert notifications link to #alerts, but the sections render after their data, when the
 * browser's own jump to the anchor has already missed; jump once the sections above are in place.
 */
function useScrollToHash(ready: boolean) {
  useEffect(() => {
    if (!ready || window.location.hash.length < 2) return;
    document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [ready]);
}

function Card({ children }: { children: React.ReactNode }) {
  return <div className="rounded-lg border border-zinc-200 bg-white p-4">{children}</div>;
}

function EndpointSections({ endpoint, canManage }: { endpoint: PageEndpoint; canManage: boolean }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const trends = useQuery({ ...trpc.monitorPage.trends.queryOptions({ endpointId: endpoint.id }), refetchInterval: 30_000 });
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: trpc.monitorPage.pathKey() }), client.invalidateQueries({ queryKey: trpc.alerts.pathKey() })]);
  const check = useMutation(trpc.monitoring.check.mutationOptions({ onSuccess: refresh }));
  // The same query as the timeline's (one request): the page is laid out once both have loaded.
  const alerts = useAlertPages(endpoint.id);
  useScrollToHash(trends.isFetched && alerts.isFetched);
  const checks = trends.data?.checks ?? [];
  const latest = checks.at(-1);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Monitoring', href: '/monitoring' }, { label: endpoint.name }]}
        title={`Monitoring · ${endpoint.name}`}
        description={
          <>
            Model {endpoint.modelName} · <Link href={deploymentHref(endpoint.id)} className="text-indigo-700 hover:underline">deployment page</Link>
            {endpoint.undeployed ? ' · undeployed' : ''}
          </>
        }
        actions={
          canManage ? (
            <Button variant="primary" onClick={() => check.mutate({ endpointId: endpoint.id })} disabled={check.isPending} data-testid="check-now">
              {check.isPending ? 'Checking…' : 'Check now'}
            </Button>
          ) : null
        }
      />
      <InlineError message={check.error ? errorMessage(check.error) : trends.error ? errorMessage(trends.error) : null} />
      <p className="text-sm text-zinc-700" data-testid="latest-check">
        {latest ? (
          <>
            Latest check {formatDateTime(latest.startedAt)} ({latest.trigger}): <CheckStatus status={latest.status} /> over {latest.rows} predictions, {latest.labelledRows} with labels
            {latest.error ? ` — ${latest.error}` : ''}
          </>
        ) : (
          'No check has run yet. Checks run on the schedule in the settings below, or now with "Check now".'
        )}
      </p>
      {trends.data && checks.length ? (
        <>
          <Card>
            <DriftOverTime checks={checks} figures={trends.data.figures} thresholds={trends.data.thresholds} />
          </Card>
          <Card>
            <HistogramPanel checks={checks} />
          </Card>
          <ModelTrends checks={checks} figures={trends.data.figures} />
        </>
      ) : null}
      <Card>
        <AlertRules endpointId={endpoint.id} projectId={endpoint.projectId} canManage={canManage} />
      </Card>
      <Card>
        <AlertTimeline endpointId={endpoint.id} canManage={canManage} />
      </Card>
      <Card>
        <RetrainingHistory endpointId={endpoint.id} />
      </Card>
      {canManage ? (
        <Card>
          <h2 className="mb-2 text-sm font-semibold text-zinc-900">Simulate drift</h2>
          <p className="mb-2 text-xs text-zinc-500">Sends card-fraud traffic with the chosen drift to this endpoint through the serving process, and its labels later (docs/monitoring.md, “Drift simulator”).</p>
          <SimulateDrift endpointId={endpoint.id} onDone={refresh} />
        </Card>
      ) : null}
      <Card>
        <h2 className="mb-2 text-sm font-semibold text-zinc-900">Settings</h2>
        <MonitorSettingsForm endpointId={endpoint.id} pipelines={endpoint.pipelines} canManage={canManage} />
      </Card>
      <Card>
        <RunnerHealth />
      </Card>
    </>
  );
}
