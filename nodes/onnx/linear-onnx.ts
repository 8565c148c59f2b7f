// Linear and logistic heads: the same dot products predict() takes, in double precision.
import type { OnnxGraph } from './onnx-graph';

/** w·x + b per row: double [N, 1]. */
export function linearOnnx(graph: OnnxGraph, features: string, weights: readonly number[], intercept: number): string {
  const w = graph.constant('linear_weights', { type: 'double', dims: [weights.length, 1], values: weights });
  return graph.op('Add', [graph.op('MatMul', [features, w]), graph.scalar('double', intercept)]);
}

/**
 * Class probabilities, double [N, classes]: one weight row gives the binary model's P(second label)
 * through the sigmoid, k rows a softmax over k classes. Weights are row-major, one row per class.
 */
export function logisticOnnx(graph: OnnxGraph, features: string, weights: readonly number[], intercepts: readonly number[]): string {
  const k = intercepts.length;
  const d = weights.length / k;
  if (k === 1) {
    const positive = graph.op('Sigmoid', [linearOnnx(graph, features, weights, intercepts[0])]);
    const negative = graph.op('Sub', [graph.scalar('double', 1), positive]);
    return graph.op('Concat', [negative, positive], { axis: { int: 1 } });
  }
  // MatMul wants W as [features, classes]: the transpose of the stored rows.
  const transposed = Array.from({ length: d * k }, (_, i) => weights[(i % k) * d + Math.floor(i / k)]);
  const w = graph.constant('logistic_weights', { type: 'double', dims: [d, k], values: transposed });
  const b = graph.constant('logistic_intercepts', { type: 'double', dims: [k], values: intercepts });
  return graph.op('Softmax', [graph.op('Add', [graph.op('MatMul', [features, w]), b])], { axis: { int: 1 } });
}
