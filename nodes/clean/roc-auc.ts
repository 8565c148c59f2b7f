// ROC AUC by the rank-sum (Mann–Whitney U) formula, ties given their average rank.

/**
 * AUC = (R₊ − n₊(n₊ + 1)/2) / (n₊ · n₋), where R₊ sums the 1-based ranks of the positives' scores
 * and tied scores share the average of their ranks. That is the probability that a random
 * positive scores above a random negative, ties counting half: sklearn's roc_auc_score.
 * NaN when either class is empty.
 */
export function rocAuc(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number {
  const n = scores.length;
  if (positive.length !== n) throw new Error(`rocAuc: ${n} scores for ${positive.length} labels`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let positives = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && scores[order[end]] === scores[order[start]]) end++;
    const averageRank = (start + 1 + end) / 2; // ranks start+1 .. end
    for (let k = start; k < end; k++) {
      if (positive[order[k]]) {
        rankSum += averageRank;
        positives++;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
