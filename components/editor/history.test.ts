import { describe, expect, it } from 'vitest';
import { closeStep, MERGE_WINDOW_MS, record, redo, startHistory, undo } from './history';

describe('history', () => {
  it('undoes and redoes in order, and a new edit drops the redo list', () => {
    let h = startHistory('a');
    h = record(h, 'b', { now: 0 });
    h = record(h, 'c', { now: 10 });
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
    h = record(h, 'd', { now: 20 });
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
    expect(h.past).toEqual(['a', 'b']);
  });

  it('merges edits with the same key close together into one step', () => {
    let h = startHistory('');
    for (const [i, text] of ['0', '0.', '0.7', '0.75'].entries()) h = record(h, text, { key: 'params:split:train', now: i * 200 });
    expect(h.past).toEqual(['']);
    expect(undo(h).present).toBe('');
  });

  it('starts a new step after a pause, a different key, or a closed step', () => {
    let h = record(startHistory('a'), 'b', { key: 'k', now: 0 });
    h = record(h, 'c', { key: 'k', now: MERGE_WINDOW_MS + 1 });
    expect(h.past).toEqual(['a', 'b']);
    h = record(h, 'd', { key: 'other', now: MERGE_WINDOW_MS + 2 });
    expect(h.past).toEqual(['a', 'b', 'c']);
    h = record(closeStep(h), 'e', { key: 'other', now: MERGE_WINDOW_MS + 3 });
    expect(h.past).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ignores an edit that changes nothing', () => {
    const h = record(startHistory('a'), 'b', { now: 0 });
    expect(record(h, 'b', { now: 1 })).toBe(h);
  });
});
