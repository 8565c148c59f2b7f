'use client';
// The pipeline page: the read-only canvas with live run state, and a side panel for runs,
// steps, outputs and logs. One ReactFlowProvider per view, so each view has its own store.
import { skipToken, useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { buildNodes, indexNodeTypes } from './flow-elements';
import { IssueList } from './IssueList';
import { PipelineCanvas } from './PipelineCanvas';
import { RunUpToContext, type RunUpToActions } from './PlanPreviewActions';
import { readDoc, type IssueView, type NodeTypeInfo, type StepView } from './pipeline-types';
import { RunControls } from './RunControls';
import { SidePanel, type PanelTab } from './SidePanel';
import { usePipelineRun } from './use-pipeline-run';

interface PipelineViewProps {
  pipelineId: string;
  canRun: boolean;
  canCancel: boolean;
  canWrite: boolean;
}

export function PipelineView({ pipelineId, canRun, canCancel, canWrite }: PipelineViewProps) {
  const trpc = useTRPC();
  const pipelineQuery = useQuery(trpc.pipeline.get.queryOptions({ id: pipelineId }));
  const typesQuery = useQuery(trpc.pipeline.nodeTypes.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const projectId: string | undefined = pipelineQuery.data?.pipeline.projectId;
  const projectQuery = useQuery(trpc.project.get.queryOptions(projectId ? { id: projectId } : skipToken));

  const crumbs = [{ label: 'Projects', href: '/' }, ...(projectId ? [{ label: projectQuery.data?.name ?? 'Project', href: `/projects/${encodeURIComponent(projectId)}` }] : [])];

  if (pipelineQuery.isError || typesQuery.isError) {
    return (
      <PageBody>
        <PageHeader title="Pipeline" crumbs={crumbs} />
        <InlineError className="mt-6" message={errorMessage(pipelineQuery.error ?? typesQuery.error)} />
      </PageBody>
    );
  }
  if (pipelineQuery.isPending || typesQuery.isPending) {
    return (
      <div className="flex flex-1 items-center justify-center text-sm text-zinc-500" aria-busy="true">
        Loading pipeline…
      </div>
    );
  }

  const { pipeline, version, doc, issues } = pipelineQuery.data;
  const nodeTypes: NodeTypeInfo[] = typesQuery.data;
  const issueList: IssueView[] = issues ?? [];
  return (
    <ReactFlowProvider>
      <LoadedPipeline
        key={`${pipeline.id}@${version}`}
        pipelineId={pipeline.id}
        name={pipeline.name}
        version={version}
        rawDoc={doc}
        issues={issueList}
        nodeTypes={nodeTypes}
        hasPlan={pipelineQuery.data.plan !== null}
        crumbs={crumbs}
        canRun={canRun}
        canCancel={canCancel}
        canWrite={canWrite}
      />
    </ReactFlowProvider>
  );
}

interface LoadedPipelineProps {
  pipelineId: string;
  name: string;
  version: number;
  rawDoc: unknown;
  issues: IssueView[];
  nodeTypes: NodeTypeInfo[];
  hasPlan: boolean;
  crumbs: { label: string; href?: string }[];
  canRun: boolean;
  canCancel: boolean;
  canWrite: boolean;
}

function LoadedPipeline({ pipelineId, name, version, rawDoc, issues, nodeTypes, hasPlan, crumbs, canRun, canCancel, canWrite }: LoadedPipelineProps) {
  const doc = useMemo(() => readDoc(rawDoc), [rawDoc]);
  const typeIndex = useMemo(() => indexNodeTypes(nodeTypes), [nodeTypes]);
  const initialNodes = useMemo(() => buildNodes(doc, typeIndex, issues), [doc, typeIndex, issues]);
  const runState = usePipelineRun(pipelineId);
  const { run, live, start, cancel } = runState;
  const [selectedNodeId, setSelectedNodeId] = useState<string | null>(null);
  const [tab, setTab] = useState<PanelTab>('runs');

  const steps = useMemo(() => new Map<string, StepView>((run?.steps ?? []).map((s) => [s.stepId, s])), [run]);
  const selectNode = useCallback((id: string | null) => {
    setSelectedNodeId(id);
    if (id) setTab('node');
  }, []);
  const nodeLabel = useCallback((id: string) => initialNodes.find((n) => n.id === id)?.data.label ?? id, [initialNodes]);

  const errors = issues.filter((i) => i.severity === 'error').length;
  const blockedReason = !hasPlan || errors > 0 ? 'Fix the errors listed above before running' : null;
  const actionError = start.error ?? cancel.error;
  const startRun = start.mutate;
  const runUpTo = useMemo<RunUpToActions | null>(
    () =>
      canRun
        ? {
            blockedReason: blockedReason ?? (live ? 'A run is in progress' : start.isPending ? 'A run is starting' : null),
            pendingNodeId: start.isPending ? (start.variables?.upTo ?? null) : null,
            runUpTo: (nodeId) => startRun({ pipelineId, upTo: nodeId }),
          }
        : null,
    [canRun, blockedReason, live, start.isPending, start.variables, startRun, pipelineId],
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="shrink-0 border-b border-zinc-200 bg-white px-4 py-3">
        <PageHeader
          crumbs={crumbs}
          title={
            <span className="flex items-center gap-2">
              {name}
              <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs font-normal text-zinc-600">v{version}</span>
            </span>
          }
          description={doc.description}
          actions={
            <RunControls
              pipelineId={pipelineId}
              run={run}
              live={live}
              canRun={canRun}
              canCancel={canCancel}
              blockedReason={blockedReason}
              starting={start.isPending}
              cancelling={cancel.isPending}
              onRun={() => start.mutate({ pipelineId })}
              onCancel={() => run && cancel.mutate({ id: run.id })}
            />
          }
        />
        <InlineError className="mt-2" message={actionError ? errorMessage(actionError) : null} />
      </div>
      <IssueList issues={issues} nodeLabel={nodeLabel} onSelectNode={selectNode} />
      <div className="flex min-h-0 flex-1">
        <div className="relative min-w-0 flex-1" data-testid="pipeline-canvas">
          <RunUpToContext value={runUpTo}>
            <PipelineCanvas doc={doc} initialNodes={initialNodes} steps={steps} selectedNodeId={selectedNodeId} onSelectNode={selectNode} />
          </RunUpToContext>
        </div>
        <SidePanel
          pipelineId={pipelineId}
          canWrite={canWrite}
          tab={tab}
          onTab={setTab}
          runState={runState}
          steps={steps}
          nodes={initialNodes}
          selectedNodeId={selectedNodeId}
          onSelectNode={selectNode}
        />
      </div>
    </div>
  );
}
