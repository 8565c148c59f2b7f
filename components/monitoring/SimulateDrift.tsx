'use client';
// The demo's drift simulator (editors): sends card-fraud traffic with the chosen drift through the
// serving process (simulator.run, a temporary key made and revoked by the server) and shows what
// happened; then "Check now" shows what a check makes of it.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';

const FIELDS = [
  { key: 'requests', label: 'Requests', initial: '200' },
  { key: 'rate', label: 'Rate (requests/s)', initial: '50' },
  { key: 'drift', label: 'Generator drift (0–1)', initial: '1' },
  { key: 'amountScale', label: 'Amounts ×', initial: '1.5' },
  { key: 'newCategoryShare', label: 'New merchant categories (share)', initial: '0.2' },
  { key: 'fraudRate', label: 'Fraud rate', initial: '0.05' },
  { key: 'labelDelayMs', label: 'Labels after (ms)', initial: '2000' },
  { key: 'seed', label: 'Seed', initial: '1' },
] as const;

type Key = (typeof FIELDS)[number]['key'];

export function SimulateDrift({ endpointId, onDone }: { endpointId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const [values, setValues] = useState<Record<Key, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, f.initial])) as Record<Key, string>);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useMutation(trpc.simulator.run.mutationOptions({ onSuccess: onDone }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = FIELDS.find((f) => values[f.key].trim() === '' || !Number.isFinite(Number(values[f.key])));
    setProblem(bad ? `${bad.label}: "${values[bad.key]}" is not a number` : null);
    if (bad) return;
    const n = (k: Key) => Number(values[k]);
    run.mutate({
      endpointId,
      requests: n('requests'),
      rate: n('rate'),
      labelDelayMs: n('labelDelayMs'),
      scenario: { seed: n('seed'), drift: n('drift'), amountScale: n('amountScale'), newCategoryShare: n('newCategoryShare'), fraudRate: n('fraudRate') },
    });
  };
  const r = run.data;
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 text-sm" data-testid="simulate-drift" aria-label="Simulate drift">
      <div className="grid gap-2 sm:grid-cols-4">
        {FIELDS.map((f) => (
          <label key={f.key} className="flex flex-col gap-1">
            <span className="text-xs text-zinc-600">{f.label}</span>
            <input className="h-8 rounded-md border border-zinc-300 px-2 text-sm" inputMode="decimal" value={values[f.key]} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} data-testid={`sim-${f.key}`} />
          </label>
        ))}
      </div>
      <InlineError message={problem ?? (run.error ? errorMessage(run.error) : null)} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" disabled={run.isPending} data-testid="simulate-run">
          {run.isPending ? 'Sending traffic…' : 'Send drifted traffic'}
        </Button>
        {r ? (
          <p className="text-xs text-zinc-700" data-testid="simulate-result">
            Sent {r.requests} requests ({r.rows} rows, {r.fraudRows} fraud): {r.answered} answered, {r.refused} refused{r.errors[0] ? ` (${r.errors[0].message})` : ''}; labels {r.labels ? `${r.labels.stored} stored` : 'not posted'}.
          </p>
        ) : null}
      </div>
    </form>
  );
}
