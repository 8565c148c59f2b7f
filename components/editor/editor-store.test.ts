import { describe, expect, it } from 'vitest';
import { layoutPositions } from './auto-layout';
import { createEditorStore, isDirty } from './editor-store';
import { sampleDoc, TYPE_INDEX, TYPES } from './test-fixtures';

function setup() {
  let clock = 0;
  const store = createEditorStore({ doc: sampleDoc(), version: 3, compiled: { issues: [], columns: undefined } }, () => clock);
  return { store, tick: (ms: number) => (clock += ms) };
}

describe('editor store', () => {
  it('adds a node, selects it, and undoes and redoes it', () => {
    const { store } = setup();
    const id = store.addNode(TYPES[3], { x: 10, y: 10 });
    expect(id).toBe('logistic-regression');
    expect(store.getState().selectedNodeIds).toEqual([id]);
    expect(isDirty(store.getState())).toBe(true);
    store.undo();
    expect(store.getState().doc.nodes.map((n) => n.id)).not.toContain(id);
    expect(store.getState().selectedNodeIds).toEqual([]);
    expect(isDirty(store.getState())).toBe(false);
    store.redo();
    expect(store.getState().doc.nodes.map((n) => n.id)).toContain(id);
  });

  it('merges the frames of a drag into one step', () => {
    const { store, tick } = setup();
    for (let i = 1; i <= 5; i++) {
      tick(16);
      store.moveNodes(new Map([['split', { x: 600 + i * 10, y: 0 }]]), true);
    }
    expect(store.getState().dragging).toBe(true);
    store.moveNodes(new Map([['split', { x: 700, y: 0 }]]), false);
    expect(store.getState().dragging).toBe(false);
    expect(store.getState().history.past).toHaveLength(1);
    // A second drag right after is a step of its own.
    store.moveNodes(new Map([['split', { x: 800, y: 0 }]]), true);
    store.endDrag();
    expect(store.getState().history.past).toHaveLength(2);
    store.undo();
    expect(store.getState().doc.nodes[2].position).toEqual({ x: 700, y: 0 });
    store.undo();
    expect(store.getState().doc.nodes[2].position).toEqual({ x: 600, y: 0 });
  });

  it('merges typing in one param but not across params', () => {
    const { store, tick } = setup();
    store.setParams('split', { train: 0.7 }, ['train']);
    tick(100);
    store.setParams('split', { train: 0.75 }, ['train']);
    tick(100);
    store.setParams('split', { train: 0.75, seed: 1 }, ['seed']);
    expect(store.getState().history.past).toHaveLength(2);
  });

  it('refuses a bad connection and changes nothing', () => {
    const { store } = setup();
    const before = store.getState().doc;
    expect(store.connect({ source: 'ingest', sourceHandle: 'table', target: 'clean', targetHandle: 'table' }, TYPE_INDEX)).toMatch(/already has a connection/);
    expect(store.getState().doc).toBe(before);
    expect(store.connect({ source: 'split', sourceHandle: 'train', target: 'train', targetHandle: 'train' }, TYPE_INDEX)).toBeNull();
    expect(store.getState().doc.edges).toHaveLength(3);
  });

  it('deletes the selection: nodes with their edges, and chosen edges', () => {
    const { store } = setup();
    store.select(['clean'], []);
    store.deleteSelection();
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['ingest', 'split', 'train']);
    expect(store.getState().doc.edges).toEqual([]);
    expect(store.getState().selectedNodeIds).toEqual([]);
    store.undo();
    store.select([], ['e2']);
    store.deleteSelection();
    expect(store.getState().doc.edges.map((e) => e.id)).toEqual(['e1']);
  });

  it('copies, pastes further each time, and duplicates', () => {
    const { store } = setup();
    store.select(['split'], []);
    expect(store.copy()).toBe(true);
    expect(store.paste()).toEqual(['split-2']);
    expect(store.paste()).toEqual(['split-3']);
    const nodes = store.getState().doc.nodes;
    expect(nodes.find((n) => n.id === 'split-2')!.position).toEqual({ x: 640, y: 40 });
    expect(nodes.find((n) => n.id === 'split-3')!.position).toEqual({ x: 680, y: 80 });
    expect(store.getState().selectedNodeIds).toEqual(['split-3']);
    expect(store.duplicate()).toEqual(['split-4']);
  });

  it('renames with a step per commit, and typing merges', () => {
    const { store, tick } = setup();
    store.startRename('clean');
    expect(store.getState().renamingId).toBe('clean');
    store.rename('clean', 'Tidy');
    expect(store.getState().renamingId).toBeNull();
    store.rename('clean', 'Tidy u', true);
    tick(50);
    store.rename('clean', 'Tidy up', true);
    expect(store.getState().history.past).toHaveLength(2);
    expect(store.getState().doc.nodes[1].label).toBe('Tidy up');
  });

  it('restores a whole document as one step with a note for the save', () => {
    const { store } = setup();
    const old = { ...sampleDoc(), nodes: sampleDoc().nodes.slice(0, 1), edges: [] };
    store.replaceDoc(old, 'Restored v1');
    expect(store.getState().doc).toBe(old);
    expect(store.getState().save.note).toBe('Restored v1');
    store.undo();
    expect(store.getState().doc.nodes).toHaveLength(4);
  });

  it('lays out as one undoable step', () => {
    const { store } = setup();
    store.applyLayout(layoutPositions(store.getState().doc, new Map()));
    expect(store.getState().history.past).toHaveLength(1);
  });
});
