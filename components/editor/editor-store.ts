// The editor's state and every action on it, free of React: the working document with its undo
// history, the selection, the clipboard, and what the server last said about the document (its
// compile issues and columns) and about saving it. Canvas, palette, inspector and shortcuts all
// act through these functions, so each edit is undoable in exactly one way.
import type { DocColumns } from '../../engine/columns';
import { mergeDocs } from '../../engine/merge';
import type { MergeSide, SaveConflict } from '../../engine/merge-types';
import type { PlacementSetting } from '../../engine/node-definition';
import type { IssueView } from '../pipeline/pipeline-types';
import { copyNodes, pasteNodes, PASTE_OFFSET, type ClipboardContent } from './clipboard';
import { connectionRefusal } from './connection-rules';
import { addNode, connect, moveNodes, removeElements, renameNode, replaceNode, setNodeParams, setNodePlacement, setPipelinePlacement } from './doc-ops';
import type { ConnectionAttempt, EditorNodeType, PipelineDoc, TypeIndex, XY } from './editor-types';
import { closeStep, record, redo, startHistory, undo, type History } from './history';
import { createStore } from './store';

export interface CompiledView {
  issues: readonly IssueView[];
  /** Upstream columns per node and port; absent until the server sends them. */
  columns: DocColumns | undefined;
}

export interface SaveView {
  /** The version the server holds for `savedDoc`. */
  version: number;
  savedDoc: PipelineDoc;
  saving: boolean;
  /** Why the last save failed, until a save succeeds. */
  error: string | null;
  /** Why the document cannot be saved as it is (it breaks the document schema), or null. */
  blocked: string | null;
  /** A message for the next save that says more than a diff can ("Restored v3"). */
  note: string | null;
  /** A save refused because it clashes with versions saved meanwhile; autosave waits until settled. */
  conflict: SaveConflict | null;
}

export interface EditorState {
  history: History<PipelineDoc>;
  /** Always history.present; kept apart so selectors read one field. */
  doc: PipelineDoc;
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  /** A node drag is in progress: its frames merge into one step and autosave waits. */
  dragging: boolean;
  renamingId: string | null;
  clipboard: { content: ClipboardContent; pastes: number } | null;
  compiled: CompiledView;
  save: SaveView;
}

const NONE: readonly string[] = [];

export function createEditorStore(initial: { doc: PipelineDoc; version: number; compiled: CompiledView }, now: () => number = Date.now) {
  const store = createStore<EditorState>({
    history: startHistory(initial.doc),
    doc: initial.doc,
    selectedNodeIds: NONE,
    selectedEdgeIds: NONE,
    dragging: false,
    renamingId: null,
    clipboard: null,
    compiled: initial.compiled,
    save: { version: initial.version, savedDoc: initial.doc, saving: false, error: null, blocked: null, note: null, conflict: null },
  });
  const get = store.getState;
  const set = store.setState;

  /** Records an edit; selection loses whatever the new document no longer has. */
  function withHistory(s: EditorState, history: History<PipelineDoc>, patch: Partial<EditorState> = {}): EditorState {
    if (history === s.history && Object.keys(patch).length === 0) return s;
    const doc = history.present;
    const next = { ...s, history, doc, ...patch };
    if (doc !== s.doc && !('selectedNodeIds' in patch)) {
      const ids = new Set(doc.nodes.map((n) => n.id));
      const edges = new Set(doc.edges.map((e) => e.id));
      next.selectedNodeIds = s.selectedNodeIds.filter((id) => ids.has(id));
      next.selectedEdgeIds = s.selectedEdgeIds.filter((id) => edges.has(id));
      if (next.renamingId && !ids.has(next.renamingId)) next.renamingId = null;
    }
    return next;
  }

  function edit(change: (doc: PipelineDoc) => PipelineDoc, key?: string, patch?: Partial<EditorState>) {
    set((s) => {
      const doc = change(s.doc);
      if (doc === s.doc) return patch ? { ...s, ...patch } : s;
      return withHistory(s, record(s.history, doc, { key, now: now() }), patch);
    });
  }

  function pasteContent(content: ClipboardContent, offset: XY) {
    let pasted: string[] = [];
    edit((doc) => {
      const result = pasteNodes(doc, content, offset);
      pasted = result.nodeIds;
      return result.doc;
    });
    set((s) => ({ ...s, selectedNodeIds: pasted, selectedEdgeIds: NONE }));
    return pasted;
  }

  return {
    getState: get,
    subscribe: store.subscribe,

    addNode(type: EditorNodeType, position: XY): string {
      let id = '';
      edit((doc) => {
        const added = addNode(doc, type, position);
        id = added.id;
        return added.doc;
      });
      set((s) => ({ ...s, selectedNodeIds: [id], selectedEdgeIds: NONE }));
      return id;
    },

    deleteSelection() {
      const { selectedNodeIds, selectedEdgeIds } = get();
      edit((doc) => removeElements(doc, selectedNodeIds, selectedEdgeIds));
    },

    deleteNodes(ids: readonly string[]) {
      edit((doc) => removeElements(doc, ids));
    },

    disconnect(edgeIds: readonly string[]) {
      edit((doc) => removeElements(doc, [], edgeIds));
    },

    /** Typing into the label field merges into one step; a committed inline rename is a step. */
    rename(id: string, label: string, typing = false) {
      edit((doc) => renameNode(doc, id, label), typing ? `label:${id}` : undefined, { renamingId: null });
    },

    /** `fields` names what changed, so typing in one field merges, but a new field is a new step. */
    setParams(id: string, params: Record<string, unknown>, fields: readonly string[]) {
      edit((doc) => setNodeParams(doc, id, params), `params:${id}:${[...fields].sort().join(',')}`);
    },

    /** "Fork as code node": the code node the server wrote takes this node's place, as one undoable step. */
    replaceNode(id: string, next: { type: string; version: number; label: string; params: Record<string, unknown> }) {
      edit((doc) => replaceNode(doc, id, next));
    },

    setPlacement(id: string, placement: PlacementSetting | 'inherit') {
      edit((doc) => setNodePlacement(doc, id, placement));
    },

    setPipelinePlacement(placement: PlacementSetting) {
      edit((doc) => setPipelinePlacement(doc, placement));
    },

    /** Frames of one drag (or of arrow-key nudges) merge into one step. */
    moveNodes(positions: ReadonlyMap<string, XY>, dragging: boolean) {
      edit((doc) => moveNodes(doc, positions), 'move', { dragging });
      if (!dragging) set((s) => ({ ...s, history: closeStep(s.history) }));
    },

    endDrag() {
      set((s) => (s.dragging ? { ...s, dragging: false, history: closeStep(s.history) } : s));
    },

    /** Adds the edge, or returns why it is refused and changes nothing. */
    connect(c: ConnectionAttempt, types: TypeIndex): string | null {
      const refusal = connectionRefusal(get().doc, types, c);
      if (refusal === null) edit((doc) => connect(doc, c).doc);
      return refusal;
    },

    /** Positions from auto-layout (computed elsewhere, so the layout library loads only when used). */
    applyLayout(positions: ReadonlyMap<string, XY>) {
      edit((doc) => moveNodes(doc, positions));
    },

    copy(): boolean {
      const content = copyNodes(get().doc, get().selectedNodeIds);
      if (content) set((s) => ({ ...s, clipboard: { content, pastes: 0 } }));
      return content !== null;
    },

    /** Each paste of the same copy lands one offset further, so repeated pastes fan out. */
    paste(): string[] {
      const clip = get().clipboard;
      if (!clip) return [];
      const pastes = clip.pastes + 1;
      set((s) => ({ ...s, clipboard: { content: clip.content, pastes } }));
      return pasteContent(clip.content, { x: PASTE_OFFSET.x * pastes, y: PASTE_OFFSET.y * pastes });
    },

    duplicate(): string[] {
      const content = copyNodes(get().doc, get().selectedNodeIds);
      return content ? pasteContent(content, PASTE_OFFSET) : [];
    },

    undo() {
      set((s) => withHistory(s, undo(s.history), { renamingId: null }));
    },

    redo() {
      set((s) => withHistory(s, redo(s.history), { renamingId: null }));
    },

    /** Replaces the whole document (restoring an old version) as one undoable step. */
    replaceDoc(doc: PipelineDoc, note: string) {
      set((s) => withHistory(s, record(s.history, doc, { now: now() }), { save: { ...s.save, note }, renamingId: null, selectedNodeIds: NONE, selectedEdgeIds: NONE }));
    },

    select(nodeIds: readonly string[], edgeIds: readonly string[]) {
      set((s) => (sameIds(s.selectedNodeIds, nodeIds) && sameIds(s.selectedEdgeIds, edgeIds) ? s : { ...s, selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds }));
    },

    startRename(id: string) {
      set((s) => (s.doc.nodes.some((n) => n.id === id) ? { ...s, renamingId: id } : s));
    },

    stopRename() {
      set((s) => (s.renamingId ? { ...s, renamingId: null } : s));
    },

    setCompiled(compiled: CompiledView) {
      set((s) => ({ ...s, compiled }));
    },

    /**
     * The server stored `saved` as `version` for the document `sent` (merged with others' saves, or
     * a restore). Edits made since `sent` left are kept on top of it.
     */
    adoptSaved(sent: PipelineDoc, saved: PipelineDoc, version: number) {
      set((s) => {
        const doc = s.doc === sent ? saved : mergeDocs(sent, saved, s.doc, 'ours').doc;
        const next = withHistory(s, record(s.history, doc, { now: now() }));
        return { ...next, save: { ...s.save, version, savedDoc: saved, saving: false, error: null, conflict: null } };
      });
    },

    /**
     * Brings a newer version in under the person's unsaved edits: a clean merge is adopted (and
     * saved, based on that version); a clash becomes a conflict to settle, before any save.
     */
    pullLatest(latest: PipelineDoc, version: number, conflict: Omit<SaveConflict, 'conflicts' | 'theirs'>) {
      const s = get();
      if (version <= s.save.version) return;
      const merged = mergeDocs(s.save.savedDoc, latest, s.doc, 'ours');
      if (merged.conflicts.length > 0) {
        set((st) => ({ ...st, save: { ...st.save, conflict: { ...conflict, conflicts: merged.conflicts, theirs: latest } } }));
        return;
      }
      set((st) => {
        const doc = st.doc === st.save.savedDoc ? latest : merged.doc;
        const next = withHistory(st, record(st.history, doc, { now: now() }));
        return { ...next, save: { ...st.save, version, savedDoc: latest, error: null, conflict: null } };
      });
    },

    /** Settles a conflict: every clash toward one side, the rest of both kept; saved next, based on theirs. */
    settleConflict(prefer: MergeSide) {
      const s = get();
      const conflict = s.save.conflict;
      if (!conflict) return;
      const latestVersion = conflict.since[conflict.since.length - 1]?.version ?? s.save.version;
      const doc = mergeDocs(s.save.savedDoc, conflict.theirs, s.doc, prefer).doc;
      set((st) => {
        const next = withHistory(st, record(st.history, doc, { now: now() }));
        return { ...next, save: { ...st.save, version: latestVersion, savedDoc: conflict.theirs, error: null, conflict: null } };
      });
    },

    setSave(patch: Partial<SaveView>) {
      set((s) => ({ ...s, save: { ...s.save, ...patch } }));
    },
  };
}

export type EditorStore = ReturnType<typeof createEditorStore>;

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Unsaved work: the document differs from the one the server last stored. */
export function isDirty(s: EditorState): boolean {
  return s.doc !== s.save.savedDoc;
}
