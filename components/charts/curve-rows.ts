// Threshold curves (ROC, precision-recall) as rows a chart can draw. Every series goes into one
// table sorted along the x axis, each row holding one series' value in its own column (`y0`,
// `y1`, …), so one tooltip works for one series or for one per class. Each series is monotone in
// x (ROC: rising false positive rate; PR: falling recall) and the sort is stable and in the same
// direction, so every series keeps its own order, ties included, and draws as it was computed.
// Stored curves are JSON, where an undefined value (a class absent from the data) is null.

export type CurveRow = { x: number; series: number; threshold: number | null } & { [column: `y${number}`]: number };

export interface CurveSource {
  label: string;
  x: readonly (number | null)[];
  y: readonly (number | null)[];
  thresholds: readonly (number | null)[];
}

export function curveRows(sources: readonly CurveSource[], direction: 'ascending' | 'descending'): CurveRow[] {
  const rows: CurveRow[] = [];
  sources.forEach((s, k) => {
    for (let i = 0; i < s.x.length; i++) {
      const x = s.x[i];
      const y = s.y[i];
      if (typeof x !== 'number' || typeof y !== 'number') continue;
      rows.push({ x, series: k, threshold: s.thresholds[i] ?? null, [`y${k}`]: y } as CurveRow);
    }
  });
  return rows.sort(direction === 'ascending' ? (a, b) => a.x - b.x : (a, b) => b.x - a.x);
}

/** The y value a row holds for its own series. */
export function rowValue(row: CurveRow): number {
  return row[`y${row.series}`];
}

/** A curve worth drawing: at least two points with numbers. */
export function drawable(source: CurveSource): boolean {
  let points = 0;
  for (let i = 0; i < source.x.length && points < 2; i++) if (typeof source.x[i] === 'number' && typeof source.y[i] === 'number') points++;
  return points >= 2;
}
