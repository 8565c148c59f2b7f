// The best CART split of one node on one feature: rows sorted by the feature (ranks packed with
// the row index into one float, so a native numeric sort does it), then one scan that keeps the
// left side's weighted class counts (Gini) or weighted sum (squared error).
import type { ForestData } from './forest-data';

/** Weighted totals of a node's rows. */
export interface NodeTotals {
  weight: number;
  /** Per-class weight (classification). */
  classWeight: Float64Array;
  /** Weighted target sum (regression). */
  sum: number;
}

export interface Split {
  feature: number;
  threshold: number;
  /** Larger is better: Σ c²/w per side (Gini) or s²/w per side (squared error). */
  score: number;
}

export interface SplitScratch {
  keys: Float64Array;
  leftClass: Float64Array;
}

export function splitScratch(data: ForestData): SplitScratch {
  return { keys: new Float64Array(data.rows), leftClass: new Float64Array(Math.max(1, data.classes)) };
}

/** 'constant' when the feature does not vary in the node; null when no split meets minLeaf. */
export function bestSplitOnFeature(
  data: ForestData,
  rows: Int32Array,
  weights: Float64Array,
  feature: number,
  minLeaf: number,
  totals: NodeTotals,
  scratch: SplitScratch,
): Split | null | 'constant' {
  const n = data.rows;
  const m = rows.length;
  const base = feature * n;
  const keys = scratch.keys.subarray(0, m);
  for (let k = 0; k < m; k++) keys[k] = data.ranks[base + rows[k]] * n + rows[k];
  keys.sort();
  const rowAt = (k: number) => keys[k] % n;
  const rankAt = (k: number) => (keys[k] - rowAt(k)) / n;
  if (rankAt(0) === rankAt(m - 1)) return 'constant';

  const classification = data.classes > 0;
  const left = scratch.leftClass;
  left.fill(0);
  let leftSq = 0;
  let rightSq = 0;
  for (let c = 0; c < data.classes; c++) rightSq += totals.classWeight[c] ** 2;
  let leftWeight = 0;
  let leftSum = 0;
  let best: Split | null = null;
  for (let k = 0; k < m - 1; k++) {
    const row = rowAt(k);
    const w = weights[row];
    leftWeight += w;
    if (classification) {
      const c = data.labels[row];
      const before = left[c];
      const right = totals.classWeight[c] - before;
      leftSq += 2 * before * w + w * w;
      rightSq += -2 * right * w + w * w;
      left[c] = before + w;
    } else {
      leftSum += w * data.values[row];
    }
    if (k + 1 < minLeaf || m - k - 1 < minLeaf) continue;
    const rankHere = rankAt(k);
    const rankNext = rankAt(k + 1);
    if (rankHere === rankNext) continue;
    const rightWeight = totals.weight - leftWeight;
    if (!(leftWeight > 0 && rightWeight > 1e-12 * totals.weight)) continue;
    const score = classification
      ? leftSq / leftWeight + rightSq / rightWeight
      : (leftSum * leftSum) / leftWeight + ((totals.sum - leftSum) * (totals.sum - leftSum)) / rightWeight;
    if (best === null || score > best.score) {
      best = { feature, threshold: midpoint(data.columns[base + row], data.columns[base + rowAt(k + 1)]), score };
    }
  }
  return best;
}

/** Halfway between two neighbouring values, never equal to the upper one (scikit-learn's rule). */
export function midpoint(low: number, high: number): number {
  const t = low / 2 + high / 2;
  return t === high || !Number.isFinite(t) ? low : t;
}
