// Round axis bounds and ticks (0, 100, 200 rather than 12.36, 102.4) for axes whose range comes
// from the data, as d3's nice() does: a step of 1, 2, 2.5 or 5 times a power of ten.

export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo === hi) return [lo];
  const raw = (hi - lo) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision: 0.1 + 0.2 should read 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let t = first; t < hi + step * 1e-9; t += step) ticks.push(Number(t.toFixed(digits)));
  if (ticks[ticks.length - 1] < hi) ticks.push(Number((ticks[ticks.length - 1] + step).toFixed(digits)));
  return ticks;
}
