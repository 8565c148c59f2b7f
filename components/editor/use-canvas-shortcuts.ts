'use client';
// The canvas's keyboard shortcuts (listed in shortcuts.ts). They listen on the window so they work
// wherever focus is on the page, except while typing in a field or inside a dialog or menu.
import { useEffect } from 'react';
import { assertNever } from '../../engine/assert-never';
import { useEditorStore } from './EditorContext';
import { isTypingTarget, matchShortcut, SHORTCUTS, type ShortcutId } from './shortcuts';

interface ShortcutHandlers {
  /** Off while something else owns the keyboard (an old version on show). */
  enabled: boolean;
  editable: boolean;
  onLayout: () => void;
  onFit: () => void;
  onHelp: () => void;
  onSearch: () => void;
}

const EDITS = new Set<ShortcutId>(SHORTCUTS.filter((s) => s.edits).map((s) => s.id));

export function useCanvasShortcuts({ enabled, editable, onLayout, onFit, onHelp, onSearch }: ShortcutHandlers) {
  const store = useEditorStore();
  useEffect(() => {
    if (!enabled) return;
    /** Runs the shortcut; false when it had nothing to act on, so the browser keeps the key. */
    const run = (id: ShortcutId): boolean => {
      const s = store.getState();
      switch (id) {
        case 'undo':
          store.undo();
          return true;
        case 'redo':
          store.redo();
          return true;
        case 'copy':
          // Text selected on the page (a log line, an error) copies as text, as usual.
          if (s.selectedNodeIds.length === 0 || (window.getSelection()?.toString() ?? '') !== '') return false;
          return store.copy();
        case 'paste':
          return store.paste().length > 0;
        case 'duplicate':
          store.duplicate();
          return true; // Always taken: Ctrl+D would otherwise bookmark the page.
        case 'delete':
          if (s.selectedNodeIds.length === 0 && s.selectedEdgeIds.length === 0) return false;
          store.deleteSelection();
          return true;
        case 'rename':
          if (s.selectedNodeIds.length !== 1) return false;
          store.startRename(s.selectedNodeIds[0]);
          return true;
        case 'layout':
          onLayout();
          return true;
        case 'fit':
          onFit();
          return true;
        case 'search':
          onSearch();
          return true;
        case 'help':
          onHelp();
          return true;
        case 'deselect':
          store.stopRename();
          store.select([], []);
          return true;
        default:
          return assertNever(id, 'shortcut');
      }
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTypingTarget(e.target)) return;
      if (e.target instanceof Element && e.target.closest('dialog, [role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      const id = matchShortcut(e);
      if (!id || (EDITS.has(id) && !editable)) return;
      if (run(id)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, editable, store, onLayout, onFit, onHelp, onSearch]);
}
