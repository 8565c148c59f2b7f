'use client';
// The header's save state: "Saved v12", "Unsaved changes", "Saving…", or "Save failed: why" with
// a Retry button. Fixed width, so the header never shifts as it changes.
import { Button } from '../ui/Button';
import { useEditor } from './EditorContext';
import { isDirty } from './editor-store';

export function SaveStatus({ editable, readOnlyReason, onRetry }: { editable: boolean; readOnlyReason: string; onRetry: () => void }) {
  const save = useEditor((s) => s.save);
  const dirty = useEditor(isDirty);
  const base = 'flex h-7 min-w-[132px] max-w-[340px] items-center gap-1.5 text-xs';

  if (!editable) {
    return (
      <span className={`${base} text-zinc-500`} data-testid="save-status" title={readOnlyReason}>
        <Dot className="bg-zinc-300" />
        Read only
      </span>
    );
  }
  if (save.saving) {
    return (
      <span className={`${base} text-zinc-600`} data-testid="save-status" role="status">
        <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-zinc-300 border-t-indigo-600" />
        Saving…
      </span>
    );
  }
  if (save.conflict) {
    const last = save.conflict.since[save.conflict.since.length - 1];
    return (
      <span className={`${base} text-red-700`} data-testid="save-status" role="status">
        <Dot className="bg-red-500" />
        <span className="truncate">Not saved: clashes with v{last?.version ?? '?'}</span>
      </span>
    );
  }
  if (save.error && dirty) {
    return (
      <span className={`${base} text-red-700`} data-testid="save-status" role="status">
        <Dot className="bg-red-500" />
        <span className="truncate" title={save.error}>
          Save failed: {save.error}
        </span>
        <Button size="sm" variant="ghost" onClick={onRetry} className="!h-6 !px-1.5 text-red-700" data-testid="save-retry">
          Retry
        </Button>
      </span>
    );
  }
  if (dirty) {
    return (
      <span className={`${base} text-amber-800`} data-testid="save-status" role="status" title={save.blocked ?? 'Saves automatically in a moment'}>
        <Dot className="bg-amber-500" />
        <span className="truncate">{save.blocked ? `Unsaved changes: ${save.blocked}` : 'Unsaved changes'}</span>
      </span>
    );
  }
  return (
    <span className={`${base} text-zinc-500`} data-testid="save-status" role="status">
      <Dot className="bg-emerald-500" />
      Saved v{save.version}
    </span>
  );
}

function Dot({ className }: { className: string }) {
  return <span aria-hidden className={`size-2 shrink-0 rounded-full ${className}`} />;
}
