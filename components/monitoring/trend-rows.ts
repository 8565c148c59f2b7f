// Chart rows from a page's checks and figures: one row per check (its time), one column per
// series. Pure, so the charts only draw.
export interface TrendFigure {
  checkId: string;
  at: number;
  feature: string;
  metric: string;
  value: number;
  flagged: boolean;
}

export interface TrendCheck {
  id: string;
  startedAt: number;
}

export type TrendRow = { at: number; checkId: string } & Record<string, number | string | undefined>;

export interface FeatureSeries {
  feature: string;
  /** The latest check that has this figure flagged it. */
  flaggedNow: boolean;
  /** How many checks flagged it. */
  flaggedChecks: number;
}

/** One metric of every feature over the checks; `__prediction__` is the model's answers. */
export function featureTrend(checks: TrendCheck[], figures: TrendFigure[], metric: string): { rows: TrendRow[]; features: FeatureSeries[] } {
  const mine = figures.filter((f) => f.metric === metric && f.feature !== '');
  const features = [...new Set(mine.map((f) => f.feature))].sort();
  const rows = checks.map((c) => ({ at: c.startedAt, checkId: c.id }) as TrendRow);
  const index = new Map(checks.map((c, i) => [c.id, i]));
  const series = new Map(features.map((feature) => [feature, { feature, flaggedNow: false, flaggedChecks: 0, lastAt: -Infinity }]));
  for (const f of mine) {
    const i = index.get(f.checkId);
    if (i === undefined) continue;
    rows[i][f.feature] = f.value;
    if (f.flagged) rows[i][`${f.feature}:flagged`] = f.value;
    const s = series.get(f.feature)!;
    if (f.flagged) s.flaggedChecks++;
    if (f.at >= s.lastAt) {
      s.lastAt = f.at;
      s.flaggedNow = f.flagged;
    }
  }
  return { rows, features: [...series.values()].map(({ lastAt: _lastAt, ...s }) => s) };
}

/** Whole-model figures (feature '') of the given metrics over the checks; only metrics with a value. */
export function modelTrend(checks: TrendCheck[], figures: TrendFigure[], metrics: readonly string[]): { rows: TrendRow[]; metrics: string[] } {
  const rows = checks.map((c) => ({ at: c.startedAt, checkId: c.id }) as TrendRow);
  const index = new Map(checks.map((c, i) => [c.id, i]));
  const seen = new Set<string>();
  for (const f of figures) {
    if (f.feature !== '' || !metrics.includes(f.metric)) continue;
    const i = index.get(f.checkId);
    if (i === undefined) continue;
    rows[i][f.metric] = f.value;
    seen.add(f.metric);
  }
  return { rows, metrics: metrics.filter((m) => seen.has(m)) };
}
