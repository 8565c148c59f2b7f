// Series colours for charts: Tailwind's 500/600 shades, distinct for up to ten series, the first
// matching the indigo the rest of the studio uses for "the model".
export const SERIES_COLORS = ['#6366f1', '#10b981', '#f59e0b', '#f43f5e', '#0ea5e9', '#8b5cf6', '#84cc16', '#f97316', '#14b8a6', '#ec4899'] as const;

export const seriesColor = (k: number) => SERIES_COLORS[k % SERIES_COLORS.length];

/** Axes, grid and reference lines: quiet greys so the data stands out. */
export const CHART_GREYS = { grid: '#f4f4f5', axis: '#a1a1aa', text: '#71717a', reference: '#a1a1aa' } as const;

/** The markers of a binary classifier's operating points. */
export const MARKER_COLORS = { chosen: '#18181b', optimal: '#059669' } as const;
