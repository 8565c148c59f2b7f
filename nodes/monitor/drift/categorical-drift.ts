// One categorical feature: current category counts against the stored reference counts.
import { chiSquareContingency } from './chi-square';
import type { CategoricalDrift } from './drift-result';
import type { DriftThresholds } from './drift-thresholds';
import { judge } from './judge';
import { psiFromCounts } from './psi';
import type { CategoricalReference } from './reference-types';

const OTHER = '(other)';
const UNSEEN_LISTED = 20;

export function categoricalDrift(ref: CategoricalReference, values: readonly (string | null)[], invalid: number, t: DriftThresholds): CategoricalDrift {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const v of values) {
    if (v === null) missing++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const categories = ref.categories.map((c) => c.value);
  const reference = ref.categories.map((c) => c.count);
  const current = categories.map((c) => counts.get(c) ?? 0);
  for (const c of categories) counts.delete(c);
  // Under the category cap some training categories were lumped together: a current category
  // outside the list may be one of them, so it joins that bucket instead of counting as unseen.
  const unseen = ref.otherCount > 0 ? [] : [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (ref.otherCount > 0) {
    categories.push(OTHER);
    reference.push(ref.otherCount);
    current.push([...counts.values()].reduce((s, c) => s + c, 0));
  }
  for (const [value, count] of unseen) {
    categories.push(value);
    reference.push(0);
    current.push(count);
  }
  const present = values.length - missing;
  const unseenCount = unseen.reduce((s, [, c]) => s + c, 0);
  const both = present > 0 && ref.rows - ref.missing > 0;
  const chi = both ? chiSquareContingency([reference, current]) : null;
  const psi = both ? psiFromCounts(reference, current) : null;
  const missingRate = values.length ? missing / values.length : 0;
  const referenceMissingRate = ref.rows ? ref.missing / ref.rows : 0;
  const unseenShare = present ? unseenCount / present : 0;
  const verdict = judge(t, { psi, chiSquarePValue: chi?.pValue ?? null, unseenShare, missingRateIncrease: missingRate - referenceMissingRate });
  return {
    kind: 'categorical',
    name: ref.name,
    rows: values.length,
    missingRate,
    referenceMissingRate,
    invalid,
    psi,
    chiSquare: chi,
    unseenShare,
    unseen: unseen.slice(0, UNSEEN_LISTED).map(([value, count]) => ({ value, count })),
    histogram: { categories, reference, current },
    ...verdict,
  };
}
