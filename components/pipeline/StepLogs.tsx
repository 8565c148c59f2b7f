'use client';
// A step's log lines, fetched only once someone opens the section; refreshed while the step runs.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { formatTime } from '../ui/format';
import { InlineError } from '../ui/InlineError';

const LEVEL_CLASSES: Record<string, string> = {
  debug: 'text-zinc-500',
  info: 'text-sky-300',
  warn: 'text-amber-300',
  error: 'text-red-400',
};

export function StepLogs({ runId, stepId, live }: { runId: string; stepId: string; live: boolean }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const logs = useQuery(trpc.run.logs.queryOptions({ id: runId, stepId }, { enabled: open, refetchInterval: open && live ? 2000 : false, staleTime: live ? 0 : 60_000 }));

  return (
    <details className="group rounded-md border border-zinc-200" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="step-logs">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase select-none hover:text-zinc-800">
        <svg viewBox="0 0 16 16" aria-hidden className="size-3 fill-current transition-transform group-open:rotate-90">
          <path d="M6 3.5 10.5 8 6 12.5z" />
        </svg>
        Logs
        {logs.data ? <span className="font-normal normal-case">({logs.data.length})</span> : null}
      </summary>
      <div className="border-t border-zinc-200">
        {logs.isError ? (
          <InlineError className="m-2" message={errorMessage(logs.error)} />
        ) : !logs.data ? (
          <p className="px-3 py-2 text-xs text-zinc-400">Loading…</p>
        ) : logs.data.length === 0 ? (
          <p className="px-3 py-2 text-xs text-zinc-400">No log lines.</p>
        ) : (
          <ol className="max-h-64 overflow-auto bg-zinc-950 px-3 py-2 font-mono text-[11px] leading-relaxed text-zinc-100">
            {logs.data.map((line) => (
              <li key={line.id} className="flex gap-2 whitespace-pre-wrap">
                <span className="shrink-0 text-zinc-500">{formatTime(line.at)}</span>
                <span className={`w-10 shrink-0 uppercase ${LEVEL_CLASSES[line.level] ?? ''}`}>{line.level}</span>
                <span className="break-all">{line.message}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </details>
  );
}
