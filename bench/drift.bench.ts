// Drift check over 1,000,000 logged rows × 20 numeric features against stored reference
// statistics (100,000 training rows, exact), against scipy's ks_2samp plus numpy's histogram over
// the same arrays, measured in the same run. Each side runs in its own process so its peak memory
// is its own. Bar: ratio (scipy time / ours) at least 1.0.
// Run alone: npx tsx bench/drift.bench.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CURRENT_ROWS, FEATURES, REFERENCE_ROWS, writeDriftData } from './drift-data';
import type { BenchRow } from './bench-row';

const PYTHON = '/usr/bin/python3';
const REPEATS = 3;
const BAR = 1;

export type DriftBenchRow = BenchRow;

interface Side {
  seconds: number[];
  baselineRssMb: number;
  peakRssMb: number;
}
interface Ours extends Side {
  driftedFeatures: string[];
  features: { name: string; ks: { statistic: number; pValue: number }; psi: number }[];
}
interface LogRun {
  cold: { seconds: number; cpuSeconds: number };
  seconds: number[];
  cpuSeconds: number[];
  seedSeconds: number;
  baselineRssMb: number;
  peakRssMb: number;
  driftedFeatures: string[];
}
interface Scipy extends Side {
  results: { statistic: number; pvalue: number; counts: number[] }[];
}

/** Two rows: the check on columns (the bar) and the same check end to end from the prediction log. */
export async function benchDrift(): Promise<DriftBenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pipeworks-drift-'));
  try {
    const files = writeDriftData(dir);
    const name = `drift check: ${CURRENT_ROWS.toLocaleString('en')} logged rows × ${FEATURES} numeric features vs stored reference (${REFERENCE_ROWS.toLocaleString('en')} training rows): KS + p-value, Wasserstein, PSI, missing rates`;
    const bar = `at least ${BAR}× scipy ks_2samp + numpy histogram`;
    const ours = run<Ours>(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'drift-check-child.ts'), files.profilePath, files.currentPath, String(CURRENT_ROWS), String(REPEATS)]);
    if ('missing' in ours) return [{ name, figure: `failed: ${ours.missing}`, reference: '', ratio: NaN, bar, pass: false }];
    const oursSeconds = median(ours.seconds);
    const figure = `${oursSeconds.toFixed(2)} s median of ${REPEATS}, peak RSS ${ours.peakRssMb.toFixed(0)} MB (${(ours.peakRssMb - ours.baselineRssMb).toFixed(0)} MB above the loaded data); drifted: ${ours.driftedFeatures.join(', ')}`;
    if (!existsSync(PYTHON)) return [{ name, figure, reference: `missing: ${PYTHON} (Debian python3-scipy)`, ratio: NaN, bar, pass: false }];
    const scipy = run<Scipy>(PYTHON, [path.join(import.meta.dirname, 'drift-scipy.py'), files.referencePath, files.currentPath, files.profilePath, String(REFERENCE_ROWS), String(CURRENT_ROWS), String(REPEATS)]);
    if ('missing' in scipy) return [{ name, figure, reference: `missing: ${scipy.missing}`, ratio: NaN, bar, pass: false }];
    const gaps = ours.features.map((f, i) => Math.max(Math.abs(f.ks.statistic - scipy.results[i].statistic), Math.abs(f.ks.pValue - scipy.results[i].pvalue)));
    console.log(`[drift] largest KS statistic/p-value difference from scipy over the ${FEATURES} features: ${Math.max(...gaps).toExponential(1)}`);
    const scipySeconds = median(scipy.seconds);
    const ratio = scipySeconds / oursSeconds;
    const reference = `scipy ks_2samp + np.histogram ${scipySeconds.toFixed(2)} s median of ${REPEATS}, peak RSS ${scipy.peakRssMb.toFixed(0)} MB (${(scipy.peakRssMb - scipy.baselineRssMb).toFixed(0)} MB above the loaded data)`;
    // Both sides run on one thread: numpy's sort and scipy's ks_2samp do not use BLAS threads.
    const peer = `scipy ks_2samp + np.histogram ${scipySeconds.toFixed(2)} s, 1 thread (reads the raw training values, computes less)`;
    const work = `drift check, 1M logged rows × ${FEATURES} features`;
    const row: BenchRow = { name, figure, reference, ratio, bar, pass: ratio >= BAR, peer: { work: `${work}, columns in memory`, ours: `${oursSeconds.toFixed(2)} s, 1 thread`, peer, ratio: oursSeconds / scipySeconds } };
    const log = run<LogRun>(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'drift-log-child.ts'), path.join(dir, 'data'), files.profilePath, files.currentPath, String(CURRENT_ROWS), String(REPEATS)]);
    const logName = `the same drift check end to end: endpointDrift reading the ${CURRENT_ROWS.toLocaleString('en')} predictions from the prediction log, logged as serving logs them (rows plus one columnar block per 500-entry batch)`;
    if ('missing' in log) return [row, { name: logName, figure: `failed: ${log.missing}`, reference: '', ratio: NaN, bar, pass: false }];
    const logSeconds = median(log.seconds);
    const logRatio = scipySeconds / logSeconds;
    return [
      row,
      {
        name: logName,
        figure: `${logSeconds.toFixed(2)} s median of ${REPEATS} (${median(log.cpuSeconds).toFixed(2)} s of CPU) after a cold first check of ${log.cold.seconds.toFixed(2)} s (${log.cold.cpuSeconds.toFixed(2)} s of CPU; cold ratio ${(scipySeconds / log.cold.seconds).toFixed(2)}×); log seeded in ${log.seedSeconds.toFixed(0)} s; peak RSS ${log.peakRssMb.toFixed(0)} MB (${(log.peakRssMb - log.baselineRssMb).toFixed(0)} MB above the seeded process); drifted: ${log.driftedFeatures.join(', ')}`,
        reference: `scipy ks_2samp + np.histogram on arrays already in memory, ${scipySeconds.toFixed(2)} s (above)`,
        ratio: logRatio,
        bar,
        pass: logRatio >= BAR,
        peer: { work: `${work}, end to end from the prediction log`, ours: `${logSeconds.toFixed(2)} s, 1 thread`, peer: `${peer}, on arrays already in memory`, ratio: logSeconds / scipySeconds },
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run<T>(command: string, args: string[]): T | { missing: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 2 ** 20 });
  if (result.status !== 0) return { missing: (result.stderr || result.error?.message || 'failed').trim().split('\n').at(-1) ?? 'failed' };
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as T;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await benchDrift()) {
    console.log(`${row.pass ? 'PASS' : 'MISS'}  ${row.name}\n      ${row.figure}; reference: ${row.reference}; ratio ${row.ratio.toFixed(2)}×; bar: ${row.bar}`);
  }
}
