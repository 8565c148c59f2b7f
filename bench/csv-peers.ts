// The sides of the CSV benchmark, each a child process so its peak RSS is its own: ours, pandas,
// polars and DuckDB, the last two at their default thread count (one per core) and at one thread.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';

const PYTHON = '/usr/bin/python3';
const CORES = availableParallelism();

export interface Measured {
  rows: number;
  seconds: number;
  peakMb: number;
  version?: string;
  threads?: string;
}

export interface Side {
  key: 'ours' | 'pandas' | 'polars' | 'polars-1' | 'duckdb' | 'duckdb-1';
  label: string;
  /** What the side's threads are, as the table states them. */
  threads: string;
  /** A peer at its default settings (the one-thread variants are `false`). */
  peer: boolean;
  run(file: string): Measured | { failed: string };
}

function runJson(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Measured | { failed: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 600_000, cwd: process.cwd(), env });
  if (result.status !== 0) return { failed: (result.stderr || result.error?.message || 'failed').trim().split('\n').at(-1)! };
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Measured;
}

const here = (file: string) => path.join(import.meta.dirname, file);
const withoutPolarsThreads = () => {
  const env = { ...process.env };
  delete env.POLARS_MAX_THREADS;
  return env;
};

export const CSV_SIDES: Side[] = [
  { key: 'ours', label: 'Pipeworks readCsv', threads: '1 (JS main thread)', peer: false, run: (f) => runJson(process.execPath, ['--import', 'tsx', here('csv-parse-child.ts'), f, 'parse']) },
  { key: 'pandas', label: 'pandas read_csv', threads: '1 (its C parser is single-threaded)', peer: true, run: (f) => runJson(PYTHON, [here('csv-pandas.py'), f]) },
  { key: 'polars', label: 'polars readCSV', threads: `${CORES} (default: one per core)`, peer: true, run: (f) => runJson(process.execPath, [here('csv-polars-child.mjs'), f], withoutPolarsThreads()) },
  { key: 'polars-1', label: 'polars readCSV', threads: '1 (POLARS_MAX_THREADS=1)', peer: false, run: (f) => runJson(process.execPath, [here('csv-polars-child.mjs'), f], { ...process.env, POLARS_MAX_THREADS: '1' }) },
  { key: 'duckdb', label: 'DuckDB read_csv into a table', threads: `${CORES} (default: one per core)`, peer: true, run: (f) => runJson(process.execPath, [here('csv-duckdb-child.mjs'), f]) },
  { key: 'duckdb-1', label: 'DuckDB read_csv into a table', threads: "1 (SET threads = 1)", peer: false, run: (f) => runJson(process.execPath, [here('csv-duckdb-child.mjs'), f, '1']) },
];

export const ourImport = (file: string) => runJson(process.execPath, ['--import', 'tsx', here('csv-parse-child.ts'), file, 'import']);
