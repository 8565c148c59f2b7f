// 'pipeworks/forest': a random forest of CART trees (Gini for classes, squared error for numbers)
// on bootstrap samples, as scikit-learn's RandomForestClassifier/Regressor. Probabilities are the
// mean of the trees' leaf class frequencies. Tree t draws from its own seed, so the same seed and
// data give the same forest.
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { forestOnnx } from '../onnx/forest-onnx';
import { mulberry32 } from '../split/prng';
import type { Estimator, FitTarget, Matrix } from './estimator';
import { featuresPerSplit, forestData, type ForestData } from './forest-data';
import { splitScratch } from './forest-split';
import { growTree, leafOffset, type Tree } from './forest-tree';
import { oobScore, OutOfBag } from './forest-oob';

export const forestParamsShape = {
  nEstimators: z.number().int().min(1).max(2000).default(100).describe('Number of trees'),
  maxDepth: z.number().int().min(1).max(500).nullable().default(null).describe('Deepest a tree may grow; empty for no limit'),
  minSamplesSplit: z.number().int().min(2).max(1_000_000).default(2).describe('Fewest rows a node needs to be split'),
  minSamplesLeaf: z.number().int().min(1).max(1_000_000).default(1).describe('Fewest rows each leaf must keep'),
  maxFeatures: z
    .union([z.enum(['auto', 'sqrt', 'log2', 'all']), z.number().gt(0).lte(1)])
    .default('auto')
    .describe('Features tried per split: sqrt, log2, all, or a fraction; auto is sqrt to classify and all for regression'),
  bootstrap: z.boolean().default(true).describe('Train each tree on a bootstrap sample (else on every row)'),
};

export type ForestParams = z.output<z.ZodObject<typeof forestParamsShape>>;

const treeSchema = z.object({
  feature: z.array(z.number()),
  threshold: z.array(z.number()),
  right: z.array(z.number()),
  values: z.array(z.number()),
});
const payloadSchema = z.object({
  /** Outputs per row: the number of classes, or 1 for regression. */
  outputs: z.number().int().min(1),
  features: z.number().int(),
  trees: z.array(treeSchema).min(1),
});

export const forestEstimator: Estimator<ForestParams> = {
  format: 'pipeworks/forest',
  async fit(X, target, params, ctx) {
    const data = dataFor(X, target);
    const classification = target.kind === 'classification';
    const options = {
      maxDepth: params.maxDepth ?? Infinity,
      minSamplesSplit: params.minSamplesSplit,
      minSamplesLeaf: params.minSamplesLeaf,
      maxFeatures: featuresPerSplit(params.maxFeatures, X.cols, classification),
    };
    const sampleWeight = target.kind === 'classification' ? target.sampleWeight : undefined;
    const outputs = classification ? target.classes : 1;
    const seeds = mulberry32(ctx.seed);
    const scratch = splitScratch(data);
    const oob = new OutOfBag(X.rows, outputs);
    const trees: Tree[] = [];
    let nodes = 0;
    let deepest = 0;
    for (let t = 0; t < params.nEstimators; t++) {
      ctx.signal.throwIfAborted();
      const prng = mulberry32(seeds.nextUint32());
      const counts = params.bootstrap ? bootstrapCounts(X.rows, prng) : new Float64Array(X.rows).fill(1);
      const inBag: number[] = [];
      const weights = new Float64Array(X.rows);
      for (let i = 0; i < X.rows; i++) {
        if (counts[i] === 0) continue;
        inBag.push(i);
        weights[i] = counts[i] * (sampleWeight ? sampleWeight[i] : 1);
      }
      const { tree, depth } = growTree(data, Int32Array.from(inBag), weights, options, prng, scratch);
      trees.push(tree);
      nodes += tree.feature.length;
      deepest = Math.max(deepest, depth);
      if (params.bootstrap) oob.add(tree, X, counts);
      ctx.progress((t + 1) / params.nEstimators, `Tree ${t + 1} of ${params.nEstimators}`, { iteration: t + 1, nodes: tree.feature.length });
    }
    const oobFigures = params.bootstrap ? oobScore(oob, target) : undefined;
    return {
      payload: { outputs, features: X.cols, trees },
      training: {
        algorithm: classification ? 'random forest (CART, Gini)' : 'random forest (CART, squared error)',
        iterations: trees.length,
        nodes,
        maxDepthReached: deepest,
        featuresPerSplit: options.maxFeatures,
        ...(oobFigures ?? {}),
      },
    };
  },
  async predict(payload, X) {
    const p = payloadSchema.parse(payload);
    if (p.features !== X.cols) {
      throw new UserError(`The forest expects ${p.features} features after preprocessing, got ${X.cols}`);
    }
    return predictForest(p.trees, p.outputs, X);
  },
  toOnnx(payload, graph, features) {
    const p = payloadSchema.parse(payload);
    return forestOnnx(graph, features, p.trees, p.outputs);
  },
};

function dataFor(X: Matrix, target: FitTarget): ForestData {
  return target.kind === 'classification'
    ? forestData(X, { classes: target.classes, labels: target.y })
    : forestData(X, { classes: 0, values: target.y });
}

/** How often each row is drawn in n draws with replacement. */
export function bootstrapCounts(rows: number, prng: ReturnType<typeof mulberry32>): Float64Array {
  const counts = new Float64Array(rows);
  for (let i = 0; i < rows; i++) counts[prng.nextInt(rows)]++;
  return counts;
}

/** rows × outputs: the mean of the trees' leaf values. */
export function predictForest(trees: readonly Tree[], outputs: number, X: Matrix): Float64Array {
  const { rows, cols, data } = X;
  const out = new Float64Array(rows * outputs);
  for (let i = 0; i < rows; i++) {
    const x = (feature: number) => data[i * cols + feature];
    for (const tree of trees) {
      const offset = leafOffset(tree, x);
      for (let k = 0; k < outputs; k++) out[i * outputs + k] += tree.values[offset + k];
    }
    for (let k = 0; k < outputs; k++) out[i * outputs + k] /= trees.length;
  }
  return out;
}
