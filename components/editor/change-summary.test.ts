import { describe, expect, it } from 'vitest';
import { describeChange } from './change-summary';
import { addNode, connect, moveNodes, removeElements, renameNode, setNodeParams } from './doc-ops';
import { sampleDoc, TYPE_INDEX, TYPES } from './test-fixtures';

describe('describeChange', () => {
  const before = sampleDoc();

  it('says what was added, by its type title', () => {
    expect(describeChange(before, addNode(before, TYPES[3], { x: 0, y: 0 }).doc, TYPE_INDEX)).toBe('Added Train logistic regression');
  });

  it('says what was connected and disconnected', () => {
    const connected = connect(before, { source: 'split', sourceHandle: 'train', target: 'train', targetHandle: 'train' }).doc;
    expect(describeChange(before, connected, TYPE_INDEX)).toBe('Connected Random split → Train logistic regression');
    expect(describeChange(before, removeElements(before, [], ['e1']), TYPE_INDEX)).toBe('Disconnected Iris → Clean');
  });

  it('names a removed node once, not its edges', () => {
    expect(describeChange(before, removeElements(before, ['clean']), TYPE_INDEX)).toBe('Removed Clean');
  });

  it('says params were edited and nodes renamed', () => {
    expect(describeChange(before, setNodeParams(before, 'split', { train: 0.7 }), TYPE_INDEX)).toBe('Edited params of Random split');
    expect(describeChange(before, renameNode(before, 'clean', 'Tidy'), TYPE_INDEX)).toBe('Renamed Clean to Tidy');
  });

  it('mentions moves only when nothing else changed', () => {
    const moved = moveNodes(before, new Map([['clean', { x: 1, y: 1 }], ['split', { x: 2, y: 2 }]]));
    expect(describeChange(before, moved, TYPE_INDEX)).toBe('Moved 2 nodes');
    expect(describeChange(before, setNodeParams(moved, 'split', { train: 0.5 }), TYPE_INDEX)).toBe('Edited params of Random split');
  });

  it('sums up long lists', () => {
    let doc = before;
    for (let i = 0; i < 5; i++) doc = addNode(doc, TYPES[1], { x: 0, y: 0 }).doc;
    expect(describeChange(before, doc, TYPE_INDEX)).toBe('Added Filter rows; Added Filter rows; Added Filter rows; and 2 more changes');
  });

  it('tells an edit of code apart from other params', () => {
    const code = { type: 'code/transform', version: 1, title: 'Code: transform table', category: 'code', description: 'Code', inputs: [], outputs: [], codeParams: ['code'] };
    const types = new Map([...TYPE_INDEX, ['code/transform@1', code]]);
    const doc = { ...before, nodes: [...before.nodes, { id: 'c', type: 'code/transform', version: 1, params: { code: '(cols) => cols' }, position: { x: 0, y: 0 } }] };
    expect(describeChange(doc, setNodeParams(doc, 'c', { code: '(cols) => ({})' }), types)).toBe('Edited the code of Code: transform table');
    expect(describeChange(doc, setNodeParams(doc, 'c', { code: '(cols) => ({})', timeLimitSeconds: 2 }), types)).toBe(
      'Edited the code of Code: transform table; Edited params of Code: transform table',
    );
  });
});
