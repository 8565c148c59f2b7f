// The CSV benchmark's polars side, in its own process so its peak RSS is its own: nodejs-polars'
// readCSV of the whole file into a DataFrame (typed columns in memory). Threads come from
// POLARS_MAX_THREADS, which the parent sets before polars loads. Prints one JSON line.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';

const require = createRequire(import.meta.url);
const [file] = process.argv.slice(2);
const startMb = process.memoryUsage().rss / 2 ** 20;
const pl = require('nodejs-polars');
const { version } = require('nodejs-polars/package.json');
const start = performance.now();
const frame = pl.readCSV(file);
const seconds = (performance.now() - start) / 1000;
const [rows, columns] = [frame.height, frame.width];
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ rows, columns, seconds, peakMb, startMb, version, threads: process.env.POLARS_MAX_THREADS ?? String(availableParallelism()) }));
