// CSV ingest of a generated 1,000,000 × 20 CSV (about 230 MB): rows per second and peak memory of
// a process doing only the parse, against pandas.read_csv measured the same way in the same run
// (Debian's python3-pandas at /usr/bin/python3). Bar: at least pandas' rows/s, at most its memory.
// Run alone: npx tsx bench/csv.bench.ts [--rows N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeBenchCsv } from './csv-generate';

const PYTHON = '/usr/bin/python3';
const REPEATS = 3;

interface Measured {
  rows: number;
  seconds: number;
  peakMb: number;
  parseSeconds?: number;
  version?: string;
}

function runJson(command: string, args: string[]): Measured | { failed: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 600_000, cwd: process.cwd() });
  if (result.status !== 0) return { failed: (result.stderr || result.error?.message || 'failed').trim().split('\n').at(-1)! };
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Measured;
}

const ours = (file: string, mode: 'parse' | 'import') =>
  runJson(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'csv-parse-child.ts'), file, mode]);
const pandas = (file: string) => runJson(PYTHON, [path.join(import.meta.dirname, 'csv-pandas.py'), file]);

function median(runs: Measured[]): Measured {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
}

function unwrap(run: Measured | { failed: string }, what: string): Measured {
  if ('failed' in run) throw new Error(`${what} failed: ${run.failed}`);
  return run;
}

export async function benchCsv(rows = 1_000_000) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pipeworks-csv-bench-'));
  const file = path.join(dir, 'bench.csv');
  try {
    const bytes = await writeBenchCsv(file, rows);
    const name = `CSV ingest, ${rows.toLocaleString('en')} × 20 (${Math.round(bytes / 1e6)} MB), parse to typed Arrow columns`;
    const bar = 'rows/s ≥ pandas.read_csv, peak RSS ≤ pandas';
    const probe = existsSync(PYTHON) ? pandas(file) : { failed: `${PYTHON} not found` };
    const pandasMissing = 'failed' in probe ? probe.failed : null;
    const oursRuns: Measured[] = [];
    const pandasRuns: Measured[] = pandasMissing ? [] : [probe as Measured];
    // Alternate the two so both see the same machine load.
    for (let i = 0; i < REPEATS; i++) {
      oursRuns.push(unwrap(ours(file, 'parse'), 'our parse'));
      if (!pandasMissing && pandasRuns.length < REPEATS) pandasRuns.push(unwrap(pandas(file), 'pandas'));
    }
    const o = median(oursRuns);
    const full = unwrap(ours(file, 'import'), 'our import');
    if (o.rows !== rows) throw new Error(`our parse read ${o.rows} rows, expected ${rows}`);
    const oursRate = rows / o.seconds;
    const figure =
      `${Math.round(oursRate).toLocaleString('en')} rows/s (${o.seconds.toFixed(2)} s, median of ${REPEATS}), peak RSS ${Math.round(o.peakMb)} MB; ` +
      `with Arrow IPC encoding and sha256 as an upload does: ${full.seconds.toFixed(2)} s, ${Math.round(full.peakMb)} MB`;
    if (pandasMissing) {
      return { name, figure, reference: `pandas missing (${pandasMissing}); install python3-pandas`, ratio: Number.NaN, bar, pass: false, detail: { ours: o, full } };
    }
    const p = median(pandasRuns);
    const pandasRate = rows / p.seconds;
    return {
      name,
      figure,
      reference: `pandas ${p.version} read_csv ${Math.round(pandasRate).toLocaleString('en')} rows/s (${p.seconds.toFixed(2)} s), peak RSS ${Math.round(p.peakMb)} MB`,
      ratio: oursRate / pandasRate,
      bar,
      pass: oursRate >= pandasRate && o.peakMb <= p.peakMb,
      detail: { ours: o, full, pandas: p, memoryRatio: o.peakMb / p.peakMb },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--rows');
  const r = await benchCsv(at > 0 ? Number(process.argv[at + 1]) : undefined);
  console.log(`${r.pass ? 'PASS' : 'MISS'}  ${r.name}`);
  console.log(`      ours: ${r.figure}`);
  console.log(`      reference (same run): ${r.reference}`);
  console.log(`      speed ratio ${r.ratio.toFixed(2)}× pandas` + (r.detail.memoryRatio ? `; memory ratio ${r.detail.memoryRatio.toFixed(2)}× pandas` : ''));
  if (!r.pass) process.exitCode = 1;
}
