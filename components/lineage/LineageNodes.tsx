'use client';
// The cards a lineage graph is drawn with, one per kind of thing: data, steps inside their pipeline
// version, runs, model versions. Each carries what identifies it (version, hash, code) and a link.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AliasChips } from '../registry/AliasChips';
import { datasetLineageHref, pipelineHref, versionHref } from '../registry/links';
import type { RouterOutputs } from '../trpc/router-types';
import { formatNumber, formatRelative, shortId } from '../ui/format';
import { stepStatusWord } from '../runs/runner-words';
import { StatusBadge } from '../ui/StatusBadge';

export type LineageNodeData = RouterOutputs['registry']['lineage']['nodes'][number];
type Of<K extends LineageNodeData['kind']> = Extract<LineageNodeData, { kind: K }>;

function Card({ tone, focus, selected, children, testId }: { tone: string; focus?: boolean; selected?: boolean; children: ReactNode; testId: string }) {
  return (
    <div
      className={`h-full w-full rounded-lg border bg-white px-3 py-2 text-xs shadow-sm ${tone} ${focus ? 'ring-2 ring-indigo-500' : ''} ${selected ? 'ring-2 ring-indigo-300' : ''}`}
      data-testid={testId}
    >
      <Handle type="target" position={Position.Left} className="!size-1.5 !border-0 !bg-zinc-400" isConnectable={false} />
      {children}
      <Handle type="source" position={Position.Right} className="!size-1.5 !border-0 !bg-zinc-400" isConnectable={false} />
    </div>
  );
}

const Kind = ({ children }: { children: ReactNode }) => <p className="text-[10px] font-semibold tracking-wide text-zinc-400 uppercase">{children}</p>;

export function DatasetNode({ data }: NodeProps & { data: Of<'dataset'> }) {
  return (
    <Card tone="border-emerald-300" focus={data.focus} testId={`lineage-dataset-${data.name}-v${data.version}`}>
      <Kind>Dataset version</Kind>
      <p className="truncate text-sm font-semibold text-zinc-900">
        {data.name} <span className="font-normal text-zinc-500">v{data.version}</span>
      </p>
      <p className="truncate text-zinc-600" title={data.sourceFilename}>
        {data.sourceFilename} · {formatNumber(data.rows)} rows
      </p>
      <p className="flex items-center gap-2 font-mono text-[10px] text-zinc-400">
        {shortId(data.artifactId, 12)}
        {data.focus ? null : (
          <Link href={datasetLineageHref(data.datasetVersionId)} className="nodrag font-sans text-indigo-600 hover:underline">
            what uses it →
          </Link>
        )}
      </p>
    </Card>
  );
}

export function SampleNode({ data }: NodeProps & { data: Of<'sample'> }) {
  return (
    <Card tone="border-emerald-200" testId={`lineage-sample-${data.name}`}>
      <Kind>Bundled sample data</Kind>
      <p className="truncate text-sm font-semibold text-zinc-900">{data.name}</p>
      <p className="font-mono text-[10px] text-zinc-400">{shortId(data.artifactId, 12)}</p>
    </Card>
  );
}

export function StepNode({ data, selected }: NodeProps & { data: Of<'step'> }) {
  const params = Object.keys(data.params).length;
  return (
    <Card tone="border-zinc-300 cursor-pointer" selected={selected} testId={`lineage-step-${data.stepId}`}>
      <div className="flex items-center justify-between gap-2">
        <p className="truncate text-sm font-semibold text-zinc-900">{data.label ?? data.stepId}</p>
        <StatusBadge status={stepStatusWord(data.status, data.runner)} />
      </div>
      <p className="truncate font-mono text-[10px] text-zinc-500">
        {data.type}@{data.nodeVersion}
      </p>
      <p className="truncate text-zinc-600" title={data.codeHash}>
        code <span className="font-mono text-[10px]">{data.codeHash.startsWith('builtin:') ? 'built-in' : shortId(data.codeHash, 12)}</span> · {params} param{params === 1 ? '' : 's'}
      </p>
    </Card>
  );
}

export function PipelineGroup({ data }: NodeProps & { data: Of<'pipeline'> }) {
  return (
    <div className="h-full w-full rounded-xl border border-dashed border-indigo-300 bg-indigo-50/30" data-testid={`lineage-pipeline-${data.pipelineId}`}>
      <Handle type="target" position={Position.Left} className="!opacity-0" isConnectable={false} />
      <div className="flex items-center gap-2 px-3 py-2 text-xs">
        <span className="font-semibold tracking-wide text-indigo-700 uppercase">Pipeline version</span>
        <Link href={pipelineHref(data.pipelineId)} className="nodrag font-medium text-indigo-800 hover:underline">
          {data.name} v{data.version}
        </Link>
        {data.runId ? <span className="font-mono text-[10px] text-zinc-500">run {shortId(data.runId)}</span> : null}
        {data.runs !== undefined ? <span className="text-zinc-500">{data.runs} run{data.runs === 1 ? '' : 's'}</span> : null}
      </div>
      <Handle type="source" position={Position.Right} className="!opacity-0" isConnectable={false} />
    </div>
  );
}

/** A pipeline version drawn on its own (forward lineage), not as the frame around its steps. */
export function PipelineCard({ data }: NodeProps & { data: Of<'pipeline'> }) {
  return (
    <Card tone="border-indigo-200" testId={`lineage-pipeline-${data.pipelineId}`}>
      <Kind>Pipeline version</Kind>
      <Link href={pipelineHref(data.pipelineId)} className="nodrag block truncate text-sm font-semibold text-indigo-800 hover:underline">
        {data.name} v{data.version}
      </Link>
      {data.runs !== undefined ? <p className="text-zinc-500">{data.runs} run{data.runs === 1 ? '' : 's'} on this data</p> : null}
    </Card>
  );
}

export function RunNode({ data }: NodeProps & { data: Of<'run'> }) {
  return (
    <Card tone="border-zinc-200" testId={`lineage-run-${data.runId}`}>
      <Kind>Run</Kind>
      <div className="flex items-center justify-between gap-2">
        <Link href={pipelineHref(data.pipelineId)} className="nodrag font-mono text-zinc-800 hover:underline">
          {shortId(data.runId)}
        </Link>
        <StatusBadge status={data.status} />
      </div>
      <p className="text-zinc-500">{formatRelative(data.createdAt)}</p>
    </Card>
  );
}

export function ModelNode({ data }: NodeProps & { data: Of<'model'> }) {
  return (
    <Card tone="border-indigo-300" focus={data.focus} testId={`lineage-model-${data.modelName}-v${data.version}`}>
      <Kind>Model version</Kind>
      <Link href={versionHref(data.modelId, data.version)} className="nodrag block truncate text-sm font-semibold text-indigo-800 hover:underline">
        {data.modelName} v{data.version}
      </Link>
      {data.deleted ? <p className="text-red-600">deleted</p> : data.aliases.length ? <AliasChips aliases={data.aliases} /> : <p className="text-zinc-400">no alias</p>}
    </Card>
  );
}
