// Run and step states as small coloured pills. The text is exactly the state word (tests rely on it),
// or "waiting" for a step queued for a worker that none took yet (stepStatusWord).
import type { HTMLAttributes } from 'react';

export const STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'cached', 'interrupted'] as const;
export type Status = (typeof STATUSES)[number];

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** Besides the stored states: a step queued for a worker that none took yet (components/runs/runner-words.ts). */
type Word = Status | 'waiting';

const STYLES: Record<Word, { pill: string; dot: string }> = {
  queued: { pill: 'bg-zinc-100 text-zinc-600 ring-zinc-200', dot: 'bg-zinc-400' },
  waiting: { pill: 'bg-zinc-100 text-zinc-700 ring-zinc-300', dot: 'bg-zinc-500 animate-pulse' },
  running: { pill: 'bg-indigo-50 text-indigo-700 ring-indigo-200', dot: 'bg-indigo-500 animate-pulse' },
  succeeded: { pill: 'bg-emerald-50 text-emerald-700 ring-emerald-200', dot: 'bg-emerald-500' },
  cached: { pill: 'bg-sky-50 text-sky-700 ring-sky-200', dot: 'bg-sky-500' },
  failed: { pill: 'bg-red-50 text-red-700 ring-red-200', dot: 'bg-red-500' },
  cancelled: { pill: 'bg-amber-50 text-amber-800 ring-amber-200', dot: 'bg-amber-500' },
  interrupted: { pill: 'bg-orange-50 text-orange-800 ring-orange-200', dot: 'bg-orange-500' },
};

const UNKNOWN = { pill: 'bg-zinc-100 text-zinc-600 ring-zinc-200', dot: 'bg-zinc-400' };

interface StatusBadgeProps extends HTMLAttributes<HTMLSpanElement> {
  status: string;
}

export function StatusBadge({ status, className = '', ...rest }: StatusBadgeProps) {
  const style = isStatus(status) || status === 'waiting' ? STYLES[status] : UNKNOWN;
  return (
    <span
      title={status === 'waiting' ? 'Waiting for a queue worker to take it' : undefined}
      className={`inline-flex h-5 shrink-0 items-center gap-1 rounded-full px-2 text-[11px] leading-none font-medium ring-1 ring-inset ${style.pill} ${className}`}
      {...rest}
    >
      <span aria-hidden className={`size-1.5 rounded-full ${style.dot}`} />
      <span data-status-word>{status}</span>
    </span>
  );
}
