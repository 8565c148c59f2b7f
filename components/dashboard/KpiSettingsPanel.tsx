'use client';
// A model's business KPI settings: read by everyone, changed by those who may change deployments.
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { KpiSettingsForm } from './KpiSettingsForm';
import { money } from './kpi-captions';

export function KpiSettingsPanel({ modelId, canEdit }: { modelId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.dashboard.kpiSettings.queryOptions({ modelId }));
  const s = q.data?.settings;
  const per = (weighted: boolean) => (weighted && s?.valueColumn ? ` × ${s.valueColumn}` : '');
  return (
    <section className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" aria-labelledby="kpi-settings-heading" data-testid="kpi-settings">
      <h2 id="kpi-settings-heading" className="text-sm font-semibold text-zinc-900">Business KPI settings</h2>
      <InlineError message={q.error ? errorMessage(q.error) : null} />
      {q.data && q.data.task !== 'binary' ? <p className="mt-1 text-sm text-zinc-600">Business value is priced for binary classifiers; this model is {q.data.task ?? 'of an unknown task'}.</p> : null}
      {q.data && q.data.task === 'binary' && !canEdit ? (
        s ? (
          <p className="mt-1 text-sm text-zinc-700">
            A caught “{s.positiveLabel}” is worth {money(s.tpValue, s.currency)}{per(s.tpWeighted)}; a false alarm costs {money(s.fpCost, s.currency)}{per(s.fpWeighted)}; a miss costs {money(s.fnCost, s.currency)}{per(s.fnWeighted)}. Threshold {s.threshold.toFixed(2)}.
          </p>
        ) : (
          <p className="mt-1 text-sm text-zinc-600">Not set yet; an analyst, scientist or admin sets them here.</p>
        )
      ) : null}
      {q.data && q.data.task === 'binary' && canEdit ? <KpiSettingsForm modelId={modelId} labels={q.data.labels} numericInputs={q.data.numericInputs} settings={s ?? null} /> : null}
    </section>
  );
}
