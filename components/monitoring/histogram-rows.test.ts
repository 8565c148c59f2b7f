import { describe, expect, it } from 'vitest';
import { binLabels, histogramRows } from './histogram-rows';

describe('histogramRows', () => {
  it('labels PSI bins from their inner edges, open at both ends, and gives shares in %', () => {
    const detail = { kind: 'numeric' as const, edges: [10, 20], reference: [1, 2, 1], current: [0, 0, 4] };
    expect(binLabels(detail)).toEqual(['< 10', '10–20', '≥ 20']);
    expect(histogramRows(detail).map((r) => [r.reference, r.current])).toEqual([
      [25, 0],
      [50, 0],
      [25, 100],
    ]);
  });

  it('keeps categories as they are, with their counts, and an empty side as zeros', () => {
    const rows = histogramRows({ kind: 'categorical', categories: ['a', 'b'], reference: [3, 1], current: [0, 0] });
    expect(rows).toEqual([
      { bin: 'a', reference: 75, current: 0, referenceCount: 3, currentCount: 0 },
      { bin: 'b', reference: 25, current: 0, referenceCount: 1, currentCount: 0 },
    ]);
  });
});
