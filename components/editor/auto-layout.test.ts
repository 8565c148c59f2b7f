import { describe, expect, it } from 'vitest';
import { layoutPositions } from './auto-layout';
import { moveNodes } from './doc-ops';
import { sampleDoc } from './test-fixtures';

describe('auto-layout', () => {
  it('lays a chain out left to right without overlaps', () => {
    const doc = sampleDoc();
    const sizes = new Map([['clean', { width: 240, height: 200 }]]);
    const pos = layoutPositions(doc, sizes);
    const x = (id: string) => pos.get(id)!.x;
    expect(x('ingest')).toBeLessThan(x('clean'));
    expect(x('clean')).toBeLessThan(x('split'));
    // ingest's right edge is left of clean's left edge.
    expect(x('ingest') + 240).toBeLessThan(x('clean'));
    expect(pos.size).toBe(4);
  });

  it('gives positions only, for every node, and none for an empty pipeline', () => {
    const doc = sampleDoc();
    const laid = moveNodes(doc, layoutPositions(doc, new Map()));
    expect(laid.edges).toBe(doc.edges);
    expect(laid.nodes.map((n) => n.params)).toEqual(doc.nodes.map((n) => n.params));
    expect(layoutPositions({ ...doc, nodes: [], edges: [] }, new Map()).size).toBe(0);
  });
});
