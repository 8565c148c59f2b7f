// The store's side of concurrent editing: adopting a merged save, pulling a newer version in
// under unsaved edits, and settling a conflict toward either side.
import { describe, expect, it } from 'vitest';
import { createEditorStore, isDirty } from './editor-store';
import type { PipelineDoc } from './editor-types';
import { sampleDoc } from './test-fixtures';

const withParam = (doc: PipelineDoc, nodeId: string, param: string, value: unknown): PipelineDoc => ({
  ...doc,
  nodes: doc.nodes.map((n) => (n.id === nodeId ? { ...n, params: { ...n.params, [param]: value } } : n)),
});
const paramOf = (doc: PipelineDoc, nodeId: string, param: string) => doc.nodes.find((n) => n.id === nodeId)?.params[param];
const setup = () => createEditorStore({ doc: sampleDoc(), version: 3, compiled: { issues: [], columns: undefined } });
const stamp = (version: number) => ({ version, author: 'Ana', authorId: 'ana', createdAt: 0 });

describe('editor store under concurrent edits', () => {
  it('adopts a merged save and keeps edits made while it was out', () => {
    const store = setup();
    store.setParams('split', { train: 0.7 }, ['train']);
    const sent = store.getState().doc;
    store.setParams('ingest', { dataset: 'wine' }, ['dataset']);
    const merged = withParam(sent, 'clean', 'limit', 5); // what the server stored: ours plus a teammate's edit
    store.adoptSaved(sent, merged, 5);
    const s = store.getState();
    expect(s.save).toMatchObject({ version: 5, savedDoc: merged, conflict: null });
    expect([paramOf(s.doc, 'split', 'train'), paramOf(s.doc, 'clean', 'limit'), paramOf(s.doc, 'ingest', 'dataset')]).toEqual([0.7, 5, 'wine']);
    expect(isDirty(s)).toBe(true);
  });

  it('pulls a newer version in under unsaved edits, or shows the clash before any save', () => {
    const store = setup();
    store.setParams('split', { train: 0.7 }, ['train']);
    const theirs = withParam(sampleDoc(), 'clean', 'limit', 5);
    store.pullLatest(theirs, 4, { pipelineId: 'p1', baseVersion: 3, since: [stamp(4)] });
    expect(store.getState().save.version).toBe(4);
    expect([paramOf(store.getState().doc, 'split', 'train'), paramOf(store.getState().doc, 'clean', 'limit')]).toEqual([0.7, 5]);

    const clash = withParam(theirs, 'split', 'train', 0.9);
    store.pullLatest(clash, 5, { pipelineId: 'p1', baseVersion: 4, since: [stamp(5)] });
    const conflict = store.getState().save.conflict;
    expect(conflict?.conflicts).toMatchObject([{ kind: 'param', nodeId: 'split', param: 'train', theirs: 0.9, ours: 0.7 }]);
    expect(store.getState().save.version).toBe(4);
  });

  it.each([
    ['ours', 0.7],
    ['theirs', 0.9],
  ] as const)('settles a conflict toward %s, based on their version', (prefer, train) => {
    const store = setup();
    store.setParams('split', { train: 0.7 }, ['train']);
    const theirs = withParam(withParam(sampleDoc(), 'split', 'train', 0.9), 'clean', 'limit', 5);
    store.setSave({ conflict: { pipelineId: 'p1', baseVersion: 3, since: [stamp(4)], conflicts: [], theirs } });
    store.settleConflict(prefer);
    const s = store.getState();
    expect(s.save).toMatchObject({ version: 4, savedDoc: theirs, conflict: null });
    expect([paramOf(s.doc, 'split', 'train'), paramOf(s.doc, 'clean', 'limit')]).toEqual([train, 5]);
  });
});
