'use client';
// The cards of the retrain chain (alert → trigger fire → run → challenger version → comparison with
// the champion → approval → deployment), each linking to the page where that thing lives.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { approvalsHref } from '../dashboard/links';
import { deploymentHref } from '../deployments/links';
import { monitoringHref } from '../monitoring/MonitoringList';
import { datasetLineageHref, versionHref } from '../registry/links';
import { runHref } from '../runs/run-links';
import type { RouterOutputs } from '../trpc/router-types';
import { formatDateTime, formatNumber, shortId } from '../ui/format';
import { StatusBadge } from '../ui/StatusBadge';

export type RetrainNodeData = RouterOutputs['training']['lineage']['nodes'][number];
type Of<K extends RetrainNodeData['kind']> = Extract<RetrainNodeData, { kind: K }>;

function Card({ tone, focus, children, testId }: { tone: string; focus?: boolean; children: ReactNode; testId: string }) {
  return (
    <div className={`h-full w-full rounded-lg border bg-white px-3 py-2 text-xs shadow-sm ${tone} ${focus ? 'ring-2 ring-indigo-500' : ''}`} data-testid={testId}>
      <Handle type="target" position={Position.Left} className="!size-1.5 !border-0 !bg-zinc-400" isConnectable={false} />
      {children}
      <Handle type="source" position={Position.Right} className="!size-1.5 !border-0 !bg-zinc-400" isConnectable={false} />
    </div>
  );
}

const Kind = ({ children }: { children: ReactNode }) => <p className="text-[10px] font-semibold tracking-wide text-zinc-400 uppercase">{children}</p>;
const linkClass = 'nodrag text-indigo-700 hover:underline';

export function AlertCard({ data }: NodeProps & { data: Of<'alert'> }) {
  return (
    <Card tone="border-orange-300" testId="retrain-alert">
      <Kind>Alert · {data.state}</Kind>
      <Link href={`${monitoringHref(data.endpointName)}#alerts`} className={`${linkClass} block truncate text-sm font-semibold`}>
        {data.ruleName}
      </Link>
      <p className="truncate text-zinc-600" title={data.message}>
        {data.message}
      </p>
      <p className="text-zinc-400">{formatDateTime(data.openedAt)}</p>
    </Card>
  );
}

export function TriggerCard({ data }: NodeProps & { data: Of<'trigger'> }) {
  const what = data.triggerKind === 'cron' ? `schedule ${data.cron ?? ''}` : data.triggerKind === 'dataset' ? 'new dataset version' : 'alert';
  return (
    <Card tone="border-zinc-300" testId="retrain-trigger">
      <Kind>Retrain trigger</Kind>
      <p className="truncate text-sm font-semibold text-zinc-900">{what}</p>
      {data.endpointId ? (
        <Link href={deploymentHref(data.endpointId)} className={linkClass}>
          its triggers →
        </Link>
      ) : null}
    </Card>
  );
}

export function FireCard({ data }: NodeProps & { data: Of<'fire'> }) {
  return (
    <Card tone={data.error ? 'border-red-300' : 'border-zinc-300'} testId="retrain-fire">
      <Kind>Trigger fire</Kind>
      <p className="text-zinc-800">{formatDateTime(data.firedAt)}</p>
      <p className="truncate font-mono text-[10px] text-zinc-500" title={data.dedupeKey}>
        {data.dedupeKey}
      </p>
      {data.error ? <p className="truncate text-red-700">{data.error}</p> : null}
    </Card>
  );
}

export function DatasetCard({ data }: NodeProps & { data: Of<'dataset'> }) {
  return (
    <Card tone="border-emerald-300" testId={`retrain-dataset-${data.name}`}>
      <Kind>Data read</Kind>
      <Link href={datasetLineageHref(data.datasetVersionId)} className={`${linkClass} block truncate text-sm font-semibold`}>
        {data.name} v{data.version}
      </Link>
      <p className="text-zinc-600">{formatNumber(data.rows)} rows</p>
    </Card>
  );
}

export function RunCard({ data }: NodeProps & { data: Of<'run'> }) {
  return (
    <Card tone="border-zinc-300" testId="retrain-run">
      <Kind>Retrain run · {data.trigger}</Kind>
      <div className="flex items-center justify-between gap-2">
        <Link href={runHref(data.runId)} className={`${linkClass} font-mono`}>
          {shortId(data.runId)}
        </Link>
        <StatusBadge status={data.status} />
      </div>
      <p className="text-zinc-400">{formatDateTime(data.createdAt)}</p>
    </Card>
  );
}

export function VersionCard({ data }: NodeProps & { data: Of<'model'> }) {
  return (
    <Card tone="border-indigo-300" focus={data.focus} testId={`retrain-model-v${data.version}`}>
      <Kind>{data.focus ? 'This version' : 'Model version'}</Kind>
      <Link href={versionHref(data.modelId, data.version)} className={`${linkClass} block truncate text-sm font-semibold`}>
        {data.modelName} v{data.version}
      </Link>
    </Card>
  );
}

const DECISIONS: Record<string, string> = {
  promoted: 'promoted (automatic)',
  awaiting_approval: 'waits for a manager',
  kept_champion: 'champion kept',
  approved: 'approved',
  rejected: 'rejected',
  failed: 'failed',
};

const num = (x: number | null | undefined) => (typeof x === 'number' ? formatNumber(x) : '—');

export function ChallengeCard({ data }: NodeProps & { data: Of<'challenge'> }) {
  const bad = data.decision === 'failed' || data.decision === 'rejected';
  return (
    <Card tone={bad ? 'border-red-300' : 'border-violet-300'} testId="retrain-challenge">
      <Kind>Against the champion</Kind>
      <Link href={`${monitoringHref(data.endpointName)}#retraining-heading`} className={`${linkClass} block text-sm font-semibold`}>
        {DECISIONS[data.decision] ?? data.decision}
      </Link>
      {data.challenger && data.primaryMetric ? (
        <p className="truncate text-zinc-700" data-testid="retrain-challenge-figures">
          {data.primaryMetric} v{data.challenger.version} {num(data.challenger.value)}
          {data.champion ? ` vs v${data.champion.version} ${num(data.champion.value)}` : ' (no champion)'}
        </p>
      ) : null}
      {data.challenger?.costPer1000 !== null && data.challenger?.costPer1000 !== undefined ? (
        <p className="truncate text-zinc-500">
          cost/1,000 {num(data.challenger.costPer1000)}
          {data.champion ? ` vs ${num(data.champion.costPer1000)}` : ''}
        </p>
      ) : null}
      {data.reason ? <p className="truncate text-red-700">{data.reason}</p> : null}
    </Card>
  );
}

export function ApprovalCard({ data }: NodeProps & { data: Of<'approval'> }) {
  return (
    <Card tone={data.state === 'rejected' ? 'border-red-300' : 'border-amber-300'} testId="retrain-approval">
      <Kind>Manager&apos;s approval</Kind>
      <Link href={approvalsHref} className={`${linkClass} block text-sm font-semibold`}>
        {data.state}
      </Link>
      <p className="truncate text-zinc-600">{data.decidedAt ? `${data.decidedBy ?? 'someone'}, ${formatDateTime(data.decidedAt)}` : `asked ${formatDateTime(data.requestedAt)}`}</p>
    </Card>
  );
}

export function DeploymentCard({ data }: NodeProps & { data: Of<'deployment'> }) {
  return (
    <Card tone="border-sky-300" testId="retrain-deployment">
      <Kind>Deployment · {data.role}</Kind>
      <Link href={deploymentHref(data.endpointId)} className={`${linkClass} block truncate text-sm font-semibold`}>
        {data.endpoint}
      </Link>
      <p className="text-zinc-400">{formatDateTime(data.createdAt)}</p>
    </Card>
  );
}
