import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../split/prng';
import { forestData } from './forest-data';
import { splitScratch } from './forest-split';
import { growTree, leafOffset, type Tree, type TreeOptions } from './forest-tree';

const FULL: TreeOptions = { maxDepth: Infinity, minSamplesSplit: 2, minSamplesLeaf: 1, maxFeatures: 2 };

/** XOR on two features: no single split helps, so the tree must go two levels deep. */
function xor() {
  const points = [
    [0, 0, 0],
    [0, 1, 1],
    [1, 0, 1],
    [1, 1, 0],
  ];
  const rows = points.flatMap((p) => [p, p]); // duplicates, so leaves hold 2 rows
  const X = { rows: rows.length, cols: 2, data: Float64Array.from(rows.flatMap(([a, b]) => [a, b])) };
  const data = forestData(X, { classes: 2, labels: Int32Array.from(rows.map((p) => p[2])) });
  return { data, rows, all: Int32Array.from(rows.keys()), weights: new Float64Array(rows.length).fill(1) };
}

function grow(options: Partial<TreeOptions> = {}, seed = 1) {
  const s = xor();
  return { ...s, ...growTree(s.data, s.all, s.weights, { ...FULL, ...options }, mulberry32(seed), splitScratch(s.data)) };
}

const classOf = (tree: Tree, a: number, b: number) => {
  const offset = leafOffset(tree, (f) => (f === 0 ? a : b));
  return tree.values.slice(offset, offset + 2);
};

describe('growTree', () => {
  it('fits XOR exactly with pure leaves when depth allows', () => {
    const { tree, depth } = grow();
    expect(depth).toBe(2);
    expect(tree.feature.filter((f) => f === -1)).toHaveLength(4);
    expect(classOf(tree, 0, 0)).toEqual([1, 0]);
    expect(classOf(tree, 0, 1)).toEqual([0, 1]);
    expect(classOf(tree, 1, 0)).toEqual([0, 1]);
    expect(classOf(tree, 1, 1)).toEqual([1, 0]);
  });

  it('lays nodes out in pre-order: a split\'s left child is the next node', () => {
    const { tree } = grow();
    expect(tree.feature).toHaveLength(7);
    expect(tree.feature[0]).toBeGreaterThanOrEqual(0);
    expect(tree.feature[1]).toBeGreaterThanOrEqual(0); // root's left child, itself a split
    expect(tree.right[0]).toBe(4); // root's right subtree starts after the left's 3 nodes
  });

  it('stops at maxDepth with class frequencies in the leaves', () => {
    const { tree, depth } = grow({ maxDepth: 1 });
    expect(depth).toBe(1);
    expect(classOf(tree, 0, 0)).toEqual([0.5, 0.5]);
    expect(grow({ maxDepth: 0 }).tree.feature).toEqual([-1]);
  });

  it('honours min_samples_leaf and min_samples_split', () => {
    expect(grow({ minSamplesLeaf: 3 }).depth).toBe(1);
    expect(grow({ minSamplesSplit: 9 }).tree.feature).toEqual([-1]);
  });

  it('weights leaves by bootstrap counts', () => {
    const s = xor();
    s.weights[0] = 3; // row 0 is (0, 0) → class 0, drawn three times
    const { tree } = growTree(s.data, s.all, s.weights, { ...FULL, maxDepth: 0 }, mulberry32(1), splitScratch(s.data));
    expect(tree.values).toEqual([6 / 10, 4 / 10]); // class 0: 3 + 1 + 2 of 10
  });

  it('grows regression trees down to single values', () => {
    const X = { rows: 4, cols: 1, data: Float64Array.from([1, 2, 3, 4]) };
    const data = forestData(X, { classes: 0, values: Float64Array.from([10, 10, 30, 50]) });
    const { tree } = growTree(data, Int32Array.from([0, 1, 2, 3]), new Float64Array(4).fill(1), { ...FULL, maxFeatures: 1 }, mulberry32(1), splitScratch(data));
    const predict = (x: number) => tree.values[leafOffset(tree, () => x)];
    expect([1, 2, 3, 4].map(predict)).toEqual([10, 10, 30, 50]);
    expect(tree.feature.filter((f) => f === -1)).toHaveLength(3); // the two 10s share a leaf
  });
});
