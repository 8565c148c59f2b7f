// One side of the CSV benchmark, in its own process so its peak memory is its own: `parse` reads
// the file into typed Arrow columns (what read_csv does); `import` also encodes the Arrow IPC file
// and hashes it, as an upload does. Prints one JSON line.
import { statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { RecordBatchFileWriter } from 'apache-arrow';
import { readCsv } from '../nodes/ingest/csv/read-csv';
import { fileChunks } from '../server/datasets/file-chunks';

const [file, mode = 'parse'] = process.argv.slice(2);
const start = performance.now();
const parsed = await readCsv(() => fileChunks(file), {
  sizeHint: statSync(file).size,
  limits: { maxBytes: undefined },
});
const parseSeconds = (performance.now() - start) / 1000;
let hash: string | undefined;
if (mode === 'import') {
  const sha = createHash('sha256');
  for await (const chunk of RecordBatchFileWriter.writeAll(parsed.table)) sha.update(chunk);
  hash = sha.digest('hex');
}
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ rows: parsed.rows, seconds, parseSeconds, peakMb: process.resourceUsage().maxRSS / 1024, hash }));
