// The one table docs/benchmarks.md opens with: every row of the run, its strongest peer, the
// ratio to it and whether we lead or trail. Rows with no peer product keep their own reference.
import type { BenchRow } from './bench-row';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function summaryTable(rows: BenchRow[]): string[] {
  const lines = ['| work | ours | strongest peer (same run) | ratio, ours ÷ peer | lead / trail |', '|---|---|---|---|---|'];
  for (const r of rows) {
    if (r.peer) {
      const p = r.peer;
      const verdict = !Number.isFinite(p.ratio) ? '**MISS** (peer not measured)' : p.ratio <= 1 ? 'lead' : '**trail (MISS)**';
      const ratio = Number.isFinite(p.ratio) ? `${p.ratio.toFixed(2)}× ${p.unit ?? 'time'}` : '—';
      lines.push(`| ${cell(p.work)} | ${cell(p.ours)} | ${cell(p.peer)} | ${ratio} | ${verdict} |`);
    } else {
      const verdict = `no peer product; own bar ${r.pass ? 'met' : '**MISS**'}`;
      lines.push(`| ${cell(r.name)} | ${cell(r.figure)} | none; reference: ${cell(r.reference)} | ${Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}×` : '—'} | ${verdict} |`);
    }
  }
  return lines;
}
