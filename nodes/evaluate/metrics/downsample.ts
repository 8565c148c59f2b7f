// Thins long series for display. Metrics are always computed on the full data; only what a chart
// draws is thinned, so a 1M-row evaluation still yields a small metrics artifact.

/**
 * At most `max` indices of 0..n−1, evenly spaced, always with the first and the last, plus every
 * index in `keep` (e.g. the cost-optimal point), ascending and without duplicates.
 */
export function pickIndices(n: number, max: number, keep: readonly number[] = []): number[] {
  if (n <= 0) return [];
  const picked = new Set<number>(keep.filter((i) => i >= 0 && i < n));
  const room = Math.max(2, max - picked.size);
  if (n <= room) for (let i = 0; i < n; i++) picked.add(i);
  else for (let j = 0; j < room; j++) picked.add(Math.round((j * (n - 1)) / (room - 1)));
  return [...picked].sort((a, b) => a - b);
}

/** The same indices taken from several parallel arrays. */
export function pickFrom<T extends Record<string, ArrayLike<number>>>(
  series: T,
  indices: readonly number[],
): { [K in keyof T]: number[] } {
  const out = {} as { [K in keyof T]: number[] };
  for (const key of Object.keys(series) as (keyof T)[]) out[key] = indices.map((i) => series[key][i]);
  return out;
}
