'use client';
// The editable KPI settings: three outcome prices, each fixed or weighted by a value column, the
// positive class and the threshold. The server checks everything again and names any bad field.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import type { RouterOutputs } from '../trpc/router-types';

type Settings = NonNullable<RouterOutputs['dashboard']['kpiSettings']['settings']>;
const OUTCOMES = [
  ['tp', 'A caught case (true positive) is worth'],
  ['fp', 'A false alarm (false positive) costs'],
  ['fn', 'A missed case (false negative) costs'],
] as const;
const field = 'h-8 rounded-md border border-zinc-300 px-2 text-sm focus:border-indigo-500 focus:outline-none';

export function KpiSettingsForm({ modelId, labels, numericInputs, settings }: { modelId: string; labels: string[]; numericInputs: string[]; settings: Settings | null }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const [v, setV] = useState(() => ({
    positiveLabel: settings?.positiveLabel ?? labels[1] ?? '',
    tp: String(settings?.tpValue ?? 0), tpW: settings?.tpWeighted ?? false,
    fp: String(settings?.fpCost ?? 0), fpW: settings?.fpWeighted ?? false,
    fn: String(settings?.fnCost ?? 0), fnW: settings?.fnWeighted ?? false,
    valueColumn: settings?.valueColumn ?? '', threshold: String(settings?.threshold ?? 0.5), currency: settings?.currency ?? 'USD',
  }));
  const save = useMutation(trpc.dashboard.saveKpiSettings.mutationOptions({ onSuccess: () => client.invalidateQueries() }));
  const submit = () =>
    save.mutate({
      modelId, positiveLabel: v.positiveLabel, currency: v.currency.trim().toUpperCase(),
      tpValue: Number(v.tp), tpWeighted: v.tpW, fpCost: Number(v.fp), fpWeighted: v.fpW, fnCost: Number(v.fn), fnWeighted: v.fnW,
      valueColumn: v.valueColumn === '' ? null : v.valueColumn, threshold: Number(v.threshold),
    });
  return (
    <form className="mt-3 flex flex-col gap-3 text-sm" onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label="Business KPI settings">
      <div className="flex flex-wrap gap-4">
        <label className="flex items-center gap-2">Positive class
          <select className={field} value={v.positiveLabel} onChange={(e) => setV({ ...v, positiveLabel: e.target.value })}>{labels.map((l) => <option key={l}>{l}</option>)}</select>
        </label>
        <label className="flex items-center gap-2">Value column
          <select className={field} value={v.valueColumn} onChange={(e) => setV({ ...v, valueColumn: e.target.value })}>
            <option value="">none</option>
            {numericInputs.map((c) => <option key={c}>{c}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-2">Threshold
          <input className={`${field} w-20`} type="number" min={0} max={1} step={0.01} value={v.threshold} onChange={(e) => setV({ ...v, threshold: e.target.value })} />
        </label>
        <label className="flex items-center gap-2">Currency
          <input className={`${field} w-16`} maxLength={3} value={v.currency} onChange={(e) => setV({ ...v, currency: e.target.value })} />
        </label>
      </div>
      {OUTCOMES.map(([key, label]) => (
        <div key={key} className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-2">{label}
            <input className={`${field} w-28`} type="number" min={0} step="any" value={v[key]} onChange={(e) => setV({ ...v, [key]: e.target.value })} />
          </label>
          <label className="flex items-center gap-1 text-zinc-600">
            <input type="checkbox" checked={v[`${key}W`]} disabled={v.valueColumn === ''} onChange={(e) => setV({ ...v, [`${key}W`]: e.target.checked })} /> × the value column
          </label>
        </div>
      ))}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" size="sm" disabled={save.isPending}>Save KPI settings</Button>
        {save.isSuccess ? <span className="text-xs text-emerald-700">Saved{save.data.recounted > 0 ? `; ${save.data.recounted} labels counted again` : ''}.</span> : null}
      </div>
      <InlineError message={save.error ? errorMessage(save.error) : null} />
    </form>
  );
}
