// Row indices for a train/validation/test split: seeded, reproducible bit for bit, optionally stratified.
import { mulberry32, shuffleInPlace } from './prng';

export interface SplitFractions {
  train: number;
  validation: number;
  test: number;
}

export interface SplitSizes {
  train: number;
  validation: number;
  test: number;
}

/** Each side's row positions in ascending order, so every side keeps the input's row order. */
export interface SplitIndices {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/**
 * Like scikit-learn's train_test_split: test and validation get ceil(fraction × n) rows and the
 * rest goes to train. A tolerance of 1e-9 keeps float noise (0.3 × 10 = 3.0000000000000004)
 * from adding a row. If both ceilings together exceed n, validation gives back first.
 */
export function splitSizes(n: number, fractions: SplitFractions): SplitSizes {
  const ceil = (x: number) => Math.max(0, Math.ceil(x - 1e-9));
  const test = Math.min(n, ceil(fractions.test * n));
  const validation = Math.min(n - test, ceil(fractions.validation * n));
  return { train: n - test - validation, validation, test };
}

/**
 * Shuffles row positions with mulberry32(seed) and Fisher–Yates, then cuts test, validation, train.
 * With `strata` (one value per row), each class is shuffled and cut on its own, with class sizes
 * allocated so the totals equal the unstratified sizes (largest remainder, ties by class order).
 */
export function randomSplit(
  n: number,
  fractions: SplitFractions,
  seed: number,
  strata?: ArrayLike<unknown>,
): SplitIndices {
  if (strata && strata.length !== n) throw new Error(`randomSplit: ${strata.length} strata for ${n} rows`);
  const sizes = splitSizes(n, fractions);
  const prng = mulberry32(seed);
  const groups = strata ? groupByClass(strata) : [Int32Array.from({ length: n }, (_, i) => i)];
  const classSizes = groups.map((g) => g.length);
  const testPer = allocate(classSizes, sizes.test, n, classSizes);
  const validationPer = allocate(classSizes, sizes.validation, n, classSizes.map((size, c) => size - testPer[c]));

  // Mark each row's side, then read the marks in row order: every side comes out ascending.
  const side = new Uint8Array(n); // 0 train, 1 validation, 2 test
  groups.forEach((group, c) => {
    const rows = Int32Array.from(group);
    shuffleInPlace(rows, prng);
    const cut = testPer[c] + validationPer[c];
    for (let k = 0; k < rows.length; k++) side[rows[k]] = k < testPer[c] ? 2 : k < cut ? 1 : 0;
  });
  const pick = (which: number, size: number) => {
    const out = new Int32Array(size);
    let j = 0;
    for (let i = 0; i < n; i++) if (side[i] === which) out[j++] = i;
    return out;
  };
  return { train: pick(0, sizes.train), validation: pick(1, sizes.validation), test: pick(2, sizes.test) };
}

/** Row positions per class, classes in a data-determined order (missing first, then by text). */
export function groupByClass(strata: ArrayLike<unknown>): Int32Array[] {
  const byClass = new Map<unknown, number[]>();
  for (let i = 0; i < strata.length; i++) {
    const key = strata[i] === undefined ? null : strata[i];
    const rows = byClass.get(key);
    if (rows) rows.push(i);
    else byClass.set(key, [i]);
  }
  const order = (key: unknown) => (key === null ? '' : `~${String(key)}`);
  return [...byClass.entries()]
    .sort(([a], [b]) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
    .map(([, rows]) => Int32Array.from(rows));
}

/** Splits `total` over classes in proportion to their sizes (largest remainder), never above `caps`. */
export function allocate(classSizes: number[], total: number, n: number, caps: number[]): number[] {
  if (n === 0) return classSizes.map(() => 0);
  const quotas = classSizes.map((size) => (size * total) / n);
  const counts = quotas.map((q, c) => Math.min(Math.floor(q), caps[c]));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = quotas
    .map((q, c) => ({ c, frac: q - Math.floor(q) }))
    .sort((a, b) => b.frac - a.frac || a.c - b.c);
  while (left > 0) {
    const before = left;
    for (const { c } of byRemainder) {
      if (left === 0) break;
      if (counts[c] < caps[c]) {
        counts[c]++;
        left--;
      }
    }
    if (left === before) throw new Error(`allocate: cannot place ${left} rows within the caps`);
  }
  return counts;
}
