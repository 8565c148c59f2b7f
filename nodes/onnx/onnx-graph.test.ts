import { describe, expect, it } from 'vitest';
import { flattenForest } from './forest-onnx';
import { OnnxGraph } from './onnx-graph';

describe('OnnxGraph', () => {
  it('never hands out a fresh name that an input (a raw column name) already has', () => {
    const graph = new OnnxGraph();
    graph.input('add_0', 'double', ['N', 1], 'a column named like an op output');
    expect(graph.op('Add', ['add_0', 'add_0'])).toBe('add_1');
    expect(() => graph.input('add_1', 'double', ['N', 1], '')).toThrow(/used twice/);
    expect(() => graph.claim('add_0')).toThrow(/used twice/);
  });

  it('checks a constant has as many values as its dims say', () => {
    expect(() => new OnnxGraph().constant('w', { type: 'double', dims: [2, 2], values: [1, 2, 3] })).toThrow(/need 4 values/);
  });
});

describe('flattenForest', () => {
  it('numbers every tree into one array, leaves pointing at themselves, and finds the deepest level', () => {
    // Tree 1: root splits on feature 1 at 0.5 into two leaves; tree 2 is a single leaf.
    const split = { feature: [1, -1, -1], threshold: [0.5, 0, 0], right: [2, 0, 1], values: [10, 20] };
    const leaf = { feature: [-1], threshold: [0], right: [0], values: [30] };
    const flat = flattenForest([split, leaf], 1);
    expect(flat).toEqual({
      roots: [0, 3],
      feature: [1, 0, 0, 0],
      threshold: [0.5, 0, 0, 0],
      left: [1, 1, 2, 3],
      right: [2, 1, 2, 3],
      values: [0, 10, 20, 30],
      depth: 1,
    });
  });
});
