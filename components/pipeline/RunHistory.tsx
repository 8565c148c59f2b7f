'use client';
// Recent runs of this pipeline, newest first; choosing one shows its state on the canvas. The
// chosen run, once finished, can be deleted (its artifacts are marked for storage GC).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { pipelineRunsHref } from '../runs/run-links';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { DeleteButton } from '../ui/DeleteButton';
import { formatDateTime, formatDuration, formatRelative, shortId } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { StatusBadge } from '../ui/StatusBadge';
import type { PipelineRunState } from './use-pipeline-run';

export function RunHistory({ runState, canDelete, pipelineId }: { runState: PipelineRunState; canDelete: boolean; pipelineId: string }) {
  const { runs, runsQuery, runId, chooseRun, live } = runState;
  const chosen = runs?.find((r) => r.id === runId);
  return (
    <section aria-labelledby="run-history-heading">
      <div className="mb-2 flex items-baseline gap-2">
        <h2 id="run-history-heading" className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
          Run history
        </h2>
        <Link href={pipelineRunsHref(pipelineId)} className="ml-auto text-xs font-medium text-indigo-600 hover:text-indigo-500" data-testid="all-runs-link">
          Runs table and compare →
        </Link>
      </div>
      {runsQuery.isError ? (
        <InlineError message={errorMessage(runsQuery.error)} />
      ) : !runs ? (
        <div className="h-24 animate-pulse rounded-md bg-zinc-100" />
      ) : runs.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-center text-sm text-zinc-500">No runs yet. Press Run to start one.</p>
      ) : (
        <ul className="max-h-56 divide-y divide-zinc-100 overflow-y-auto rounded-md border border-zinc-200" data-testid="run-history">
          {runs.map((r) => {
            const selected = r.id === runId;
            return (
              <li key={r.id}>
                <button
                  type="button"
                  onClick={() => chooseRun(r.id)}
                  aria-current={selected ? 'true' : undefined}
                  className={`flex w-full items-center gap-3 px-3 py-2 text-left text-sm ${selected ? 'bg-indigo-50/70' : 'hover:bg-zinc-50'}`}
                  data-testid={`run-${r.id}`}
                >
                  <StatusBadge status={r.status} className="w-[88px]" />
                  <span className="font-mono text-xs text-zinc-700">{shortId(r.id)}</span>
                  {r.version != null ? <span className="text-xs text-zinc-500">v{r.version}</span> : null}
                  <span className="text-xs text-zinc-400">{r.trigger}</span>
                  <span className="ml-auto text-right text-xs text-zinc-500 tabular-nums" title={formatDateTime(r.createdAt)}>
                    {formatRelative(r.createdAt)}
                    {r.startedAt != null && r.finishedAt != null ? ` · ${formatDuration(r.finishedAt - r.startedAt)}` : ''}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {canDelete && chosen && !live && chosen.status !== 'queued' && chosen.status !== 'running' ? (
        <div className="mt-2">
          <DeleteRun runId={chosen.id} onDeleted={() => chooseRun(null)} />
        </div>
      ) : null}
    </section>
  );
}

function DeleteRun({ runId, onDeleted }: { runId: string; onDeleted: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.storage.deleteRun.mutationOptions({
      onSuccess: () => {
        onDeleted();
        void queryClient.invalidateQueries({ queryKey: trpc.run.pathKey() });
      },
    }),
  );
  return (
    <DeleteButton
      label={`Delete run ${shortId(runId)}`}
      consequence="Its steps, logs, params and metrics go; its artifacts are freed by storage GC unless another run or a model needs them."
      pending={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => remove.mutate({ runId })}
      testId="delete-run"
    />
  );
}
