import { describe, expect, it } from 'vitest';
import { besideNode, centredAt, freeSpot } from './place-node';
import { sampleDoc } from './test-fixtures';

describe('placing a new node', () => {
  it('goes right of the anchor', () => {
    expect(besideNode({ x: 100, y: 50 }, { width: 240, height: 100 })).toEqual({ x: 400, y: 50 });
  });

  it('centres on a point', () => {
    expect(centredAt({ x: 500, y: 300 })).toEqual({ x: 380, y: 240 });
  });

  it('moves down until it overlaps nothing', () => {
    const doc = sampleDoc();
    const spot = freeSpot(doc, { x: 300, y: 0 }, new Map());
    expect(spot.x).toBe(300);
    expect(spot.y).toBeGreaterThanOrEqual(120);
    expect(freeSpot(doc, { x: 100, y: 500 }, new Map())).toEqual({ x: 100, y: 500 });
  });
});
