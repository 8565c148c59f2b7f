'use client';
// An endpoint's retraining history: each retrain run's challenger against the champion on that
// run's holdout (primary metric and cost per 1,000), the gates, and what was decided.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { runHref } from '../runs/run-links';
import { useTRPC } from '../trpc/trpc-context';
import { formatRelative } from '../ui/format';

interface Side {
  version: number;
  metrics: Record<string, number>;
  costPer1000: number | null;
}

const DECISIONS: Record<string, string> = {
  promoted: 'promoted',
  awaiting_approval: 'waits for approval',
  kept_champion: 'champion kept',
  approved: 'approved',
  rejected: 'rejected',
  failed: 'failed',
};

const round = (x: number | undefined | null) => (typeof x === 'number' ? Number(x.toPrecision(4)) : '—');

export function RetrainHistory({ endpointId }: { endpointId: string }) {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.training.challenges.queryOptions({ endpointId }), refetchInterval: 10_000 });
  const rows = list.data ?? [];
  if (rows.length === 0) return null;
  return (
    <div className="mt-4" data-testid="retrain-history">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Retraining history</h3>
      <ul className="mt-2 flex flex-col gap-1 text-xs text-zinc-700">
        {rows.map((c) => {
          const f = c.figures as { reason?: string; primaryMetric?: string; challenger?: Side; champion?: Side | null };
          const metric = f.primaryMetric ?? '';
          return (
            <li key={c.id} className="flex flex-wrap items-center gap-2" data-testid="challenge">
              <span className="text-zinc-400">{formatRelative(c.createdAt)}</span>
              {c.runId ? (
                <Link href={runHref(c.runId)} className="text-indigo-700 hover:underline">
                  run {c.runId.slice(0, 8)}
                </Link>
              ) : null}
              {f.challenger ? (
                <span>
                  v{f.challenger.version} {metric} {round(f.challenger.metrics[metric])}
                  {f.champion ? ` vs champion v${f.champion.version} ${round(f.champion.metrics[metric])}` : ' (no champion)'}
                  {f.challenger.costPer1000 !== null ? ` · cost/1,000 ${round(f.challenger.costPer1000)}${f.champion ? ` vs ${round(f.champion.costPer1000)}` : ''}` : ''}
                </span>
              ) : null}
              <span className={c.decision === 'failed' || c.decision === 'rejected' ? 'font-medium text-red-700' : 'font-medium text-zinc-900'}>{DECISIONS[c.decision] ?? c.decision}</span>
              {f.reason ? <span className="text-red-700">{f.reason}</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
