'use client';
// What ran, after the results: each step in plan order with its state, time, memory, where and on
// which backend it ran, what a running one is doing (or why it waits), whose run computed it and whether the server verified it, the code version its cache key covered, where a cached step came from, its
// error, and its log lines on demand.
import Link from 'next/link';
import type { StepView } from '../pipeline/pipeline-types';
import { StepLogs } from '../pipeline/StepLogs';
import { formatDuration, formatMegabytes, shortId } from '../ui/format';
import { StatusBadge } from '../ui/StatusBadge';
import { runHref } from './run-links';
import { stepStatusWord, stepWhere } from './runner-words';
import { TrustBadge } from './TrustBadge';

export type PlanStep = StepView & { codeHash?: string | null };

export function RunPlan({ runId, steps, labelOf }: { runId: string; steps: readonly PlanStep[]; labelOf: (step: StepView) => string }) {
  const where = (s: PlanStep) => stepWhere(s.runner, s.status, s.backend, s.placement);
  return (
    <ol className="flex flex-col divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white" data-testid="run-plan">
      {steps.map((s) => (
        <li key={s.stepId} className="flex flex-col gap-1.5 px-4 py-3" data-testid={`run-step-${s.stepId}`}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <StatusBadge status={stepStatusWord(s.status, s.runner)} className="w-[88px]" />
            <span className="font-medium text-zinc-900">{labelOf(s)}</span>
            <span className="font-mono text-xs text-zinc-400">{s.nodeType}</span>
            <span className="ml-auto flex gap-3 text-xs text-zinc-500 tabular-nums">
              <span>{s.startedAt != null && s.finishedAt != null ? formatDuration(s.finishedAt - s.startedAt) : '—'}</span>
              <span>{formatMegabytes(s.peakMemoryBytes)}</span>
            </span>
          </div>
          <p className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-zinc-500">
            {where(s) ? <span data-testid="step-where">{where(s)}</span> : null}
            {s.ranByName ? <span>{s.status === 'cached' ? 'computed' : 'run'} by {s.ranByName}</span> : null}
            <TrustBadge trust={s.trust} />
            {s.codeHash ? (
              <span>
                code <span className="font-mono text-zinc-700">{s.codeHash.startsWith('builtin:') ? s.codeHash.slice(8) : shortId(s.codeHash, 12)}</span>
              </span>
            ) : null}
            {s.cachedFromRunId ? (
              <Link href={runHref(s.cachedFromRunId)} className="text-sky-700 hover:underline">
                cached from run {shortId(s.cachedFromRunId)}
              </Link>
            ) : null}
            {s.backendNote ? <span className="text-amber-800">{s.backendNote}</span> : null}
          </p>
          {/* What a running step is doing, or why it waits (queue mode: no connected worker has what it needs). */}
          {s.status === 'running' && s.progressMessage ? (
            <p className="text-xs break-words text-zinc-600" data-testid="step-progress-message">{s.progressMessage}</p>
          ) : null}
          {s.errorMessage && !(s.status === 'cancelled' && s.errorMessage.toLowerCase() === 'cancelled') ? (
            <p className={`text-xs break-words ${s.status === 'cancelled' ? 'text-zinc-500' : 'text-red-700'}`}>
              {s.errorCode && s.status !== 'cancelled' ? <span className="mr-1 font-mono">{s.errorCode}</span> : null}
              {s.errorMessage}
            </p>
          ) : null}
          <StepLogs runId={runId} stepId={s.stepId} live={s.status === 'running' || s.status === 'queued'} />
        </li>
      ))}
    </ol>
  );
}
