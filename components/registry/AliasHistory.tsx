'use client';
// A model's alias moves from the audit trail: who moved which alias from where to where, and why.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc/trpc-context';
import { formatDateTime } from '../ui/format';

interface MoveDetail {
  alias?: string;
  from?: number | null;
  to?: number | null;
  comment?: string;
  approvedBy?: string;
}

export function AliasHistory({ modelId }: { modelId: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.audit.modelHistory.queryOptions({ modelId, limit: 20 }));
  const moves = (history.data?.events ?? []).filter((e) => e.action === 'model.alias.move');
  if (moves.length === 0) return null;
  return (
    <section aria-labelledby="alias-history-heading">
      <h2 id="alias-history-heading" className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
        Alias history
      </h2>
      <ol className="flex flex-col divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white text-sm" data-testid="alias-history">
        {moves.map((e) => {
          const d = e.detail as MoveDetail;
          return (
            <li key={e.id} className="flex flex-wrap items-baseline gap-x-2 px-3 py-2">
              <span className="font-medium text-zinc-900">@{d.alias}</span>
              <span className="text-zinc-600">
                {d.from != null ? `v${d.from}` : 'unset'} → {d.to != null ? `v${d.to}` : 'removed'}
              </span>
              <span className="text-zinc-500">
                by {e.userName ?? 'someone'}
                {d.approvedBy ? ' (approved)' : ''}
              </span>
              {d.comment ? <span className="text-zinc-600">“{d.comment}”</span> : null}
              <span className="ml-auto text-xs text-zinc-400">{formatDateTime(e.at)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
