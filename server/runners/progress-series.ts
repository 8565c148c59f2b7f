// A step's numeric progress (an epoch's loss, a tree count) as a bounded, evenly thinned series.
// A training run can report thousands of epochs; the run view must stay small, so every time the
// kept points reach the cap, every other one is dropped and from then on only every other event
// is kept. Kept points stay evenly spaced over the events, the first one always among them.
import type { ProgressPoint } from '../db/schema';

export const MAX_SERIES_POINTS = 1000;

/** The finite numbers of a progress event's data; null when it has none (nothing to chart). */
export function numericData(data: Record<string, unknown> | undefined): Record<string, number> | null {
  if (!data) return null;
  const numbers: Record<string, number> = {};
  let any = false;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'number' && Number.isFinite(value)) {
      numbers[key] = value;
      any = true;
    }
  }
  return any ? numbers : null;
}

export class ProgressSeries {
  private kept: ProgressPoint[] = [];
  /** Only events whose index is a multiple of the stride are kept. */
  private stride = 1;
  private seen = 0;
  private latest: ProgressPoint | null = null;

  constructor(private readonly max = MAX_SERIES_POINTS) {
    if (max < 2) throw new Error('A progress series needs room for at least two points');
  }

  add(point: ProgressPoint): void {
    const index = this.seen++;
    this.latest = point;
    if (index % this.stride !== 0) return;
    this.kept.push(point);
    // Below the cap by one, so the newest point always fits beside the kept ones.
    if (this.kept.length >= this.max) {
      this.kept = this.kept.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
    }
  }

  /** The kept points, then the newest one if thinning skipped it: a live chart ends at "now". */
  points(): ProgressPoint[] {
    const last = this.kept[this.kept.length - 1];
    return this.latest && this.latest !== last ? [...this.kept, this.latest] : [...this.kept];
  }
}
