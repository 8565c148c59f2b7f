'use client';
// The pipeline page once loaded: header with save state, history and run controls; the palette,
// the editable canvas with its live compile issues underneath, and the side panel. It owns the editor store for as
// long as the page shows this pipeline, so saves never remount the canvas: viewport, selection
// and undo history all survive them.
import { useMutation } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DocColumns } from '../../engine/columns';
import { indexNodeTypes } from '../pipeline/flow-elements';
import { PipelineCanvas } from '../pipeline/PipelineCanvas';
import type { IssueView, NodeTypeInfo, StepView } from '../pipeline/pipeline-types';
import { RunUpToContext, type RunUpToActions } from '../pipeline/PlanPreviewActions';
import { PipelinePlacement } from '../pipeline/PipelinePlacement';
import { RunControls } from '../pipeline/RunControls';
import { useBrowserRunFailure, useBrowserStorageNote } from '../runner/use-browser-run';
import { SidePanel, type PanelTab } from '../pipeline/SidePanel';
import { usePipelineRun } from '../pipeline/use-pipeline-run';
import { errorMessage } from '../trpc/error-message';
import { useTRPC, useTRPCClient } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import type { Crumb } from '../ui/PageHeader';
import { CanvasToolbar } from './CanvasToolbar';
import { ConflictDialog } from './ConflictDialog';
import { EditorHeader } from './EditorHeader';
import { EditorProvider, useEditor } from './EditorContext';
import { createEditorStore, isDirty, type EditorStore } from './editor-store';
import type { PipelineDoc } from './editor-types';
import { EmptyCanvasHint } from './EmptyCanvasHint';
import { LeaveDialog } from './LeaveDialog';
import { LiveIssueList } from './LiveIssueList';
import { Palette } from './Palette';
import { NewerVersionNotice, PresenceBar } from './PresenceBar';
import { cannotEditReason } from './role-words';
import { cannotWriteCodeReason, mayWriteCode } from '../code/code-access';
import { SaveStatus } from './SaveStatus';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useAutosave } from './use-autosave';
import { useCanvasCommands } from './use-canvas-commands';
import { useCanvasShortcuts } from './use-canvas-shortcuts';
import { useLeaveGuard } from './use-leave-guard';
import { useLiveCompile } from './use-live-compile';
import { usePresence } from './use-presence';
import { useRunBlock } from './use-run-block';
import { VersionMenu } from './VersionMenu';
import { RunVersionBanner } from './RunVersionBanner';
import { useVersionStore } from './use-version-store';
import { VersionPreview } from './VersionPreview';

/**
 * The side panel reads the shown run's version while one is on show, else the working document.
 * Always the same element, so switching store never remounts the panel (its chosen tab stays).
 */
function OptionalProvider({ store, fallback, children }: { store: EditorStore | null; fallback: EditorStore; children: ReactNode }) {
  return <EditorProvider store={store ?? fallback}>{children}</EditorProvider>;
}

export interface PipelineWorkspaceProps {
  pipelineId: string;
  projectId: string;
  name: string;
  description?: string;
  doc: PipelineDoc;
  version: number;
  issues: readonly IssueView[];
  columns: DocColumns | undefined;
  nodeTypes: readonly NodeTypeInfo[];
  crumbs: Crumb[];
  canRun: boolean;
  canCancel: boolean;
  canDelete: boolean;
  canWrite: boolean;
  role: string;
  userId: string;
  authors: Readonly<Record<string, string>>;
  /** A run to show first (`?run=` in the address). */
  initialRunId?: string | null;
}

export function PipelineWorkspace(props: PipelineWorkspaceProps) {
  const [store] = useState(() => createEditorStore({ doc: props.doc, version: props.version, compiled: { issues: props.issues, columns: props.columns } }));
  return (
    <EditorProvider store={store}>
      <Workspace {...props} store={store} />
    </EditorProvider>
  );
}

function Workspace({ store, pipelineId, projectId, name, description, nodeTypes, crumbs, canRun, canCancel, canDelete, canWrite, role, userId, authors, initialRunId = null }: PipelineWorkspaceProps & { store: EditorStore }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const types = useMemo(() => indexNodeTypes(nodeTypes), [nodeTypes]);
  const runState = usePipelineRun(pipelineId, initialRunId);
  const { run, live, start, cancel, resume } = runState;
  const [inspected, setInspected] = useState<{ nodeId: string | null; port: string | null }>({ nodeId: null, port: null });
  const [tab, setTab] = useState<PanelTab>('runs');
  const [viewing, setViewing] = useState<number | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const canvasRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const version = useEditor((s) => s.save.version);
  // A run chosen by hand that ran another version: that version is shown, read only, never
  // today's params beside its results.
  const runVersion = runState.pickedRunId !== null && run?.version != null && run.version !== version && viewing === null ? run.version : null;
  const runVersionStore = useVersionStore(pipelineId, runVersion);
  const showingRunVersion = runVersion !== null;
  const editable = canWrite && viewing === null && !showingRunVersion;
  const readOnlyReason = showingRunVersion ? `This is v${runVersion}, as the chosen run ran it; go back to v${version} to edit` : canWrite ? null : cannotEditReason(role);

  const codeReadOnlyReason = mayWriteCode(role) ? readOnlyReason : cannotWriteCodeReason(role);

  const { flush, discard } = useAutosave(store, { pipelineId, projectId, types, enabled: canWrite });
  useLiveCompile(store, canWrite);
  const shouldWarn = useCallback(() => isDirty(store.getState()) || store.getState().save.saving, [store]);
  const leaveGuard = useLeaveGuard(shouldWarn);

  const onInspect = useCallback((nodeId: string | null, port?: string) => {
    setInspected({ nodeId, port: port ?? null });
    if (nodeId) setTab('node');
  }, []);
  const { addNode, layout, fit, reveal } = useCanvasCommands(canvasRef, onInspect);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  useCanvasShortcuts({ enabled: viewing === null && !showingRunVersion, editable, onLayout: layout, onFit: fit, onHelp: openHelp, onSearch: focusSearch });

  const selectFromList = useCallback(
    (id: string | null) => {
      if (id) store.select([id], []);
      onInspect(id);
      if (id) reveal(id);
    },
    [store, onInspect, reveal],
  );

  const steps = useMemo(() => new Map<string, StepView>((run?.steps ?? []).map((s) => [s.stepId, s])), [run]);
  const empty = useEditor((s) => s.doc.nodes.length === 0);
  const blockedReason = useRunBlock();

  const startRun = start.mutate;
  const runSaved = useCallback(
    async (upTo?: string) => {
      const saved = await flush();
      if (saved !== null) startRun({ pipelineId, version: saved, ...(upTo ? { upTo } : {}) });
    },
    [flush, startRun, pipelineId],
  );
  const prepare = useCallback(async () => (await flush()) !== null, [flush]);
  const runUpTo = useMemo<RunUpToActions | null>(
    () =>
      canRun
        ? {
            blockedReason: blockedReason ?? (live ? 'A run is in progress' : start.isPending ? 'A run is starting' : null),
            pendingNodeId: start.isPending ? (start.variables?.upTo ?? null) : null,
            runUpTo: (nodeId) => void runSaved(nodeId),
          }
        : null,
    [canRun, blockedReason, live, start.isPending, start.variables, runSaved],
  );

  // Restoring is the server's: a new version with the old one's content, based on the latest
  // this editor has saved (unsaved edits are saved first), merged like any save if others saved since.
  const restoreVersion = useMutation(trpc.pipeline.restore.mutationOptions());
  const restore = useCallback(
    async (_doc: PipelineDoc, from: number) => {
      if ((await flush()) === null) return;
      const sent = store.getState().doc;
      const result = await restoreVersion.mutateAsync({ id: pipelineId, version: from, baseVersion: store.getState().save.version }).catch(() => null);
      if (!result) return;
      store.adoptSaved(sent, result.doc, result.version);
      setViewing(null);
    },
    [store, flush, restoreVersion, pipelineId],
  );
  const closeVersion = useCallback(() => setViewing(null), []);

  const presence = usePresence(pipelineId);
  const latestStamp = presence.snapshot?.latest ?? null;
  const pull = useCallback(
    async (version: number) => {
      const { doc } = await client.pipeline.get.query({ id: pipelineId, version });
      const baseVersion = store.getState().save.version;
      store.pullLatest(doc as PipelineDoc, version, {
        pipelineId,
        baseVersion,
        since: [latestStamp?.version === version ? latestStamp : { version, author: 'a teammate', authorId: null, createdAt: Date.now() }],
      });
    },
    [client, pipelineId, store, latestStamp],
  );
  // Someone who cannot edit has nothing to merge: their canvas simply follows the latest version.
  useEffect(() => {
    if (!canWrite && latestStamp && latestStamp.version > store.getState().save.version) void pull(latestStamp.version).catch(() => undefined);
  }, [canWrite, latestStamp, store, pull]);
  const conflict = useEditor((s) => s.save.conflict);
  const localFailure = useBrowserRunFailure(run?.id);
  const storageNote = useBrowserStorageNote();
  const actionError = start.error ?? cancel.error ?? resume.error ?? restoreVersion.error;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <EditorHeader
        crumbs={crumbs}
        name={name}
        description={description}
        meta={
          <>
            <SaveStatus editable={canWrite} readOnlyReason={cannotEditReason(role)} onRetry={() => void flush()} />
            <VersionMenu pipelineId={pipelineId} currentVersion={version} authors={authors} userId={userId} onOpen={setViewing} />
            <PresenceBar snapshot={presence.snapshot} userId={userId} />
          </>
        }
        actions={
          <div className="flex items-center gap-3">
          <PipelinePlacement readOnlyReason={canWrite ? null : cannotEditReason(role)} />
          <RunControls
            pipelineId={pipelineId}
            version={version}
            role={role}
            run={run}
            live={live}
            canRun={canRun}
            canCancel={canCancel}
            blockedReason={blockedReason}
            starting={start.isPending}
            cancelling={cancel.isPending}
            onRun={() => void runSaved()}
            onCancel={() => run && cancel.mutate({ id: run.id })}
            onResume={(where) => run && resume.mutate({ runId: run.id, where })}
            resuming={resume.isPending}
            prepare={prepare}
          />
          </div>
        }
      >
        <InlineError className="mt-2" message={actionError ? errorMessage(actionError) : localFailure ? `This tab stopped running the pipeline: ${localFailure}` : null} />
        <NewerVersionNotice snapshot={presence.snapshot} userId={userId} canPull={canWrite} onPull={pull} />
        {localFailure && run?.errorCode === 'stale_build' ? (
          <button type="button" className="mt-1 rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-700" onClick={() => window.location.reload()}>
            Reload page
          </button>
        ) : null}
        {storageNote ? <p className="mt-1 text-xs text-amber-800">{storageNote}; after a reload they are downloaded again.</p> : null}
      </EditorHeader>
      <div className="flex min-h-0 flex-1">
        {canWrite ? <Palette types={nodeTypes} onAdd={addNode} searchRef={searchRef} inert={viewing !== null || showingRunVersion} /> : null}
        <div className="flex min-w-0 flex-1 flex-col">
          <div ref={canvasRef} className="relative min-h-0 flex-1" data-testid="pipeline-canvas">
            <RunUpToContext value={runUpTo}>
              <PipelineCanvas types={types} steps={steps} editable={editable} onInspect={onInspect}>
                <CanvasToolbar editable={editable} onLayout={layout} onFit={fit} onHelp={openHelp} />
                {empty ? <EmptyCanvasHint editable={editable} projectHref={`/projects/${encodeURIComponent(projectId)}`} /> : null}
              </PipelineCanvas>
            </RunUpToContext>
            {showingRunVersion && run ? (
              <section className="absolute inset-0 z-20 flex flex-col bg-zinc-50" aria-label={`Version ${runVersion}, as run ${run.id} ran it, read only`} data-testid="run-version-preview">
                <RunVersionBanner runId={run.id} version={runVersion} current={version} onBack={() => runState.chooseRun(null)} />
                <div className="relative mt-11 min-h-0 flex-1">
                  {runVersionStore && 'store' in runVersionStore ? (
                    <EditorProvider store={runVersionStore.store}>
                      <ReactFlowProvider>
                        <PipelineCanvas types={types} steps={steps} editable={false} onInspect={onInspect} />
                      </ReactFlowProvider>
                    </EditorProvider>
                  ) : runVersionStore ? (
                    <InlineError className="m-4" message={runVersionStore.error} />
                  ) : (
                    <p className="p-6 text-sm text-zinc-500">Loading v{runVersion}…</p>
                  )}
                </div>
              </section>
            ) : null}
            {viewing !== null ? (
              <VersionPreview
                key={viewing}
                pipelineId={pipelineId}
                version={viewing}
                types={types}
                restoreBlocked={readOnlyReason}
                current={version}
                canDelete={canDelete}
                onRestore={restore}
                onClose={closeVersion}
              />
            ) : null}
          </div>
          <LiveIssueList types={types} onSelectNode={selectFromList} />
        </div>
        <OptionalProvider store={runVersionStore && 'store' in runVersionStore ? runVersionStore.store : null} fallback={store}>
        <SidePanel
          pipelineId={pipelineId}
          types={types}
          readOnlyReason={readOnlyReason}
          codeReadOnlyReason={codeReadOnlyReason}
          tab={tab}
          onTab={setTab}
          runState={runState}
          canDelete={canDelete}
          steps={steps}
          inspectedNodeId={inspected.nodeId}
          focusPort={inspected.port}
          onSelectNode={selectFromList}
        />
        </OptionalProvider>
      </div>
      {conflict && canWrite ? <ConflictDialog conflict={conflict} onSettle={store.settleConflict} types={types} /> : null}
      {helpOpen ? <ShortcutsDialog canEdit={canWrite} onClose={() => setHelpOpen(false)} /> : null}
      {leaveGuard.pendingHref ? (
        <LeaveDialog
          blocked={store.getState().save.blocked}
          onStay={leaveGuard.stay}
          onLeave={() => {
            discard();
            leaveGuard.leave();
          }}
          onSaveAndLeave={async () => {
            const ok = (await flush()) !== null;
            if (ok) leaveGuard.leave();
            return ok;
          }}
        />
      ) : null}
    </div>
  );
}
