// Every canvas keyboard shortcut: one list read by both the key handler and the help dialog, so
// the dialog can never describe a shortcut that does not exist.

export type ShortcutId =
  | 'undo'
  | 'redo'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'delete'
  | 'rename'
  | 'layout'
  | 'fit'
  | 'search'
  | 'help'
  | 'deselect';

export interface Shortcut {
  id: ShortcutId;
  /** Key caps as shown, "Mod" standing for Ctrl (⌘ on a Mac). */
  keys: string[][];
  does: string;
  /** Changes the pipeline, so only for roles that can edit it. */
  edits: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'undo', keys: [['Mod', 'Z']], does: 'Undo', edits: true },
  { id: 'redo', keys: [['Mod', 'Shift', 'Z'], ['Mod', 'Y']], does: 'Redo', edits: true },
  { id: 'copy', keys: [['Mod', 'C']], does: 'Copy the selected nodes', edits: false },
  { id: 'paste', keys: [['Mod', 'V']], does: 'Paste copied nodes', edits: true },
  { id: 'duplicate', keys: [['Mod', 'D']], does: 'Duplicate the selected nodes', edits: true },
  { id: 'delete', keys: [['Delete'], ['Backspace']], does: 'Delete the selected nodes and connections', edits: true },
  { id: 'rename', keys: [['F2']], does: 'Rename the selected node (or double-click it)', edits: true },
  { id: 'layout', keys: [['L']], does: 'Lay out the pipeline left to right', edits: true },
  { id: 'fit', keys: [['F']], does: 'Zoom to fit the whole pipeline', edits: false },
  { id: 'search', keys: [['/']], does: 'Search the node palette', edits: true },
  { id: 'help', keys: [['?']], does: 'Show these shortcuts', edits: false },
  { id: 'deselect', keys: [['Esc']], does: 'Clear the selection', edits: false },
];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The shortcut a key press means, or null. Ctrl and ⌘ both count as "Mod" on every platform. */
export function matchShortcut(e: KeyPress): ShortcutId | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return null;
  if (mod) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (e.shiftKey) return null;
    if (key === 'y') return 'redo';
    if (key === 'c') return 'copy';
    if (key === 'v') return 'paste';
    if (key === 'd') return 'duplicate';
    return null;
  }
  switch (key) {
    case 'Delete':
    case 'Backspace':
      return 'delete';
    case 'F2':
      return 'rename';
    case 'Escape':
      return 'deselect';
    case '?':
      return 'help';
    case '/':
      return 'search';
    case 'l':
      return 'layout';
    case 'f':
      return 'fit';
    default:
      return null;
  }
}

/** Typing in a field, a list box or an editable region: shortcuts stay out of the way. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}
