'use client';
// One registered model: its aliases (and a form to move them), promotions waiting for approval,
// every version sorted as asked, and the history of alias moves.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { formatRelative } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { AliasChip } from './AliasChips';
import { AliasForm } from './AliasForm';
import { AliasHistory } from './AliasHistory';
import { versionHref } from './links';
import { PendingApprovals } from './PendingApprovals';
import { KpiSettingsPanel } from '../dashboard/KpiSettingsPanel';
import { VersionTable } from './VersionTable';

export interface RegistryPermissions {
  userId: string;
  canAlias: boolean;
  canApprove: boolean;
  canDelete: boolean;
  /** Change the model's business KPI settings (what outcomes are worth). */
  canSetKpis: boolean;
}

export function ModelPage({ modelId, permissions }: { modelId: string; permissions: RegistryPermissions }) {
  const trpc = useTRPC();
  const model = useQuery(trpc.registry.model.queryOptions({ id: modelId }));
  if (model.isError) return <PageBody><InlineError message={errorMessage(model.error)} /></PageBody>;
  if (!model.data) return <PageBody><div className="h-40 animate-pulse rounded-lg bg-zinc-100" aria-busy="true" /></PageBody>;
  const m = model.data;
  return (
    <PageBody>
      <div className="flex flex-col gap-6" data-testid="model-page">
        <PageHeader
          crumbs={[{ label: 'Models', href: '/models' }, { label: m.projectName }]}
          title={m.name}
          description={m.description || `${m.lastVersion} version${m.lastVersion === 1 ? '' : 's'} registered · created ${formatRelative(m.createdAt)}${m.createdByName ? ` by ${m.createdByName}` : ''}`}
        />
        <section className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" aria-labelledby="aliases-heading">
          <h2 id="aliases-heading" className="text-sm font-semibold text-zinc-900">Aliases</h2>
          <p className="mt-0.5 text-xs text-zinc-500">
            An alias names one version at a time; serving and scripts ask for <code>@production</code> instead of a number.
            {m.settings.productionApproval ? ' Moving @production here needs approval.' : ''}
          </p>
          {m.aliases.length ? (
            <ul className="mt-3 flex flex-wrap gap-3" data-testid="model-aliases">
              {m.aliases.map((a) => (
                <li key={a.alias} className="flex items-center gap-1.5 text-sm">
                  <AliasChip alias={a.alias} />
                  <Link href={versionHref(m.id, a.version)} className="font-medium text-indigo-700 hover:underline">
                    v{a.version}
                  </Link>
                  <span className="text-xs text-zinc-400">
                    {a.setByName ? `${a.setByName}, ` : ''}
                    {formatRelative(a.setAt)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-zinc-500">No aliases yet.</p>
          )}
          {permissions.canAlias ? (
            <div className="mt-4 border-t border-zinc-100 pt-4">
              <AliasForm modelId={m.id} latestVersion={m.lastVersion || null} approvalNeeded={m.settings.productionApproval} />
            </div>
          ) : null}
        </section>
        <PendingApprovals modelId={m.id} projectId={m.projectId} canApprove={permissions.canApprove} userId={permissions.userId} />
        <VersionTable modelId={m.id} />
        <KpiSettingsPanel modelId={m.id} canEdit={permissions.canSetKpis} />
        <AliasHistory modelId={m.id} />
      </div>
    </PageBody>
  );
}
