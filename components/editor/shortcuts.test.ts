import { describe, expect, it } from 'vitest';
import { matchShortcut, SHORTCUTS, type KeyPress } from './shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('matchShortcut', () => {
  it('reads Ctrl and Cmd alike', () => {
    expect(matchShortcut(press('z', { ctrlKey: true }))).toBe('undo');
    expect(matchShortcut(press('z', { metaKey: true }))).toBe('undo');
    expect(matchShortcut(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(matchShortcut(press('y', { ctrlKey: true }))).toBe('redo');
    expect(matchShortcut(press('c', { metaKey: true }))).toBe('copy');
    expect(matchShortcut(press('v', { ctrlKey: true }))).toBe('paste');
    expect(matchShortcut(press('d', { ctrlKey: true }))).toBe('duplicate');
  });

  it('knows the single keys', () => {
    expect(matchShortcut(press('Delete'))).toBe('delete');
    expect(matchShortcut(press('Backspace'))).toBe('delete');
    expect(matchShortcut(press('F2'))).toBe('rename');
    expect(matchShortcut(press('l'))).toBe('layout');
    expect(matchShortcut(press('L', { shiftKey: true }))).toBe('layout');
    expect(matchShortcut(press('f'))).toBe('fit');
    expect(matchShortcut(press('?', { shiftKey: true }))).toBe('help');
    expect(matchShortcut(press('/'))).toBe('search');
    expect(matchShortcut(press('Escape'))).toBe('deselect');
  });

  it('leaves other keys and Alt combinations alone', () => {
    expect(matchShortcut(press('a'))).toBeNull();
    expect(matchShortcut(press('l', { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(press('z', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(matchShortcut(press('c', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it('lists every shortcut it matches', () => {
    const ids = ['undo', 'redo', 'copy', 'paste', 'duplicate', 'delete', 'rename', 'layout', 'fit', 'search', 'help', 'deselect'];
    expect(SHORTCUTS.map((s) => s.id).sort()).toEqual(ids.sort());
  });
});
