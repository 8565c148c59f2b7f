// The bottom line of a node: progress while running, where a cached result came from, the error,
// or how long it took. Always the same height, so the node never changes size.
import { formatDuration, shortId } from '../ui/format';
import type { NodeStepState } from './flow-elements';

export function NodeStepLine({ step }: { step: NodeStepState | null }) {
  return (
    <div className="flex h-7 items-center gap-2 rounded-b-lg border-t border-zinc-100 bg-zinc-50/60 px-3 text-[11px] text-zinc-500">
      <StepLineContent step={step} />
    </div>
  );
}

function StepLineContent({ step }: { step: NodeStepState | null }) {
  if (!step) return <span className="text-zinc-400">Not run yet</span>;
  switch (step.status) {
    case 'running': {
      if (step.statusWord === 'waiting') return <span className="truncate">Waiting for a queue worker</span>;
      const pct = Math.round(Math.min(1, Math.max(0, step.progress ?? 0)) * 100);
      return (
        <>
          <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-indigo-100" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
            <div className="h-full rounded-full bg-indigo-500 transition-[width] duration-300" style={{ width: `${pct}%` }} />
          </div>
          <span className="w-8 text-right font-medium text-indigo-700 tabular-nums">{pct}%</span>
        </>
      );
    }
    case 'cached':
      return <span className="truncate">from run {shortId(step.cachedFromRunId)}</span>;
    case 'failed':
      return (
        <span className="truncate text-red-700" title={step.errorMessage ?? undefined}>
          {step.errorMessage ?? 'Failed'}
        </span>
      );
    case 'succeeded':
      return (
        <span className="truncate" title={step.backendNote ?? undefined} data-testid="node-ran-on">
          Took {formatDuration(step.durationMs)}
          {step.ranOn ? ` · ${step.ranOn}` : ''}
          {step.backendNote ? <span className="text-amber-700"> (fallback)</span> : null}
        </span>
      );
    case 'queued':
      return <span>Waiting for inputs</span>;
    case 'cancelled':
      return (
        <span className="truncate" title={step.errorMessage ?? undefined}>
          {step.errorMessage && step.errorMessage.toLowerCase() !== 'cancelled' ? step.errorMessage : 'Cancelled'}
        </span>
      );
    default:
      return <span>{step.status}</span>;
  }
}
