// Row indices for a split that keeps every group (e.g. a customer's rows) on one side.
import { mulberry32, shuffleInPlace } from './prng';
import { groupByClass, splitSizes, type SplitFractions, type SplitIndices } from './random-split';

/**
 * Like scikit-learn's GroupShuffleSplit: the fractions apply to the number of groups, not rows.
 * Groups are put in a data-determined order (missing values form one group, first), shuffled with
 * mulberry32(seed), and cut test, validation, train; each row follows its group. Sides keep row order.
 */
export function groupSplit(groups: ArrayLike<unknown>, fractions: SplitFractions, seed: number): SplitIndices {
  const n = groups.length;
  const members = groupByClass(groups);
  const sizes = splitSizes(members.length, fractions);
  const order = Int32Array.from({ length: members.length }, (_, g) => g);
  shuffleInPlace(order, mulberry32(seed));
  const side = new Uint8Array(n); // 0 train, 1 validation, 2 test
  order.forEach((g, k) => {
    const which = k < sizes.test ? 2 : k < sizes.test + sizes.validation ? 1 : 0;
    for (const row of members[g]) side[row] = which;
  });
  const pick = (which: number) => {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (side[i] === which) rows.push(i);
    return Int32Array.from(rows);
  };
  return { train: pick(0), validation: pick(1), test: pick(2) };
}
