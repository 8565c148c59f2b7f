'use client';
// An endpoint's monitoring settings: the window a check reads, how often checks run, the drift
// thresholds for every feature (empty switches one off), the retrain pipeline and the promotion
// mode. Editors save (the server checks the role again); everyone else reads.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import type { RouterOutputs } from '../trpc/router-types';

type Settings = RouterOutputs['monitoring']['settings']['get'];
type ThresholdKey = keyof Settings['thresholds']['thresholds'];

const THRESHOLDS: { key: ThresholdKey; label: string }[] = [
  { key: 'psi', label: 'PSI above' },
  { key: 'ksPValue', label: 'KS p-value below' },
  { key: 'ksStatistic', label: 'KS statistic above' },
  { key: 'wasserstein', label: 'Wasserstein above (feature units)' },
  { key: 'chiSquarePValue', label: 'Chi-square p-value below' },
  { key: 'unseenShare', label: 'Unseen categories above (share)' },
  { key: 'missingRateIncrease', label: 'Missing rate rise above (share)' },
];

export function MonitorSettingsForm({ endpointId, pipelines, canManage }: { endpointId: string; pipelines: { id: string; name: string }[]; canManage: boolean }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.monitoring.settings.get.queryOptions({ endpointId }));
  if (settings.error) return <InlineError message={errorMessage(settings.error)} />;
  if (!settings.data) return null;
  return <SettingsFields key={settings.data.updatedAt ?? 0} settings={settings.data} pipelines={pipelines} canManage={canManage} />;
}

function SettingsFields({ settings, pipelines, canManage }: { settings: Settings; pipelines: { id: string; name: string }[]; canManage: boolean }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const [windowKind, setWindowKind] = useState(settings.windowKind);
  const [windowSize, setWindowSize] = useState(String(settings.windowSize));
  const [interval, setInterval] = useState(settings.checkIntervalMinutes === null ? '' : String(settings.checkIntervalMinutes));
  const [limits, setLimits] = useState(() => Object.fromEntries(THRESHOLDS.map(({ key }) => [key, settings.thresholds.thresholds[key] === null ? '' : String(settings.thresholds.thresholds[key])])));
  const [retrain, setRetrain] = useState(settings.retrainPipelineId ?? '');
  const [promotion, setPromotion] = useState(settings.promotionMode);
  const save = useMutation(trpc.monitoring.settings.save.mutationOptions({ onSuccess: () => client.invalidateQueries({ queryKey: trpc.monitoring.pathKey() }) }));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A number that is not one would travel as null (JSON has no NaN) and switch a threshold off unasked.
    const bad = [
      ['Window size', windowSize],
      ['Check every', interval],
      ...THRESHOLDS.map(({ key, label }) => [label, limits[key]]),
    ].find(([, text]) => text.trim() !== '' && !Number.isFinite(Number(text)));
    setProblem(bad ? `${bad[0]}: "${bad[1]}" is not a number` : null);
    if (bad) return;
    const thresholds = Object.fromEntries(THRESHOLDS.map(({ key }) => [key, limits[key].trim() === '' ? null : Number(limits[key])]));
    save.mutate({
      endpointId: settings.endpointId,
      windowKind,
      windowSize: Number(windowSize),
      checkIntervalMinutes: interval.trim() === '' ? null : Number(interval),
      // Per-feature overrides are kept as they are; this form sets the ones for every feature.
      thresholds: { thresholds: thresholds as Settings['thresholds']['thresholds'], features: settings.thresholds.features },
      retrainPipelineId: retrain === '' ? null : retrain,
      promotionMode: promotion,
    });
  };
  const input = 'h-8 rounded-md border border-zinc-300 px-2 text-sm disabled:bg-zinc-50';
  return (
    <form onSubmit={submit} className="flex flex-col gap-3 text-sm" data-testid="monitor-settings" aria-label="Monitoring settings">
      <fieldset disabled={!canManage} className="grid gap-3 sm:grid-cols-3">
        <label className="flex flex-col gap-1">
          <span className="font-medium text-zinc-700">Window</span>
          <span className="flex gap-1.5">
            <input className={`${input} w-24`} inputMode="numeric" value={windowSize} onChange={(e) => setWindowSize(e.target.value)} aria-label="Window size" />
            <select className={input} value={windowKind} onChange={(e) => setWindowKind(e.target.value as Settings['windowKind'])} aria-label="Window kind">
              <option value="predictions">last predictions</option>
              <option value="hours">last hours</option>
            </select>
          </span>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium text-zinc-700">Check every (minutes)</span>
          <input className={input} inputMode="numeric" placeholder="on demand only" value={interval} onChange={(e) => setInterval(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium text-zinc-700">Promotion of a better challenger</span>
          <select className={input} value={promotion} onChange={(e) => setPromotion(e.target.value as Settings['promotionMode'])}>
            <option value="approval">waits for a manager's approval</option>
            <option value="auto">automatic when the gates pass</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 sm:col-span-3">
          <span className="font-medium text-zinc-700">Retrain pipeline</span>
          <select className={input} value={retrain} onChange={(e) => setRetrain(e.target.value)}>
            <option value="">none</option>
            {pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {THRESHOLDS.map(({ key, label }) => (
          <label key={key} className="flex flex-col gap-1">
            <span className="text-zinc-700">{label}</span>
            <input className={input} inputMode="decimal" placeholder="off" value={limits[key]} onChange={(e) => setLimits({ ...limits, [key]: e.target.value })} />
          </label>
        ))}
      </fieldset>
      <InlineError message={problem ?? (save.error ? errorMessage(save.error) : null)} />
      {canManage ? (
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" size="sm" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save settings'}
          </Button>
          {save.isSuccess ? <span className="text-xs text-emerald-700">Saved.</span> : null}
        </div>
      ) : (
        <p className="text-xs text-zinc-500">Only people who may deploy change these settings.</p>
      )}
    </form>
  );
}
