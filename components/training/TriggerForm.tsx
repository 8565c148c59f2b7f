'use client';
// Adding a retrain trigger: which pipeline, and what fires it (a schedule, a dataset, or an alert of
// this endpoint: of one chosen rule or of any). The server checks the cron and the rule and names
// the field it could not accept; the error is shown as it says.
import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { monitoringHref } from '../monitoring/MonitoringList';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';

type Kind = 'cron' | 'dataset' | 'alert';

export function TriggerForm({ endpointId, endpointName, projectId, onDone, onCancel }: { endpointId: string; endpointName: string; projectId: string; onDone: () => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ id: projectId }));
  const datasets = useQuery(trpc.dataset.list.queryOptions());
  const rules = useQuery(trpc.alerts.rules.list.queryOptions({ endpointId }));
  const [kind, setKind] = useState<Kind>('cron');
  const [pipelineId, setPipelineId] = useState('');
  const [cron, setCron] = useState('0 3 * * *');
  const [datasetId, setDatasetId] = useState('');
  const [traffic, setTraffic] = useState('');
  /** '' follows every rule of the endpoint. */
  const [ruleId, setRuleId] = useState('');
  const create = useMutation(trpc.training.createTrigger.mutationOptions({ onSuccess: onDone }));
  const submit = () => {
    const base = { pipelineId, endpointId, trafficDataset: traffic.trim() || null };
    if (kind === 'cron') create.mutate({ kind, ...base, cron });
    else if (kind === 'dataset') create.mutate({ kind, ...base, datasetId });
    else create.mutate({ kind, ...base, alertRuleId: ruleId || null });
  };
  const field = 'h-8 rounded-md border border-zinc-300 px-2 text-sm';
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-3 rounded-md border border-zinc-200 bg-zinc-50 p-3 text-xs text-zinc-600"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="trigger-form"
    >
      <label className="flex flex-col gap-1">
        Pipeline
        <select value={pipelineId} onChange={(e) => setPipelineId(e.target.value)} className={field} data-testid="trigger-pipeline" required>
          <option value="">Choose…</option>
          {(project.data?.pipelines ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        Fires on
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} className={field} data-testid="trigger-kind">
          <option value="cron">A schedule (cron, UTC)</option>
          <option value="dataset">A new dataset version</option>
          <option value="alert">An alert of this endpoint</option>
        </select>
      </label>
      {kind === 'cron' ? (
        <label className="flex flex-col gap-1">
          minute hour day month weekday
          <input value={cron} onChange={(e) => setCron(e.target.value)} className={`${field} w-40 font-mono`} data-testid="trigger-cron" />
        </label>
      ) : null}
      {kind === 'dataset' ? (
        <label className="flex flex-col gap-1">
          Dataset
          <select value={datasetId} onChange={(e) => setDatasetId(e.target.value)} className={field} data-testid="trigger-dataset" required>
            <option value="">Choose…</option>
            {(datasets.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {kind === 'alert' ? (
        <label className="flex flex-col gap-1">
          Alert rule
          <select value={ruleId} onChange={(e) => setRuleId(e.target.value)} className={`${field} max-w-72`} data-testid="trigger-rule">
            <option value="">Any rule of this endpoint</option>
            {(rules.data ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}: {r.text}
                {r.enabled ? '' : ' (off)'}
              </option>
            ))}
          </select>
          {rules.isSuccess && rules.data.length === 0 ? (
            <span className="text-zinc-500">
              This endpoint has no alert rules yet; add them on{' '}
              <Link href={`${monitoringHref(endpointName)}#rules`} className="text-indigo-700 hover:underline">
                its monitoring page
              </Link>
              .
            </span>
          ) : null}
        </label>
      ) : null}
      <label className="flex flex-col gap-1" title="Before each fire, this endpoint's labelled traffic is saved as the next version of this dataset; a pipeline reading it retrains on it">
        Save labelled traffic as dataset (optional)
        <input value={traffic} onChange={(e) => setTraffic(e.target.value)} placeholder="e.g. fraud-traffic" className={`${field} w-44`} data-testid="trigger-traffic" />
      </label>
      <Button type="submit" size="sm" variant="primary" disabled={create.isPending} data-testid="trigger-save">
        Add
      </Button>
      <Button size="sm" onClick={onCancel}>
        Cancel
      </Button>
      <InlineError message={create.error ? errorMessage(create.error) : rules.error ? errorMessage(rules.error) : null} className="w-full" />
    </form>
  );
}
