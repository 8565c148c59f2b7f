// Row indices for a time-ordered split: oldest rows train, newest test, rows sharing a time together.
import { splitSizes, type SplitFractions, type SplitIndices } from './random-split';

/**
 * Sorts rows by time (stable, so equal times keep row order), sizes the sides as the random split
 * does, then moves each cut to the nearest edge of any run of equal times it falls inside (the
 * older side keeps the run when both edges are as near). Sides come out in row order.
 * `times` must hold no NaN.
 */
export function timeSplit(times: ArrayLike<number>, fractions: SplitFractions): SplitIndices {
  const n = times.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
  const sizes = splitSizes(n, fractions);
  const trainEnd = cutAtTieEdge(order, times, sizes.train);
  const validationEnd = Math.max(trainEnd, cutAtTieEdge(order, times, sizes.train + sizes.validation));
  const side = (from: number, to: number) => Int32Array.from(order.slice(from, to)).sort();
  return { train: side(0, trainEnd), validation: side(trainEnd, validationEnd), test: side(validationEnd, n) };
}

/** `cut` rows go before the cut in time order; returns the nearest cut that splits no run of equal times. */
export function cutAtTieEdge(order: readonly number[], times: ArrayLike<number>, cut: number): number {
  if (cut <= 0 || cut >= order.length) return cut;
  const t = times[order[cut]];
  if (times[order[cut - 1]] !== t) return cut;
  let start = cut - 1;
  while (start > 0 && times[order[start - 1]] === t) start--;
  let end = cut + 1;
  while (end < order.length && times[order[end]] === t) end++;
  return cut - start < end - cut ? start : end;
}
