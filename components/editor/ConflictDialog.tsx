'use client';
// Shown when a save clashed with one a teammate made meanwhile (or pulling their version in did):
// who saved which version and when, each clash with their value beside mine, and the choice.
// Either choice keeps everything else both changed; the result is saved on top of their version,
// so their version stays in the history whichever is chosen.
import { useState } from 'react';
import type { SaveConflict } from '../../engine/merge-types';
import { Button } from '../ui/Button';
import { formatDateTime } from '../ui/format';
import { CompareTable } from './CompareTable';
import { codeParamsIn, conflictRow, docDiff } from './conflict-rows';
import { useEditor } from './EditorContext';
import type { MergeSide } from '../../engine/merge-types';
import { Modal } from './Modal';

interface ConflictDialogProps {
  conflict: SaveConflict;
  onSettle: (prefer: MergeSide) => void;
  /** The node types, `type@version` → info: their code params are diffed line by line. */
  types: ReadonlyMap<string, { codeParams?: readonly string[] }>;
}

export function ConflictDialog({ conflict, onSettle, types }: ConflictDialogProps) {
  const mine = useEditor((s) => s.doc);
  const [showDiff, setShowDiff] = useState(false);
  const last = conflict.since[conflict.since.length - 1];
  const rows = conflict.conflicts.map((c) => conflictRow(c, conflict.theirs, mine));
  const theirLabel = last ? `${last.author}, v${last.version}` : 'Theirs';
  return (
    // Escape and the backdrop do nothing: until one side is chosen nothing can be saved.
    <Modal title="Someone changed the same thing" role="alertdialog" onClose={() => undefined} testId="conflict-dialog" className="w-full max-w-2xl">
      <p className="text-sm text-zinc-600">
        {conflict.since.map((v) => `${v.author} saved v${v.version} at ${formatDateTime(v.createdAt)}`).join('; ')} while you were editing v{conflict.baseVersion}. Your
        other changes and theirs fit together; these do not. Nothing has been overwritten.
      </p>
      <CompareTable rows={rows} theirLabel={`Theirs (${theirLabel})`} testId="conflict-rows" />
      {showDiff ? (
        <div className="mt-4">
          <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Everything that differs between v{last?.version} and yours</h3>
          <CompareTable rows={docDiff(conflict.theirs, mine, codeParamsIn(types))} theirLabel={`Theirs (${theirLabel})`} testId="conflict-diff" />
        </div>
      ) : null}
      <div className="mt-5 flex items-center gap-2">
        <Button variant="ghost" onClick={() => setShowDiff((d) => !d)} aria-expanded={showDiff} data-testid="conflict-see-diff">
          {showDiff ? 'Hide the diff' : 'See the diff'}
        </Button>
        <span className="ml-auto" />
        <Button onClick={() => onSettle('theirs')} data-testid="conflict-take-theirs">
          Take theirs
        </Button>
        <Button variant="primary" onClick={() => onSettle('ours')} autoFocus data-testid="conflict-keep-mine">
          Keep mine
        </Button>
      </div>
    </Modal>
  );
}
