'use client';
// An older version, drawn read-only over the working canvas (which stays as it was underneath,
// undo history and all). "Restore this version" puts its content back as a new version.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { DocColumns } from '../../engine/columns';
import { PipelineCanvas } from '../pipeline/PipelineCanvas';
import type { IssueView, NodeTypeInfo, StepView } from '../pipeline/pipeline-types';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { DeleteButton } from '../ui/DeleteButton';
import { InlineError } from '../ui/InlineError';
import { Tooltip } from '../ui/Tooltip';
import { CompareTable } from './CompareTable';
import { codeParamsIn, docDiff } from './conflict-rows';
import { EditorProvider, useEditor } from './EditorContext';
import { createEditorStore } from './editor-store';
import type { PipelineDoc } from './editor-types';
import { readStoredDoc } from './stored-doc';
import { readColumns } from './use-live-compile';

const NO_STEPS: ReadonlyMap<string, StepView> = new Map();
const noInspect = () => {};

interface VersionPreviewProps {
  pipelineId: string;
  version: number;
  types: ReadonlyMap<string, NodeTypeInfo>;
  /** Why restoring is not possible (the role), or null. */
  restoreBlocked: string | null;
  /** The current version, which cannot be deleted; older ones can, where `canDelete`. */
  current: number;
  canDelete: boolean;
  onRestore: (doc: PipelineDoc, version: number) => void;
  onClose: () => void;
}

export function VersionPreview({ pipelineId, version, types, restoreBlocked, current, canDelete, onRestore, onClose }: VersionPreviewProps) {
  const trpc = useTRPC();
  const query = useQuery(trpc.pipeline.get.queryOptions({ id: pipelineId, version }));
  const parsed = query.data ? readStoredDoc(query.data.doc) : null;
  const [comparing, setComparing] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !e.defaultPrevented && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <section className="absolute inset-0 z-20 flex flex-col bg-zinc-50" aria-label={`Version ${version}, read only`} data-testid="version-preview">
      <div className="flex min-h-11 shrink-0 items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm">
        <span className="font-medium whitespace-nowrap text-amber-900">Viewing v{version}</span>
        <span className="truncate text-amber-800">Read only, as it was saved then</span>
        <span className="ml-auto flex items-center gap-2">
          {canDelete && version !== current ? <DeleteVersion pipelineId={pipelineId} version={version} onDeleted={onClose} /> : null}
          <Button size="sm" onClick={() => setComparing((c) => !c)} aria-expanded={comparing} disabled={!parsed?.ok} data-testid="compare-version">
            {comparing ? 'Hide the differences' : 'Compare with current'}
          </Button>
          <Tooltip text={restoreBlocked}>
            <Button
              size="sm"
              variant="primary"
              disabled={restoreBlocked !== null || !parsed?.ok}
              onClick={() => parsed?.ok && onRestore(parsed.doc, version)}
              data-testid="restore-version"
            >
              Restore this version
            </Button>
          </Tooltip>
          <Button size="sm" onClick={onClose} data-testid="close-version" title="Back to the current version (Esc)">
            Back to current
          </Button>
        </span>
      </div>
      <div className="relative min-h-0 flex-1">
        {query.isPending ? <p className="p-6 text-sm text-zinc-500">Loading v{version}…</p> : null}
        {query.isError ? <InlineError className="m-4" message={errorMessage(query.error)} /> : null}
        {parsed && !parsed.ok ? <InlineError className="m-4" message={`v${version} cannot be drawn: ${parsed.problem}`} /> : null}
        {query.data && parsed?.ok ? (
          <ReadOnlyCanvas key={version} doc={parsed.doc} version={version} issues={query.data.issues ?? []} columns={readColumns(query.data)} types={types} />
        ) : null}
        {comparing && parsed?.ok ? <VersionDiff old={parsed.doc} version={version} types={types} /> : null}
      </div>
    </section>
  );
}

/** What changed from this version to the editor's document (unsaved edits included); code as line diffs. */
function VersionDiff({ old, version, types }: { old: PipelineDoc; version: number; types: ReadonlyMap<string, NodeTypeInfo> }) {
  const current = useEditor((s) => s.doc);
  return (
    <aside className="absolute inset-y-0 right-0 z-10 w-[min(44rem,100%)] overflow-auto border-l border-zinc-200 bg-white p-4 shadow-lg" data-testid="version-diff">
      <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">From v{version} to the current pipeline</h3>
      <CompareTable rows={docDiff(old, current, codeParamsIn(types))} theirLabel={`v${version}`} mineLabel="Current" testId="version-diff-rows" />
    </aside>
  );
}

function DeleteVersion({ pipelineId, version, onDeleted }: { pipelineId: string; version: number; onDeleted: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.storage.deletePipelineVersion.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.pipeline.versions.queryKey({ id: pipelineId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.run.pathKey() });
        onDeleted();
      },
    }),
  );
  return (
    <DeleteButton
      label={`Delete v${version}`}
      consequence={`v${version} and its runs go.`}
      pending={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => remove.mutate({ pipelineId, version })}
      testId="delete-pipeline-version"
    />
  );
}

interface ReadOnlyCanvasProps {
  doc: PipelineDoc;
  version: number;
  issues: readonly IssueView[];
  columns: DocColumns | undefined;
  types: ReadonlyMap<string, NodeTypeInfo>;
  /** A run's step states to draw on the nodes (a run page shows the version that run ran). */
  steps?: ReadonlyMap<string, StepView>;
  onInspect?: (nodeId: string | null) => void;
}

/** A stored version drawn with its own editor store, so nothing done here reaches the working document. */
export function ReadOnlyCanvas({ doc, version, issues, columns, types, steps = NO_STEPS, onInspect = noInspect }: ReadOnlyCanvasProps) {
  const [store] = useState(() => createEditorStore({ doc, version, compiled: { issues, columns } }));
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <PipelineCanvas types={types} steps={steps} editable={false} onInspect={onInspect} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}
