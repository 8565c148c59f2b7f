'use client';
// The run plan preview: which steps a run would reuse from the cache and which it would run, and
// why. Fetched fresh each time it opens, so it always reflects the latest runs and saves.
import { skipToken, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { PlacementEstimate } from '../../engine/placement';
import { formatSeconds } from '../../engine/training-speed';
import { browserOffer } from '../runner/browser-offer';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { shortId } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { Tooltip } from '../ui/Tooltip';

interface PlanPreviewProps {
  pipelineId: string;
  /** The saved version to preview: the one the canvas shows once autosave has caught up. */
  version: number;
  /** Why Run is not available (role, live run, errors), or null. */
  runBlockedReason: string | null;
  onRun: () => void;
  onClose: () => void;
}

export function PlanPreview({ pipelineId, version, runBlockedReason, onRun, onClose }: PlanPreviewProps) {
  const trpc = useTRPC();
  // Placement depends on what this browser offers (its measured training speed), as a run would
  // see it. The plan is asked for at once with the figures already at hand; only when a step that
  // will run trains with TF.js and this browser has no figures yet is it measured (seconds, in a
  // worker, cached after), and the plan asked for again with them. A pipeline without such a step
  // never waits for, or pays for, a probe.
  const atHand = useQuery({ queryKey: ['browser-offer', 'at-hand'], queryFn: () => browserOffer('at-hand'), gcTime: 0, staleTime: 0 });
  const [measure, setMeasure] = useState(false);
  const measured = useQuery({ queryKey: ['browser-offer', 'measured'], queryFn: () => browserOffer('wait'), staleTime: Infinity, enabled: measure });
  const offer = measured.data ?? atHand.data;
  const query = useQuery(
    trpc.run.preview.queryOptions(offer ? { pipelineId, version, browser: offer } : skipToken, { gcTime: 0, staleTime: 0, retry: false, placeholderData: (previous) => previous }),
  );
  const needsFigures = (query.data?.steps ?? []).some((s) => s.decision === 'run' && s.measureBrowser);
  useEffect(() => {
    if (needsFigures && atHand.data) setMeasure(true);
  }, [needsFigures, atHand.data]);
  const measuring = measure && measured.isPending;
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const steps = query.data?.steps ?? [];
  const cached = steps.filter((s) => s.decision === 'cached').length;
  const toRun = steps.length - cached;

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-zinc-900/30 p-4 pt-[10vh]" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={panel}
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-labelledby="plan-preview-title"
        data-testid="plan-preview"
        className="flex max-h-[75vh] w-full max-w-xl flex-col rounded-lg border border-zinc-200 bg-white text-left shadow-xl outline-none"
      >
        <div className="flex items-start justify-between gap-4 border-b border-zinc-100 px-5 py-4">
          <div>
            <h2 id="plan-preview-title" className="text-base font-semibold text-zinc-900">
              Run plan
            </h2>
            <p className="mt-0.5 text-xs text-zinc-500" data-testid="plan-summary">
              {atHand.isPending || query.isPending
                ? 'Working out what would run…'
                : query.isError
                  ? 'The plan could not be worked out'
                  : `${toRun} step${toRun === 1 ? '' : 's'} will run · ${cached} reused from cache`}
            </p>
            {measuring ? (
              <p className="mt-0.5 text-xs text-zinc-500" data-testid="plan-measuring">
                Measuring this browser&apos;s training speed (once per browser; a few seconds); the estimates below update when it is done…
              </p>
            ) : null}
          </div>
          <Button variant="ghost" size="sm" onClick={onClose} aria-label="Close plan preview">
            ✕
          </Button>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 py-3">
          {query.isError ? <InlineError message={errorMessage(query.error)} /> : null}
          {query.isPending ? <p className="py-6 text-center text-sm text-zinc-500">Loading…</p> : null}
          <ol className="divide-y divide-zinc-100">
            {steps.map((step) => (
              <li key={step.stepId} data-testid={`plan-step-${step.stepId}`} className="flex items-start gap-3 py-2.5">
                <DecisionBadge decision={step.decision} />
                <div className="min-w-0 flex-1">
                  <div className="flex items-baseline gap-2">
                    <span className="truncate text-sm font-medium text-zinc-900">{step.label}</span>
                    <span className="truncate font-mono text-[11px] text-zinc-400">{step.type}</span>
                  </div>
                  <p className="mt-0.5 text-xs text-zinc-600" data-testid={`plan-placement-${step.stepId}`} data-placement={step.placement}>
                    <span className="font-medium">{step.placement === 'browser' ? 'Browser' : 'Server'}</span> · {step.placementReason.replace(/^Runs (on the server|in the browser)(: |, )?/, '') || 'as set'}
                  </p>
                  {step.estimate ? <EstimateLine stepId={step.stepId} estimate={step.estimate} /> : null}
                  <div className="mt-1 flex flex-wrap gap-1.5 text-xs">
                    {step.decision === 'cached' ? (
                      <span className="text-zinc-500">reused from run {shortId(step.cachedFromRunId)}</span>
                    ) : (
                      step.reasons.map((reason) => (
                        <span key={reason} className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-800 ring-1 ring-amber-200 ring-inset">
                          {reason}
                        </span>
                      ))
                    )}
                  </div>
                </div>
              </li>
            ))}
          </ol>
        </div>
        <div className="flex justify-end gap-2 border-t border-zinc-100 px-5 py-3">
          <Button onClick={onClose}>Close</Button>
          <Tooltip text={runBlockedReason}>
            <Button variant="primary" onClick={onRun} disabled={runBlockedReason !== null || !query.isSuccess} data-testid="plan-preview-run">
              Run
            </Button>
          </Tooltip>
        </div>
      </div>
    </div>
  );
}

/** A TF.js training's expected time on each side: what placement 'auto' compared. */
function EstimateLine({ stepId, estimate }: { stepId: string; estimate: PlacementEstimate }) {
  const side = (where: string, e: PlacementEstimate['browser']) => (e ? `${where} ≈ ${formatSeconds(e.seconds)} (${e.backend})` : `${where}: not measured`);
  return (
    <p className="mt-0.5 text-xs text-zinc-500 tabular-nums" data-testid={`plan-estimate-${stepId}`}>
      Estimated training: {side('this browser', estimate.browser)} · {side('server', estimate.server)}
    </p>
  );
}

function DecisionBadge({ decision }: { decision: 'cached' | 'run' }) {
  const cached = decision === 'cached';
  return (
    <span
      className={`mt-0.5 inline-flex h-5 w-16 shrink-0 items-center justify-center rounded-full text-[11px] font-medium ring-1 ring-inset ${
        cached ? 'bg-sky-50 text-sky-700 ring-sky-200' : 'bg-indigo-50 text-indigo-700 ring-indigo-200'
      }`}
    >
      {cached ? 'cached' : 'will run'}
    </span>
  );
}
