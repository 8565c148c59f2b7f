import { describe, expect, it } from 'vitest';
import { layoutLineage } from './lineage-layout';

describe('layoutLineage', () => {
  const nodes = [
    { id: 'data', width: 200, height: 80 },
    { id: 'pipe', width: 0, height: 0 },
    { id: 'a', parent: 'pipe', width: 200, height: 90 },
    { id: 'b', parent: 'pipe', width: 200, height: 90 },
    { id: 'model', width: 180, height: 70 },
  ];
  const edges = [
    { source: 'data', target: 'a' },
    { source: 'a', target: 'b' },
    { source: 'b', target: 'model' },
  ];
  const placed = layoutLineage(nodes, edges);

  it('runs left to right along the edges', () => {
    const abs = (id: string) => {
      const p = placed.get(id)!;
      const parent = nodes.find((n) => n.id === id)!.parent;
      return parent ? p.x + placed.get(parent)!.x : p.x;
    };
    expect(abs('data')).toBeLessThan(abs('a'));
    expect(abs('a')).toBeLessThan(abs('b'));
    expect(abs('b')).toBeLessThan(abs('model'));
  });

  it('wraps the children in their parent, positioned relative to it', () => {
    const pipe = placed.get('pipe')!;
    for (const id of ['a', 'b']) {
      const child = placed.get(id)!;
      expect(child.x).toBeGreaterThanOrEqual(0);
      expect(child.y).toBeGreaterThanOrEqual(0);
      expect(child.x + child.width).toBeLessThanOrEqual(pipe.width + 0.5);
      expect(child.y + child.height).toBeLessThanOrEqual(pipe.height + 0.5);
    }
    expect(placed.get('data')!.x + 200).toBeLessThanOrEqual(pipe.x);
  });
});
