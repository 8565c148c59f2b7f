// CSV ingest of a generated 1,000,000 × 20 CSV (about 225 MB) into typed columns in memory: time
// and peak memory of a process doing only that, against pandas, polars and DuckDB measured the same
// way in the same run, in alternating rounds. polars and DuckDB run at their default thread count
// (one per core; ours uses one thread) and at one thread; the strongest peer is the fastest of all
// those (on a loaded machine one thread can win). Bar: at most its time and its peak memory.
// Run alone: npx tsx bench/csv.bench.ts [--rows N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchRow } from './bench-row';
import { writeBenchCsv } from './csv-generate';
import { CSV_SIDES, ourImport, type Measured, type Side } from './csv-peers';

const REPEATS = 3;

interface SideResult {
  side: Side;
  runs: Measured[];
  failed?: string;
}

function median(runs: Measured[]): Measured {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
}

const seconds = (m: Measured) => `${m.seconds.toFixed(2)} s`;
const describe = (r: SideResult) => {
  if (r.failed) return `${r.side.label}: failed (${r.failed})`;
  const m = median(r.runs);
  const range = r.runs.map((x) => x.seconds.toFixed(2)).join(' / ');
  return `${r.side.label}${m.version ? ` ${m.version}` : ''} ${seconds(m)} (${range}), peak RSS ${Math.round(m.peakMb)} MB, threads ${r.side.threads}`;
};

export async function benchCsv(rows = 1_000_000): Promise<BenchRow> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pipeworks-csv-bench-'));
  const file = path.join(dir, 'bench.csv');
  try {
    const bytes = await writeBenchCsv(file, rows);
    const name = `CSV ingest, ${rows.toLocaleString('en')} × 20 (${Math.round(bytes / 1e6)} MB), parse to typed columns in memory`;
    const bar = "time ≤ the strongest peer's (the fastest of pandas, polars and DuckDB, any thread count), peak RSS ≤ its";
    const results: SideResult[] = CSV_SIDES.map((side) => ({ side, runs: [] }));
    // Alternate the sides round by round, starting each round one side later, so all see the same load.
    for (let round = 0; round < REPEATS; round++) {
      for (let i = 0; i < results.length; i++) {
        const r = results[(i + round) % results.length];
        if (r.failed) continue;
        const run = r.side.run(file);
        if ('failed' in run) r.failed = run.failed;
        else if (run.rows !== rows) r.failed = `read ${run.rows} rows, expected ${rows}`;
        else r.runs.push(run);
      }
    }
    const [ours, ...others] = results;
    if (ours.failed) throw new Error(`our parse failed: ${ours.failed}`);
    const o = median(ours.runs);
    const full = ourImport(file);
    console.log(`\n[csv] ${rows.toLocaleString('en')} rows, ${REPEATS} alternating rounds, median time (all rounds), peak RSS of the median run:`);
    for (const r of results) {
      const ratio = r.failed ? '' : `; ours ÷ this: time ${(o.seconds / median(r.runs).seconds).toFixed(2)}×, memory ${(o.peakMb / median(r.runs).peakMb).toFixed(2)}×`;
      console.log(`[csv]   ${describe(r)}${ratio}`);
    }
    const figure =
      `${seconds(o)} (${Math.round(rows / o.seconds).toLocaleString('en')} rows/s, median of ${REPEATS}), peak RSS ${Math.round(o.peakMb)} MB, 1 thread; ` +
      `with Arrow IPC encoding and sha256 as an upload does: ${'failed' in full ? `failed (${full.failed})` : `${seconds(full)}, ${Math.round(full.peakMb)} MB`}`;
    const measured = others.filter((r) => !r.failed);
    const missing = others.filter((r) => r.failed).map((r) => `${r.side.key}: ${r.failed}`);
    if (measured.length === 0) return { name, figure, reference: `no peer ran (${missing.join('; ')})`, ratio: NaN, bar, pass: false };
    const strongest = measured.reduce((a, b) => (median(b.runs).seconds < median(a.runs).seconds ? b : a));
    const s = median(strongest.runs);
    const oneThread = strongest.side.peer ? others.find((r) => r.side.key === `${strongest.side.key}-1`) : undefined;
    const ratio = o.seconds / s.seconds;
    const memoryRatio = o.peakMb / s.peakMb;
    const peer = `${strongest.side.label} ${s.version ?? ''} ${seconds(s)}, ${Math.round(s.peakMb)} MB, threads ${strongest.side.threads}`.replace('  ', ' ');
    return {
      name,
      figure,
      reference:
        `strongest peer ${peer}` +
        (oneThread && !oneThread.failed ? ` (at 1 thread ${seconds(median(oneThread.runs))}, ${Math.round(median(oneThread.runs).peakMb)} MB)` : '') +
        `; memory ratio ${memoryRatio.toFixed(2)}×; also: ${others.filter((r) => r !== strongest).map(describe).join('; ')}` +
        (missing.length ? `; not measured: ${missing.join('; ')}` : ''),
      ratio,
      bar,
      pass: ratio <= 1 && memoryRatio <= 1 && missing.length === 0,
      peer: {
        work: `CSV ingest, ${rows.toLocaleString('en')} × 20 to typed columns`,
        ours: `${seconds(o)}, ${Math.round(o.peakMb)} MB peak, 1 thread`,
        peer: peer + (oneThread && !oneThread.failed ? `; at 1 thread ${seconds(median(oneThread.runs))}` : ''),
        ratio,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--rows');
  const r = await benchCsv(at > 0 ? Number(process.argv[at + 1]) : undefined);
  console.log(`\n${r.pass ? 'PASS' : 'MISS'}  ${r.name}`);
  console.log(`      ours: ${r.figure}`);
  console.log(`      reference (same run): ${r.reference}`);
  console.log(`      time ratio ${r.ratio.toFixed(2)}× the strongest peer; bar: ${r.bar}`);
  if (!r.pass) process.exitCode = 1;
}
