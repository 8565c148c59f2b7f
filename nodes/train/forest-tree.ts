// Grows one CART tree depth-first. Nodes are stored in pre-order, so a split node's left child is
// the next node and only the right child's index is kept; a leaf keeps an offset into `values`.
import type { Prng } from '../split/prng';
import type { ForestData } from './forest-data';
import { bestSplitOnFeature, type NodeTotals, type Split, type SplitScratch } from './forest-split';

/** JSON-ready: feature −1 marks a leaf, whose `right` is the offset of its values (classes or 1). */
export type Tree = { feature: number[]; threshold: number[]; right: number[]; values: number[] };

export interface TreeOptions {
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Non-constant features to try per split. */
  maxFeatures: number;
}

interface Task {
  start: number;
  end: number;
  depth: number;
  /** The split node whose right child this is, or −1 for a left child or the root. */
  parent: number;
}

/** `rows` are the in-bag rows (each once); `weights` their bootstrap count × sample weight. */
export function growTree(
  data: ForestData,
  rows: Int32Array,
  weights: Float64Array,
  options: TreeOptions,
  prng: Prng,
  scratch: SplitScratch,
): { tree: Tree; depth: number } {
  const tree: Tree = { feature: [], threshold: [], right: [], values: [] };
  const samples = Int32Array.from(rows);
  const order = Int32Array.from({ length: data.cols }, (_, i) => i);
  const totals: NodeTotals = { weight: 0, classWeight: new Float64Array(Math.max(1, data.classes)), sum: 0 };
  const stack: Task[] = [{ start: 0, end: samples.length, depth: 0, parent: -1 }];
  let deepest = 0;
  while (stack.length > 0) {
    const task = stack.pop()!;
    const node = tree.feature.length;
    if (task.parent >= 0) tree.right[task.parent] = node;
    deepest = Math.max(deepest, task.depth);
    const segment = samples.subarray(task.start, task.end);
    nodeTotals(data, segment, weights, totals);
    const split = canSplit(data, segment, task.depth, options, totals)
      ? findSplit(data, segment, weights, options, totals, order, prng, scratch)
      : null;
    if (split === null) {
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.right.push(tree.values.length);
      pushLeafValues(data, totals, tree.values);
      continue;
    }
    tree.feature.push(split.feature);
    tree.threshold.push(split.threshold);
    tree.right.push(-1); // patched when the right child is made
    const middle = task.start + partition(data, segment, split);
    stack.push({ start: middle, end: task.end, depth: task.depth + 1, parent: node });
    stack.push({ start: task.start, end: middle, depth: task.depth + 1, parent: -1 });
  }
  return { tree, depth: deepest };
}

function nodeTotals(data: ForestData, rows: Int32Array, weights: Float64Array, out: NodeTotals): void {
  out.weight = 0;
  out.sum = 0;
  out.classWeight.fill(0);
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    const w = weights[row];
    out.weight += w;
    if (data.classes > 0) out.classWeight[data.labels[row]] += w;
    else out.sum += w * data.values[row];
  }
}

/** Depth and size limits allow a split, and the node is not pure (one class, or one target value). */
function canSplit(data: ForestData, rows: Int32Array, depth: number, options: TreeOptions, totals: NodeTotals): boolean {
  const count = rows.length;
  if (depth >= options.maxDepth || count < options.minSamplesSplit || count < 2 * options.minSamplesLeaf) return false;
  if (data.classes > 0) return Math.max(...totals.classWeight) < totals.weight * (1 - 1e-12);
  return !constantTarget(data, rows);
}

/** Tries features in a random order until maxFeatures non-constant ones were looked at (scikit-learn's rule). */
function findSplit(
  data: ForestData,
  rows: Int32Array,
  weights: Float64Array,
  options: TreeOptions,
  totals: NodeTotals,
  order: Int32Array,
  prng: Prng,
  scratch: SplitScratch,
): Split | null {
  let best: Split | null = null;
  let tried = 0;
  for (let i = 0; i < order.length && tried < options.maxFeatures; i++) {
    const j = i + prng.nextInt(order.length - i);
    [order[i], order[j]] = [order[j], order[i]];
    const split = bestSplitOnFeature(data, rows, weights, order[i], options.minSamplesLeaf, totals, scratch);
    if (split === 'constant') continue;
    tried++;
    if (split !== null && (best === null || split.score > best.score)) best = split;
  }
  return best;
}

function constantTarget(data: ForestData, rows: Int32Array): boolean {
  const first = data.values[rows[0]];
  for (let k = 1; k < rows.length; k++) if (data.values[rows[k]] !== first) return false;
  return true;
}

/** Moves rows with value ≤ threshold to the front; returns how many there are. */
function partition(data: ForestData, rows: Int32Array, split: Split): number {
  const base = split.feature * data.rows;
  let i = 0;
  let j = rows.length - 1;
  while (i <= j) {
    if (data.columns[base + rows[i]] <= split.threshold) i++;
    else {
      [rows[i], rows[j]] = [rows[j], rows[i]];
      j--;
    }
  }
  return i;
}

function pushLeafValues(data: ForestData, totals: NodeTotals, values: number[]): void {
  if (data.classes === 0) {
    values.push(totals.sum / totals.weight);
    return;
  }
  for (let c = 0; c < data.classes; c++) values.push(totals.classWeight[c] / totals.weight);
}

/** Offset of the leaf values for one row; `x(feature)` reads the row's feature value. */
export function leafOffset(tree: Tree, x: (feature: number) => number): number {
  let node = 0;
  while (tree.feature[node] >= 0) node = x(tree.feature[node]) <= tree.threshold[node] ? node + 1 : tree.right[node];
  return tree.right[node];
}
