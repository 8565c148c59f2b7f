// A chart's data as CSV: a header of column names, one line per point, cells quoted when they
// need it, empty for a missing value (never "null"), so a spreadsheet reads what the chart drew.
export function chartCsv(columns: readonly { key: string; header: string }[], rows: readonly object[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell((row as Record<string, unknown>)[c.key])).join(','));
  return `${lines.join('\n')}\n`;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // A text cell a spreadsheet would run as a formula is kept as text by a leading apostrophe.
  const text = /^[=+\-@]/.test(String(value)) ? `'${String(value)}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A file name from a chart title: lower-case words joined by dashes. */
export function csvFileName(title: string): string {
  return `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart'}.csv`;
}
