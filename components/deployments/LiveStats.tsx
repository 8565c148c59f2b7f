'use client';
// Request rate and latency, refreshed every few seconds: exact from the serving process when it
// answers, otherwise estimated from the sampled prediction log and labelled so.
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { formatNumber } from '../ui/format';
import { InlineError } from '../ui/InlineError';

export function LiveStats({ endpointId }: { endpointId: string }) {
  const trpc = useTRPC();
  const stats = useQuery({ ...trpc.deployments.stats.queryOptions({ endpointId }), refetchInterval: 5000 });
  const s = stats.data;
  const ms = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${formatNumber(v)} ms`);
  return (
    <section aria-labelledby="stats-heading" className="rounded-lg border border-zinc-200 bg-white p-4" data-testid="live-stats">
      <h2 id="stats-heading" className="text-sm font-semibold text-zinc-900">
        Traffic
      </h2>
      {s ? (
        <>
          <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
            <Stat label="Requests / s" value={formatNumber(Number(s.requestsPerSecond.toFixed(2)))} />
            <Stat label="Errors" value={s.errors === null ? 'not logged' : formatNumber(s.errors)} />
            <Stat label="p50" value={ms(s.latencyMs.p50)} />
            <Stat label="p95" value={ms(s.latencyMs.p95)} />
            <Stat label="p99" value={ms(s.latencyMs.p99)} />
          </dl>
          <p className="mt-2 text-xs text-zinc-500" data-testid="stats-source">
            {s.source === 'serving'
              ? `Exact, from the serving process, over the last ${s.windowSeconds} s (${formatNumber(s.requests)} requests).`
              : `Estimated from the prediction log over the last ${s.windowSeconds / 60} minutes: ${formatNumber(s.logged)} logged entries at a ${formatNumber((s.sampleRate ?? 0) * 100)}% sample rate (the serving process did not answer).`}
          </p>
        </>
      ) : null}
      <InlineError message={stats.error ? errorMessage(stats.error) : null} className="mt-3" />
    </section>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="font-medium text-zinc-900 tabular-nums">{value}</dd>
    </div>
  );
}
