import { describe, expect, it } from 'vitest';
import { nextPageCursor } from './page-cursor';

// Three rows a millisecond, newest first, as checks open alerts.
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${99 - i}`, openedAt: 1000 - Math.floor(i / 3) }));
const openedAt = (r: { openedAt: number }) => r.openedAt;

describe('nextPageCursor', () => {
  it('starts the next page after the last row of a full page, by its time and id', () => {
    expect(nextPageCursor(rows(5), 5, openedAt)).toEqual({ at: 999, id: 'a95' });
    expect(nextPageCursor(rows(3), 3, openedAt)).toEqual({ at: 1000, id: 'a97' });
  });

  it('offers no further page after a short or empty one', () => {
    expect(nextPageCursor(rows(4), 5, openedAt)).toBeUndefined();
    expect(nextPageCursor([], 3, openedAt)).toBeUndefined();
  });
});
