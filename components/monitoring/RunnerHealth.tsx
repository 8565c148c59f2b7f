'use client';
// Runner health: how long recent steps took and their peak memory, per node type, and the queue
// now (steps queued and running across all runs), from step_runs.
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { formatBytes, formatDuration } from '../ui/format';
import { InlineError } from '../ui/InlineError';

export function RunnerHealth() {
  const trpc = useTRPC();
  const health = useQuery({ ...trpc.monitorPage.runnerHealth.queryOptions(), refetchInterval: 15_000 });
  const data = health.data;
  return (
    <section aria-labelledby="runner-heading" className="flex flex-col gap-2" data-testid="runner-health">
      <h2 id="runner-heading" className="text-sm font-semibold text-zinc-900">
        Runner health
      </h2>
      <InlineError message={health.error ? errorMessage(health.error) : null} />
      {data ? (
        <>
          <p className="text-sm text-zinc-600" data-testid="runner-queue">
            Queue now: {data.queued} steps queued, {data.running} running. Durations and peak memory of the last {data.sampled} steps that ran (cache hits excluded):
          </p>
          {data.types.length ? (
            <table className="w-full text-left text-sm">
              <thead className="border-b border-zinc-200 text-xs text-zinc-500">
                <tr>
                  <th className="py-1.5 font-medium">Node type</th>
                  <th className="py-1.5 text-right font-medium">Steps</th>
                  <th className="py-1.5 text-right font-medium">Median duration</th>
                  <th className="py-1.5 text-right font-medium">p95 duration</th>
                  <th className="py-1.5 text-right font-medium">Longest</th>
                  <th className="py-1.5 text-right font-medium">Peak memory (max)</th>
                </tr>
              </thead>
              <tbody>
                {data.types.map((t) => (
                  <tr key={t.nodeType} className="border-b border-zinc-100">
                    <td className="py-1.5 font-mono text-xs">{t.nodeType}</td>
                    <td className="py-1.5 text-right tabular-nums">{t.steps}</td>
                    <td className="py-1.5 text-right tabular-nums">{formatDuration(t.medianMs)}</td>
                    <td className="py-1.5 text-right tabular-nums">{formatDuration(t.p95Ms)}</td>
                    <td className="py-1.5 text-right tabular-nums">{formatDuration(t.maxMs)}</td>
                    <td className="py-1.5 text-right tabular-nums">{t.peakMemoryBytes === null ? 'not reported' : formatBytes(t.peakMemoryBytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-sm text-zinc-500">No step has run yet.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
