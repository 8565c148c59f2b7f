'use client';
// Why Run (and "Run up to here") cannot start right now, from the editor's point of view: the
// live compile found errors, or the working document is not safely saved. Null when it can.
import { useEditor } from './EditorContext';
import { isDirty, type EditorState } from './editor-store';

function runBlock(s: EditorState): string | null {
  if (s.compiled.issues.some((i) => i.severity === 'error')) return 'Fix the errors listed above before running';
  if (s.save.saving) return 'Saving changes…';
  if (s.save.error && isDirty(s)) return 'Saving failed: retry saving before running';
  return null;
}

export function useRunBlock(): string | null {
  return useEditor(runBlock);
}
