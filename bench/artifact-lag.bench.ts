// How long the serving thread stalls while someone opens a large table artifact: its first page
// and its column statistics (re-hash, decode, profile). The figure is the worst event-loop delay
// with the work in the artifact worker pool, as the tRPC procedures do it; the reference is the
// same work on the serving thread, as it was before issue 14 (finding 3).
// Run: npm run bench -- artifact-lag
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeValue } from '../nodes/codec';
import { tableFromColumns, type ColumnData } from '../nodes/table/table-from-columns';
import { writeArtifactBytes } from '../server/store/artifact-files';
import { previewArtifactInWorker, tableStatsInWorker } from '../server/store/artifact-pool';
import { clearDecodedArtifacts } from '../server/store/decoded-artifacts';
import { previewArtifact } from '../server/store/preview';
import { tableStats } from '../server/store/table-stats';

const ROWS = 8_000_000;
const BAR_MS = 100;
const TICK_MS = 5;

export interface ArtifactLagBench {
  rows: number;
  megabytes: number;
  workerMaxLagMs: number;
  workerWallMs: number;
  mainMaxLagMs: number;
  mainWallMs: number;
  barMs: number;
  loadAverage: number;
}

function table(): ColumnData[] {
  const numbers = (k: number) => Float64Array.from({ length: ROWS }, (_, i) => ((i * 7919 + k * 104729) % 100_003) / 7);
  const cities = ['Oslo', 'Lima', 'Pune', 'Kyiv', 'Accra'];
  return [
    { info: { name: 'a', type: 'numeric', role: 'feature' }, values: numbers(1) },
    { info: { name: 'b', type: 'numeric', role: 'feature' }, values: numbers(2) },
    { info: { name: 'c', type: 'numeric', role: 'feature' }, values: numbers(3) },
    { info: { name: 'city', type: 'categorical', role: 'feature' }, values: Array.from({ length: ROWS }, (_, i) => cities[i % cities.length]) },
  ];
}

/** Worst gap between timer ticks while `work` runs: how long any other request would have waited. */
async function maxLag(work: () => Promise<unknown>): Promise<{ lag: number; wall: number }> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  const started = performance.now();
  await work();
  const wall = performance.now() - started;
  // One more tick, so a stall at the very end is counted too.
  await new Promise((resolve) => setTimeout(resolve, TICK_MS * 2));
  clearInterval(timer);
  return { lag: Math.max(0, worst), wall };
}

export async function benchArtifactLag(): Promise<ArtifactLagBench> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pipeworks-bench-artifact-lag-'));
  try {
    const columns = table();
    const encoded = encodeValue({ kind: 'table', table: tableFromColumns(columns), columns: columns.map((c) => c.info) });
    const { id, size } = await writeArtifactBytes(dataDir, encoded.bytes);
    const open = (preview: typeof previewArtifactInWorker, stats: typeof tableStats) => async () => {
      await preview(dataDir, id, 'table', 0, 50);
      await stats(dataDir, id);
    };
    // Start the worker first, so the figure is the work and not a thread's start-up.
    const warm = await writeArtifactBytes(dataDir, encodeValue({ kind: 'table', table: tableFromColumns([columns[0]].map((c) => ({ ...c, values: [1] }))), columns: [columns[0].info] }).bytes);
    await previewArtifactInWorker(dataDir, warm.id, 'table', 0, 1);
    const worker = await maxLag(open(previewArtifactInWorker, tableStatsInWorker));
    clearDecodedArtifacts();
    const main = await maxLag(open(previewArtifact, tableStats));
    return {
      rows: ROWS,
      megabytes: size / 1e6,
      workerMaxLagMs: worker.lag,
      workerWallMs: worker.wall,
      mainMaxLagMs: main.lag,
      mainWallMs: main.wall,
      barMs: BAR_MS,
      loadAverage: loadavg()[0],
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchArtifactLag(), null, 2));
  process.exit(0);
}
