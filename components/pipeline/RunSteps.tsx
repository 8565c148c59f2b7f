'use client';
// The chosen run's steps in plan order: state, time, memory, cache origin and errors.
import Link from 'next/link';
import { runHref } from '../runs/run-links';
import { formatDuration, formatMegabytes, shortId } from '../ui/format';
import { stepStatusWord } from '../runs/runner-words';
import { StatusBadge } from '../ui/StatusBadge';
import type { RunView } from './pipeline-types';

interface RunStepsProps {
  run: RunView | undefined;
  loading: boolean;
  labelOf: (stepId: string) => string;
  onSelectNode: (id: string) => void;
  onChooseRun: (id: string) => void;
}

export function RunSteps({ run, loading, labelOf, onSelectNode, onChooseRun }: RunStepsProps) {
  return (
    <section aria-labelledby="run-steps-heading">
      <h2 id="run-steps-heading" className="mb-2 flex items-baseline gap-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
        Steps
        {run ? <span className="font-mono font-normal tracking-normal normal-case">run {shortId(run.id)}</span> : null}
        {run?.version != null ? <span className="font-normal tracking-normal normal-case">v{run.version}</span> : null}
        {run ? (
          <Link href={runHref(run.id)} className="ml-auto font-medium tracking-normal text-indigo-600 normal-case hover:text-indigo-500" data-testid="run-page-link">
            Run page →
          </Link>
        ) : null}
      </h2>
      {!run ? (
        loading ? <div className="h-32 animate-pulse rounded-md bg-zinc-100" /> : <p className="text-sm text-zinc-500">Choose a run to see its steps.</p>
      ) : (
        <>
          {run.errorMessage ? <p className="mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{run.errorMessage}</p> : null}
          <table className="w-full table-fixed text-sm" data-testid="run-steps">
            <thead className="text-left text-[11px] text-zinc-500">
              <tr className="border-b border-zinc-200">
                <th scope="col" className="pb-1.5 font-medium">Step</th>
                <th scope="col" className="w-[92px] pb-1.5 font-medium">State</th>
                <th scope="col" className="w-[64px] pb-1.5 text-right font-medium">Time</th>
                <th scope="col" className="w-[68px] pb-1.5 text-right font-medium">Peak mem</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {run.steps.map((s) => (
                <tr key={s.stepId} className="align-top">
                  <td className="py-2 pr-2">
                    <button type="button" className="block max-w-full truncate text-left font-medium text-zinc-800 hover:text-indigo-700" onClick={() => onSelectNode(s.stepId)}>
                      {s.label ?? labelOf(s.stepId)}
                    </button>
                    {s.status === 'cached' && s.cachedFromRunId ? (
                      <button type="button" className="text-xs text-sky-700 hover:underline" onClick={() => onChooseRun(s.cachedFromRunId!)}>
                        cached from run {shortId(s.cachedFromRunId)}
                      </button>
                    ) : null}
                    <KeyChanges step={s} />
                    <StepError step={s} />
                  </td>
                  <td className="py-2">
                    <StatusBadge status={stepStatusWord(s.status, s.runner)} />
                  </td>
                  <td className="py-2 text-right text-xs text-zinc-600 tabular-nums">
                    {s.status === 'running' && s.progress != null ? `${Math.round(s.progress * 100)}%` : s.startedAt != null && s.finishedAt != null ? formatDuration(s.finishedAt - s.startedAt) : '—'}
                  </td>
                  <td className="py-2 text-right text-xs text-zinc-600 tabular-nums">{formatMegabytes(s.peakMemoryBytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** A failure in red with its code; a cancellation in quiet grey, and only when it says more than "Cancelled". */
function StepError({ step }: { step: RunView['steps'][number] }) {
  if (!step.errorMessage) return null;
  const cancelled = step.status === 'cancelled';
  if (cancelled && step.errorMessage.toLowerCase() === 'cancelled') return null;
  return (
    <p className={`mt-0.5 text-xs break-words ${cancelled ? 'text-zinc-500' : 'text-red-700'}`}>
      {step.errorCode && !cancelled ? <span className="mr-1 font-mono">{step.errorCode}</span> : null}
      {step.errorMessage}
    </p>
  );
}

/** Why a step that ran did not reuse its last result: shown only for steps that did work. */
function KeyChanges({ step }: { step: RunView['steps'][number] }) {
  if (step.status === 'cached' || step.status === 'queued' || !step.keyChanges?.length) return null;
  return (
    <p className="mt-0.5 text-xs text-amber-800" data-testid="step-key-changes">
      ran again: {step.keyChanges.join(', ')}
    </p>
  );
}
