// The forest head as a walk over every tree at once with standard ops (Gather, GatherElements,
// LessOrEqual, Where), in double precision: ai.onnx.ml's TreeEnsemble ops keep their thresholds
// and outputs in float32, which would send a value lying between a threshold and its float32
// rounding down the other branch. One step per level of the deepest tree; a leaf points at itself.
import type { Tree } from '../train/forest-tree';
import type { OnnxGraph } from './onnx-graph';

/** The mean of the trees' leaf values: double [N, outputs]. */
export function forestOnnx(graph: OnnxGraph, features: string, trees: readonly Tree[], outputs: number): string {
  const flat = flattenForest(trees, outputs);
  const int64 = (prefix: string, values: number[]) => graph.constant(prefix, { type: 'int64', dims: [values.length], values });
  const feature = int64('forest_feature', flat.feature);
  const left = int64('forest_left', flat.left);
  const right = int64('forest_right', flat.right);
  const threshold = graph.constant('forest_threshold', { type: 'double', dims: [flat.threshold.length], values: flat.threshold });
  const leafValues = graph.constant('forest_values', { type: 'double', dims: [flat.feature.length, outputs], values: flat.values });
  // The walk's state: one node index per (row, tree), starting at each tree's root.
  const rows = graph.op('Slice', [graph.op('Shape', [features]), int64('zero', [0]), int64('one', [1])]);
  const stateShape = graph.op('Concat', [rows, int64('tree_count', [trees.length])], { axis: { int: 0 } });
  const roots = graph.constant('forest_roots', { type: 'int64', dims: [1, trees.length], values: flat.roots });
  let state = graph.op('Expand', [roots, stateShape]);
  for (let level = 0; level < flat.depth; level++) {
    const x = graph.op('GatherElements', [features, graph.op('Gather', [feature, state])], { axis: { int: 1 } });
    const goLeft = graph.op('LessOrEqual', [x, graph.op('Gather', [threshold, state])]);
    state = graph.op('Where', [goLeft, graph.op('Gather', [left, state]), graph.op('Gather', [right, state])]);
  }
  return graph.op('ReduceMean', [graph.op('Gather', [leafValues, state])], { axes: { ints: [1] }, keepdims: { int: 0 } });
}

interface FlatForest {
  roots: number[];
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** nodes × outputs, zero on split nodes. */
  values: number[];
  depth: number;
}

/** All trees' nodes in one numbering; a split's left child is the next node (forest-tree.ts's pre-order). */
export function flattenForest(trees: readonly Tree[], outputs: number): FlatForest {
  const flat: FlatForest = { roots: [], feature: [], threshold: [], left: [], right: [], values: [], depth: 0 };
  for (const tree of trees) {
    const base = flat.feature.length;
    flat.roots.push(base);
    const depth = new Array<number>(tree.feature.length).fill(0);
    for (let node = 0; node < tree.feature.length; node++) {
      const leaf = tree.feature[node] < 0;
      flat.feature.push(leaf ? 0 : tree.feature[node]);
      flat.threshold.push(leaf ? 0 : tree.threshold[node]);
      flat.left.push(base + (leaf ? node : node + 1));
      flat.right.push(base + (leaf ? node : tree.right[node]));
      for (let k = 0; k < outputs; k++) flat.values.push(leaf ? tree.values[tree.right[node] + k] : 0);
      if (leaf) {
        flat.depth = Math.max(flat.depth, depth[node]);
      } else {
        depth[node + 1] = depth[node] + 1;
        depth[tree.right[node]] = depth[node] + 1;
      }
    }
  }
  return flat;
}
