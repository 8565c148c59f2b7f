// Builds a ReferenceProfile from training columns, once, at registration.
import type { ColumnType } from '../../values';
import { assertNever } from '../../../engine/assert-never';
import { psiEdges } from './psi';
import {
  REFERENCE_CATEGORY_CAP,
  REFERENCE_SAMPLE_CAP,
  type CategoricalReference,
  type FeatureReference,
  type NumericReference,
  type ReferenceProfile,
} from './reference-types';
import { collapseSorted } from './sorted-sample';

export interface ReferenceColumn {
  name: string;
  type: ColumnType;
  /** Cells as read from the table: null for missing. */
  values: ArrayLike<unknown>;
}

export function referenceProfile(features: readonly ReferenceColumn[], target: ReferenceColumn | null, rows: number): ReferenceProfile {
  return { schemaVersion: 1, rows, features: features.map(featureReference), target: target ? featureReference(target) : null };
}

/** Which statistics a column type gets: numbers and datetimes are numeric, the rest categorical. */
export function driftKind(type: ColumnType): 'numeric' | 'categorical' {
  switch (type) {
    case 'numeric':
    case 'datetime':
      return 'numeric';
    case 'categorical':
    case 'boolean':
    case 'text':
      return 'categorical';
    default:
      return assertNever(type, 'column type');
  }
}

export function featureReference(column: ReferenceColumn): FeatureReference {
  return driftKind(column.type) === 'numeric' ? numericReference(column) : categoricalReference(column);
}

/** A finite number for a numeric cell, or NaN when it is missing or not a number. */
export function numericCell(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  return Number.NaN;
}

/** A category as text, or null when missing. */
export function categoryCell(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' && Number.isNaN(value)) return null;
  return String(value);
}

function numericReference(column: ReferenceColumn): NumericReference {
  const finite: number[] = [];
  for (let i = 0; i < column.values.length; i++) {
    const v = numericCell(column.values[i]);
    if (!Number.isNaN(v)) finite.push(v);
  }
  const sorted = Float64Array.from(finite).sort();
  const edges = psiEdges(sorted);
  const psiCounts = new Array<number>(edges.length + 1).fill(0);
  let bin = 0;
  for (const v of sorted) {
    while (bin < edges.length && v >= edges[bin]) bin++;
    psiCounts[bin]++;
  }
  const sample = collapseSorted(sorted);
  const grouped = sample.values.length > REFERENCE_SAMPLE_CAP ? groupSample(sample.values, sample.counts, sample.n) : null;
  return {
    name: column.name,
    kind: 'numeric',
    rows: column.values.length,
    missing: column.values.length - sorted.length,
    values: Array.from(grouped?.values ?? sample.values),
    counts: Array.from(grouped?.counts ?? sample.counts),
    exact: grouped === null,
    psiEdges: edges,
    psiCounts,
  };
}

/**
 * Consecutive distinct values merged until a group holds n/cap rows, each group placed at its
 * largest value: the ECDF is then exact at every group's end and low by less than 1/cap between.
 */
function groupSample(values: Float64Array, counts: Float64Array, n: number): { values: number[]; counts: number[] } {
  const target = n / REFERENCE_SAMPLE_CAP;
  const outValues: number[] = [];
  const outCounts: number[] = [];
  let acc = 0;
  for (let i = 0; i < values.length; i++) {
    acc += counts[i];
    if (acc >= target || i === values.length - 1) {
      outValues.push(values[i]);
      outCounts.push(acc);
      acc = 0;
    }
  }
  return { values: outValues, counts: outCounts };
}

function categoricalReference(column: ReferenceColumn): CategoricalReference {
  const counts = new Map<string, number>();
  let missing = 0;
  for (let i = 0; i < column.values.length; i++) {
    const c = categoryCell(column.values[i]);
    if (c === null) missing++;
    else counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = sorted.slice(0, REFERENCE_CATEGORY_CAP);
  const otherCount = sorted.slice(REFERENCE_CATEGORY_CAP).reduce((s, [, c]) => s + c, 0);
  return {
    name: column.name,
    kind: 'categorical',
    rows: column.values.length,
    missing,
    categories: kept.map(([value, count]) => ({ value, count })),
    otherCount,
  };
}
