import { describe, expect, it } from 'vitest';
import { chartCsv, csvFileName } from './chart-csv';

describe('chartCsv', () => {
  it('writes a header and one line per point, empty cells for missing values', () => {
    const csv = chartCsv(
      [
        { key: 'date', header: 'date' },
        { key: 'auc', header: 'ROC AUC' },
      ],
      [
        { date: '2026-12-05', auc: 0.91 },
        { date: '2026-12-06', auc: null },
      ],
    );
    expect(csv).toBe('date,ROC AUC\n2026-12-05,0.91\n2026-12-06,\n');
  });

  it('quotes cells with commas or quotes, and defuses spreadsheet formulas', () => {
    expect(chartCsv([{ key: 'a', header: 'value, USD' }], [{ a: '=1+1' }, { a: 'say "hi"' }])).toBe(`"value, USD"\n'=1+1\n"say ""hi"""\n`);
    expect(chartCsv([{ key: 'a', header: 'n' }], [{ a: -3 }])).toBe('n\n-3\n');
  });

  it('names the file after the chart', () => {
    expect(csvFileName('Latency p95 (ms)')).toBe('latency-p95-ms.csv');
  });
});
