'use client';
// One deployed model's KPIs: health and why, business value over the chosen period, the trend
// charts, and its business KPI settings (editable by those who may change deployments).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { HealthBadge } from './HealthBadge';
import { KpiCharts } from './KpiCharts';
import { KpiSettingsPanel } from './KpiSettingsPanel';
import { money } from './kpi-captions';
import { dashboardHref } from './links';
import { PeriodPicker, type Period } from './PeriodPicker';

export function ModelKpiPage({ endpointId, canEdit }: { endpointId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const [period, setPeriod] = useState<Period>(30);
  const kpis = useQuery({ ...trpc.dashboard.model.queryOptions({ endpointId, periodDays: period }), placeholderData: (prev) => prev });
  const k = kpis.data;
  return (
    <PageBody wide>
      <div className="flex flex-col gap-6" data-testid="model-kpis" data-ready={k ? 'yes' : 'no'}>
        <PageHeader crumbs={[{ label: 'Portfolio', href: dashboardHref }, { label: k?.card.modelName ?? '…' }]} title={k ? k.card.modelName : 'Model'} description={k ? `endpoint ${k.card.endpointName} · champion v${k.card.champion.version}` : undefined} actions={<PeriodPicker value={period} onChange={setPeriod} />} />
        <InlineError message={kpis.error ? errorMessage(kpis.error) : null} />
        {k ? (
          <>
            <section className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" aria-labelledby="health-heading" data-testid="health-reasons">
              <div className="flex items-center gap-3">
                <h2 id="health-heading" className="text-sm font-semibold text-zinc-900">Health</h2>
                <HealthBadge health={k.card.health} />
              </div>
              {k.card.reasons.length > 0 ? (
                <ul className="list-disc pl-5 text-sm text-zinc-800">
                  {k.card.reasons.map((r) => (
                    <li key={r.text}>
                      <span className="font-medium">{r.level === 'red' ? 'Red' : 'Amber'}:</span> {r.text}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-zinc-600">Nothing is wrong: no drift, decay, slowness, errors or open alerts.</p>
              )}
            </section>
            {k.settings && k.sweep ? (
              <section className="grid grid-cols-1 gap-3 sm:grid-cols-3" aria-label="Business value over the period" data-testid="business-summary">
                {(
                  [
                    ['Value delivered', k.sweep.chosen.valueDelivered, 'text-emerald-800'],
                    ['Cost of errors', k.sweep.chosen.costOfErrors, 'text-red-800'],
                    ['Net', k.sweep.chosen.net, 'text-zinc-900'],
                  ] as const
                ).map(([label, v, colour]) => (
                  <div key={label} className="rounded-lg border border-zinc-200 bg-white p-3 shadow-sm">
                    <p className="text-xs text-zinc-500">{label}, last {k.periodDays} days</p>
                    <p className={`text-xl font-semibold tabular-nums ${colour}`}>{money(v, k.settings!.currency)}</p>
                  </div>
                ))}
              </section>
            ) : null}
            {k.unusable > 0 ? <p className="text-xs text-amber-900">{k.unusable} label{k.unusable === 1 ? '' : 's'} in this period could not be counted: not one of the model’s classes, or the row had no score or value.</p> : null}
            <KpiCharts k={k} />
            <KpiSettingsPanel modelId={k.card.modelId} canEdit={canEdit} />
          </>
        ) : null}
      </div>
    </PageBody>
  );
}
