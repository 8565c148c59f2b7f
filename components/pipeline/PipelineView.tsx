'use client';
// The pipeline page: loads the latest stored version and the node types, then hands them to the
// editor workspace. One ReactFlowProvider per pipeline, so each has its own canvas store.
import { skipToken, useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { PipelineWorkspace } from '../editor/PipelineWorkspace';
import { readStoredDoc } from '../editor/stored-doc';
import { readColumns } from '../editor/use-live-compile';
import { errorMessage } from '../trpc/error-message';
import type { RouterOutputs } from '../trpc/router-types';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import type { IssueView, NodeTypeInfo } from './pipeline-types';

interface PipelineViewProps {
  pipelineId: string;
  canRun: boolean;
  canCancel: boolean;
  /** May delete runs and old versions (their storage is freed by GC). */
  canDelete: boolean;
  canWrite: boolean;
  role: string;
  userId: string;
  /** Names of the people who saved versions of this pipeline, by user id. */
  authors: Readonly<Record<string, string>>;
  /** pipeline.get and pipeline.nodeTypes as the server answered them for this page, or null. */
  initial: { renderId: string; pipeline: OpenedPipeline; nodeTypes: RouterOutputs['pipeline']['nodeTypes'] } | null;
  /** A run to show first (`?run=` in the address). */
  initialRunId?: string | null;
}

/** pipeline.get without its compiled plan, which this page does not show (about 0.5 KB a node). */
export type OpenedPipeline = Omit<RouterOutputs['pipeline']['get'], 'plan'>;

/**
 * Server renders whose data this tab has already opened. Back and forward reuse the page's cached
 * server payload, whose document may predate saves made since; a render seen before is fetched
 * afresh instead.
 */
const openedRenders = new Set<string>();

const noSubscribe = () => () => {};
/** False while rendering on the server and hydrating, true from the first client render on. */
function useMounted(): boolean {
  return useSyncExternalStore(noSubscribe, () => true, () => false);
}

export function PipelineView({ pipelineId, canRun, canCancel, canDelete, canWrite, role, userId, authors, initial, initialRunId = null }: PipelineViewProps) {
  const trpc = useTRPC();
  const mounted = useMounted();
  const [fresh] = useState(() => (initial && !openedRenders.has(initial.renderId) ? initial : null));
  useEffect(() => {
    if (fresh) openedRenders.add(fresh.renderId);
  }, [fresh]);
  // The editor starts from this document, so it is never an older cached copy (a save may have
  // been made since, in another tab or by someone else): either the one the server sent with this
  // page, or fetched afresh on opening.
  const fetched = useQuery(trpc.pipeline.get.queryOptions({ id: pipelineId }, { refetchOnMount: 'always', enabled: !fresh }));
  const pipelineQuery: { data?: OpenedPipeline; isError: boolean; error: unknown; isFetchedAfterMount: boolean } = fresh
    ? { data: fresh.pipeline, isError: false, error: null, isFetchedAfterMount: true }
    : fetched;
  const typesQuery = useQuery(trpc.pipeline.nodeTypes.queryOptions(undefined, { staleTime: 5 * 60_000, ...(initial ? { initialData: initial.nodeTypes } : {}) }));
  const projectId: string | undefined = pipelineQuery.data?.pipeline.projectId;
  const projectQuery = useQuery(trpc.project.get.queryOptions(projectId ? { id: projectId } : skipToken));
  const storedDoc: unknown = pipelineQuery.data?.doc;
  const parsed = useMemo(() => (storedDoc === undefined ? null : readStoredDoc(storedDoc)), [storedDoc]);

  const crumbs = [{ label: 'Projects', href: '/' }, ...(projectId ? [{ label: projectQuery.data?.name ?? 'Project', href: `/projects/${encodeURIComponent(projectId)}` }] : [])];

  if (pipelineQuery.isError || typesQuery.isError) {
    return (
      <PageBody>
        <PageHeader title="Pipeline" crumbs={crumbs} />
        <InlineError className="mt-6" message={errorMessage(pipelineQuery.error ?? typesQuery.error)} />
      </PageBody>
    );
  }
  // The canvas is drawn in the browser only (React Flow measures its nodes there).
  const opened = pipelineQuery.data;
  if (!mounted || !opened || typesQuery.isPending || !pipelineQuery.isFetchedAfterMount || !parsed) {
    return (
      <div className="flex flex-1 items-center justify-center text-sm text-zinc-500" aria-busy="true">
        Loading pipeline…
      </div>
    );
  }

  const { pipeline, version, issues } = opened;
  if (!parsed.ok) {
    return (
      <PageBody>
        <PageHeader title={pipeline.name} crumbs={crumbs} />
        <InlineError className="mt-6" message={`Version ${version} of this pipeline cannot be opened: ${parsed.problem}`} />
      </PageBody>
    );
  }
  const nodeTypes: NodeTypeInfo[] = typesQuery.data;
  const issueList: IssueView[] = issues ?? [];
  return (
    <ReactFlowProvider key={pipeline.id}>
      <PipelineWorkspace
        key={pipeline.id}
        pipelineId={pipeline.id}
        projectId={pipeline.projectId}
        name={pipeline.name}
        description={parsed.doc.description}
        doc={parsed.doc}
        version={version}
        issues={issueList}
        columns={readColumns(opened)}
        nodeTypes={nodeTypes}
        crumbs={crumbs}
        canRun={canRun}
        canCancel={canCancel}
        canDelete={canDelete}
        canWrite={canWrite}
        role={role}
        userId={userId}
        authors={authors}
        initialRunId={initialRunId}
      />
    </ReactFlowProvider>
  );
}
