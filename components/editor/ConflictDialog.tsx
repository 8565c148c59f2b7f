'use client';
// Shown when a save clashed with one a teammate made meanwhile (or pulling their version in did):
// who saved which version and when, each clash with their value beside mine, and the choice.
// Either choice keeps everything else both changed; the result is saved on top of their version,
// so their version stays in the history whichever is chosen.
import { useState } from 'react';
import type { SaveConflict } from '../../engine/merge-types';
import { Button } from '../ui/Button';
import { formatDateTime } from '../ui/format';
import { conflictRow, docDiff, type ConflictRow } from './conflict-rows';
import { useEditor } from './EditorContext';
import type { MergeSide } from '../../engine/merge-types';
import { Modal } from './Modal';

interface ConflictDialogProps {
  conflict: SaveConflict;
  onSettle: (prefer: MergeSide) => void;
}

export function ConflictDialog({ conflict, onSettle }: ConflictDialogProps) {
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
      <CompareTable rows={rows} theirLabel={theirLabel} testId="conflict-rows" />
      {showDiff ? (
        <div className="mt-4">
          <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Everything that differs between v{last?.version} and yours</h3>
          <CompareTable rows={docDiff(conflict.theirs, mine)} theirLabel={theirLabel} testId="conflict-diff" />
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

function CompareTable({ rows, theirLabel, testId }: { rows: ConflictRow[]; theirLabel: string; testId: string }) {
  if (rows.length === 0) return <p className="mt-2 text-sm text-zinc-500">No differences.</p>;
  return (
    <table className="mt-3 w-full table-fixed border-collapse text-sm" data-testid={testId}>
      <thead>
        <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500">
          <th className="w-2/6 py-1.5 pr-2 font-medium">What</th>
          <th className="w-2/6 py-1.5 pr-2 font-medium">Theirs ({theirLabel})</th>
          <th className="w-2/6 py-1.5 font-medium">Mine</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-zinc-100 align-top" data-testid="conflict-row">
            <td className="py-1.5 pr-2 font-mono text-xs break-words text-zinc-700">{r.what}</td>
            <td className="py-1.5 pr-2 break-words" data-testid="conflict-theirs">
              <span className="rounded bg-sky-50 px-1 font-mono text-xs text-sky-900">{r.theirs}</span>
            </td>
            <td className="py-1.5 break-words" data-testid="conflict-mine">
              <span className="rounded bg-amber-50 px-1 font-mono text-xs text-amber-900">{r.mine}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
