// One numeric feature: the current window against its stored reference.
import type { NumericDrift } from './drift-result';
import type { DriftThresholds } from './drift-thresholds';
import { ks2samp } from './ks-2samp';
import { psiFromCounts } from './psi';
import type { NumericReference } from './reference-types';
import { collapseSorted, type SortedSample } from './sorted-sample';
import { wasserstein } from './wasserstein';
import { judge } from './judge';
import { sortFloat64 } from './sort-float64';

export function numericDrift(ref: NumericReference, values: Float64Array, invalid: number, t: DriftThresholds): NumericDrift {
  const finite = finiteSorted(values);
  const current = collapseSorted(finite);
  const reference: SortedSample = { values: Float64Array.from(ref.values), counts: Float64Array.from(ref.counts), n: ref.rows - ref.missing };
  const both = current.n > 0 && reference.n > 0;
  const ks = both ? ks2samp(reference, current) : null;
  const distance = both ? wasserstein(reference, current) : null;
  const binned = binSorted(current, ref.psiEdges);
  const psi = both ? psiFromCounts(ref.psiCounts, binned) : null;
  const missingRate = values.length ? (values.length - finite.length) / values.length : 0;
  const referenceMissingRate = ref.rows ? ref.missing / ref.rows : 0;
  const verdict = judge(t, {
    psi,
    ksPValue: ks?.pValue ?? null,
    ksStatistic: ks?.statistic ?? null,
    wasserstein: distance,
    missingRateIncrease: missingRate - referenceMissingRate,
  });
  return {
    kind: 'numeric',
    name: ref.name,
    rows: values.length,
    missingRate,
    referenceMissingRate,
    invalid,
    psi,
    ks: ks && { statistic: ks.statistic, pValue: ks.pValue, method: ks.method },
    wasserstein: distance,
    referenceExact: ref.exact,
    histogram: { edges: ref.psiEdges, reference: ref.psiCounts, current: Array.from(binned) },
    ...verdict,
  };
}

/** The present values (NaN marks missing), ascending. */
function finiteSorted(values: Float64Array): Float64Array {
  const present = new Float64Array(values.length);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present[k++] = values[i];
  return sortFloat64(present.subarray(0, k));
}

/** PSI bin counts from a sorted sample by one walk along the edges (edge[k−1] ≤ v < edge[k]). */
function binSorted(sample: SortedSample, edges: readonly number[]): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  let bin = 0;
  for (let i = 0; i < sample.values.length; i++) {
    while (bin < edges.length && sample.values[i] >= edges[bin]) bin++;
    counts[bin] += sample.counts[i];
  }
  return counts;
}
