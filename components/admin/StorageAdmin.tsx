'use client';
// What GC would free: artifacts nothing kept needs any more, past the grace period, with who released
// each; what waits out the grace period; what stays. Collecting removes the first group.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import type { RouterOutputs } from '../trpc/router-types';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { formatBytes, formatDateTime, formatNumber, formatRelative, shortId } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';

export function StorageAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const planQuery = useQuery(trpc.storage.plan.queryOptions({}));
  const [outcome, setOutcome] = useState<string | null>(null);
  const collect = useMutation(
    trpc.storage.collect.mutationOptions({
      onSuccess: (result) => {
        setOutcome(`Removed ${formatNumber(result.removed.count)} artifacts, ${formatBytes(result.removed.bytes)} freed.`);
        void queryClient.invalidateQueries({ queryKey: trpc.storage.plan.queryKey() });
      },
    }),
  );
  const plan = planQuery.data;
  return (
    <PageBody>
      <PageHeader
        title="Storage"
        description="Collecting removes the artifacts no kept run, dataset or model version needs, once past the grace period."
      />
      <div className="mt-6 flex flex-col gap-6">
        {planQuery.isError ? (
          <InlineError message={errorMessage(planQuery.error)} />
        ) : !plan ? (
          <div className="h-40 animate-pulse rounded-lg border border-zinc-200 bg-white" />
        ) : (
          <>
            <div className="grid grid-cols-3 gap-4" data-testid="storage-summary">
              <Figure label="Would be freed now" count={plan.free.count} bytes={plan.free.bytes} testId="storage-free" accent />
              <Figure label={`Within the ${formatNumber(plan.defaultGraceHours)} h grace period`} count={plan.waiting.count} bytes={plan.waiting.bytes} testId="storage-waiting" />
              <Figure label="Kept: a run, dataset or model version needs them" count={plan.kept.count} bytes={plan.kept.bytes} testId="storage-kept" />
            </div>
            <div className="flex items-center gap-3">
              <Button variant="danger" disabled={plan.free.count === 0 || collect.isPending} onClick={() => collect.mutate({})} data-testid="storage-collect">
                {collect.isPending ? 'Collecting…' : `Collect ${formatBytes(plan.free.bytes)} now`}
              </Button>
              {outcome ? (
                <p role="status" className="text-sm text-emerald-700" data-testid="storage-outcome">
                  {outcome}
                </p>
              ) : null}
              {collect.isError ? <InlineError message={errorMessage(collect.error)} /> : null}
            </div>
            <Candidates plan={plan} />
          </>
        )}
      </div>
    </PageBody>
  );
}

function Figure({ label, count, bytes, testId, accent = false }: { label: string; count: number; bytes: number; testId: string; accent?: boolean }) {
  return (
    <div className={`rounded-lg border bg-white px-4 py-3 shadow-sm ${accent ? 'border-indigo-200' : 'border-zinc-200'}`} data-testid={testId}>
      <div className="text-xs text-zinc-500">{label}</div>
      <div className="mt-1 text-xl font-semibold text-zinc-900 tabular-nums">{formatBytes(bytes)}</div>
      <div className="text-xs text-zinc-500 tabular-nums">
        {formatNumber(count)} {count === 1 ? 'artifact' : 'artifacts'}
      </div>
    </div>
  );
}

type Plan = RouterOutputs['storage']['plan'];

function Candidates({ plan }: { plan: Plan }) {
  if (plan.candidates.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-center text-sm text-zinc-500" data-testid="storage-empty">
        Nothing to free: every artifact is still needed, or was released less than {formatNumber(plan.graceMs / 3_600_000)} h ago.
      </p>
    );
  }
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-sm">
      <table className="w-full text-sm" data-testid="storage-candidates">
        <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">Artifact</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Kind</th>
            <th scope="col" className="px-4 py-2.5 text-right font-medium">Size</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Why it can go</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {plan.candidates.map((c) => (
            <tr key={c.id} data-testid="storage-candidate">
              <td className="px-4 py-2 font-mono text-xs text-zinc-700" title={c.id}>
                {shortId(c.id, 12)}
              </td>
              <td className="px-4 py-2 text-zinc-600">{c.kind}</td>
              <td className="px-4 py-2 text-right text-zinc-700 tabular-nums">{formatBytes(c.size)}</td>
              <td className="px-4 py-2 text-zinc-600" title={formatDateTime(c.releasedAt ?? c.createdAt)}>
                {c.releasedBy ? `${c.releasedBy} ${formatRelative(c.releasedAt)}` : `never kept by anything; written ${formatRelative(c.createdAt)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.free.count > plan.candidates.length ? (
        <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">
          The newest {formatNumber(plan.candidates.length)} of {formatNumber(plan.free.count)} are listed; collecting removes them all.
        </p>
      ) : null}
    </div>
  );
}
