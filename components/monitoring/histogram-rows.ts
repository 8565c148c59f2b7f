// A check's reference-versus-current histogram as chart rows: each bin's share of its side (%),
// so windows of different sizes compare; the bin's label is its range or its category.
export type HistogramDetail =
  | { kind: 'numeric'; edges: number[]; reference: number[]; current: number[] }
  | { kind: 'categorical'; categories: string[]; reference: number[]; current: number[] };

export interface HistogramRow {
  bin: string;
  reference: number;
  current: number;
  referenceCount: number;
  currentCount: number;
}

const short = (x: number) => (Math.abs(x) >= 1000 ? x.toFixed(0) : Number(x.toPrecision(3)).toString());

/** PSI bins: n − 1 inner edges make n bins, the first open below, the last open above. */
export function binLabels(detail: HistogramDetail): string[] {
  if (detail.kind === 'categorical') return detail.categories;
  const { edges, reference } = detail;
  if (edges.length === reference.length + 1) return reference.map((_, i) => `${short(edges[i])}–${short(edges[i + 1])}`);
  return reference.map((_, i) => (i === 0 ? `< ${short(edges[0])}` : i === reference.length - 1 ? `≥ ${short(edges[i - 1])}` : `${short(edges[i - 1])}–${short(edges[i])}`));
}

export function histogramRows(detail: HistogramDetail): HistogramRow[] {
  const labels = binLabels(detail);
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0) || 1;
  const r = total(detail.reference);
  const c = total(detail.current);
  return labels.map((bin, i) => ({
    bin,
    reference: (100 * (detail.reference[i] ?? 0)) / r,
    current: (100 * (detail.current[i] ?? 0)) / c,
    referenceCount: detail.reference[i] ?? 0,
    currentCount: detail.current[i] ?? 0,
  }));
}
