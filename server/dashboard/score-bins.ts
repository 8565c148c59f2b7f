// Scores are kept in 101 bins so that any threshold t = k/100 splits them exactly: bin b holds the
// scores s with b/100 ≤ s < (b+1)/100, found by the same float comparison `s >= k / 100` that a
// direct count uses, so aggregate and hand counts never disagree on a score such as 0.29.
export const SCORE_BINS = 101;

export function scoreBin(score: number): number {
  if (!(score > 0)) return 0;
  if (score >= 1) return 100;
  let b = Math.floor(score * 100);
  if (b + 1 <= 100 && score >= (b + 1) / 100) b += 1;
  if (b > 0 && score < b / 100) b -= 1;
  return b;
}

/** Whether a threshold is one the bins answer exactly: 0, 0.01, …, 1. */
export function isBinThreshold(t: number): boolean {
  return t >= 0 && t <= 1 && Math.abs(t * 100 - Math.round(t * 100)) < 1e-9;
}

export const thresholdBin = (t: number): number => Math.round(t * 100);

export const emptyBins = (): number[] => new Array<number>(SCORE_BINS).fill(0);

/**
 * ROC AUC from binned scores: the chance a random positive outranks a random negative, ties
 * within a bin counted as half. Null without both classes.
 */
export function binnedAuc(pos: readonly number[], neg: readonly number[]): number | null {
  let p = 0;
  let n = 0;
  for (let b = 0; b < SCORE_BINS; b++) {
    p += pos[b] ?? 0;
    n += neg[b] ?? 0;
  }
  if (p === 0 || n === 0) return null;
  let below = 0;
  let wins = 0;
  for (let b = 0; b < SCORE_BINS; b++) {
    wins += (pos[b] ?? 0) * (below + (neg[b] ?? 0) / 2);
    below += neg[b] ?? 0;
  }
  return wins / (p * n);
}

/** Adds `b` into `a` element-wise (in place), for merging days. */
export function addInto(a: number[], b: readonly number[], sign = 1): number[] {
  for (let i = 0; i < b.length; i++) a[i] = (a[i] ?? 0) + sign * b[i];
  return a;
}
