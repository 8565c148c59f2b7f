'use client';
// The clicked node: what it is, how its step went in the shown run, its outputs and its logs.
import { ParamsSection } from '../inspector/ParamsSection';
import { formatDuration, formatMegabytes, shortId } from '../ui/format';
import { StatusBadge } from '../ui/StatusBadge';
import type { StepNode } from './flow-elements';
import { NodeOutputs } from './NodeOutputs';
import type { StepView } from './pipeline-types';
import { StepLogs } from './StepLogs';

interface NodeDetailsProps {
  pipelineId: string;
  canWrite: boolean;
  node: StepNode;
  step: StepView | undefined;
  runId: string | null;
  onChooseRun: (id: string) => void;
}

export function NodeDetails({ pipelineId, canWrite, node, step, runId, onChooseRun }: NodeDetailsProps) {
  const { data } = node;
  return (
    <div className="flex flex-col gap-5 p-4" data-testid="selected-node-details">
      <header>
        <h2 className="text-sm font-semibold text-zinc-900">{data.label}</h2>
        <p className="text-xs text-zinc-500">
          {data.title} · <span className="font-mono">{data.typeRef}</span>
        </p>
        {data.description ? <p className="mt-1.5 text-xs text-zinc-500">{data.description}</p> : null}
      </header>

      {step ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-md border border-zinc-200 bg-zinc-50/60 px-3 py-2.5 text-xs">
          <dt className="text-zinc-500">State</dt>
          <dd>
            <StatusBadge status={step.status} />
          </dd>
          <dt className="text-zinc-500">Duration</dt>
          <dd className="tabular-nums">{step.startedAt != null && step.finishedAt != null ? formatDuration(step.finishedAt - step.startedAt) : '—'}</dd>
          <dt className="text-zinc-500">Peak memory</dt>
          <dd className="tabular-nums">{formatMegabytes(step.peakMemoryBytes)}</dd>
          {step.runner ? (
            <>
              <dt className="text-zinc-500">Ran on</dt>
              <dd>
                {step.runner}
                {step.backend ? ` · ${step.backend}` : ''}
              </dd>
            </>
          ) : null}
          {step.cachedFromRunId ? (
            <>
              <dt className="text-zinc-500">Cached from</dt>
              <dd>
                <button type="button" className="font-mono text-sky-700 hover:underline" onClick={() => onChooseRun(step.cachedFromRunId!)}>
                  run {shortId(step.cachedFromRunId)}
                </button>
              </dd>
            </>
          ) : null}
          {step.status === 'running' && step.progressMessage ? (
            <>
              <dt className="text-zinc-500">Progress</dt>
              <dd>{step.progressMessage}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="text-sm text-zinc-500">{runId ? 'This node is not part of the shown run.' : 'This node has not run yet.'}</p>
      )}

      {step?.errorMessage && step.status === 'cancelled' ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">{step.errorMessage}</p>
      ) : step?.errorMessage ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {step.errorCode ? <p className="font-mono text-xs text-red-500">{step.errorCode}</p> : null}
          <p className="break-words">{step.errorMessage}</p>
        </div>
      ) : null}

      {data.known ? <ParamsSection pipelineId={pipelineId} nodeId={node.id} canWrite={canWrite} /> : null}

      <NodeOutputs ports={data.outputs} step={step} />

      {runId && step ? <StepLogs runId={runId} stepId={node.id} live={step.status === 'running' || step.status === 'queued'} /> : null}
    </div>
  );
}
