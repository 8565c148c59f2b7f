// The browser training bench as a static folder, for a machine with a GPU and Chromium but no
// Node (the lent GPU machines here): `npx tsx bench/browser-training-static.ts <out>` writes the
// bundled worker, the wasm files and a page that trains on each backend in `?backends=` in turn
// (per batch size in `?batches=`) and POSTs every reply to /result, then /done; bench/browser-training-static.py serves it and
// prints the replies. The training and its settings are the bench's own (browser-training-run.ts).
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorker, WASM_DIR } from './browser-training-serve';
import { MLP_BENCH_SETTINGS } from './mlp.bench';

const out = process.argv[2];
if (!out) throw new Error('usage: tsx bench/browser-training-static.ts <out-dir>');
const JOB = { trainRows: 80_000, ...MLP_BENCH_SETTINGS, seed: 1 };

const PAGE = `<!doctype html><meta charset="utf-8"><title>Pipeworks browser training bench</title>
<pre id="log"></pre>
<script>
// ?job={"epochs":2} overrides the bench's settings; ?batches=512,1024,2048,4096 repeats every
// backend per batch size, to see where a GPU starts to pay off; ?backends=webgpu,wasm picks backends.
const query = new URLSearchParams(location.search);
const base = Object.assign(${JSON.stringify(JOB)}, JSON.parse(query.get('job') || '{}'));
const batches = (query.get('batches') || String(base.batchSize)).split(',').map(Number);
const backends = (query.get('backends') || 'webgpu,webgl,wasm,cpu').split(',');
const send = (path, body) => fetch(path, { method: 'POST', body: JSON.stringify(body) });
const one = (job, backend) => new Promise((resolve) => {
  const worker = new Worker('/worker.js');
  const done = (reply) => { worker.terminate(); resolve({ batchSize: job.batchSize, ...reply }); };
  worker.onmessage = (event) => done(event.data);
  worker.onerror = (event) => done({ backend, status: 'failed', reason: 'worker error: ' + event.message });
  worker.postMessage({ ...job, backend, wasmPath: location.origin + '/wasm/' });
});
(async () => {
  await send('/result', { userAgent: navigator.userAgent, job: base, batches, backends });
  for (const batchSize of batches) {
    for (const backend of backends) await send('/result', await one({ ...base, batchSize }, backend));
  }
  await send('/done', {});
})();
</script>`;

await mkdir(path.join(out, 'wasm'), { recursive: true });
await bundleWorker(path.join(out, 'worker.js'));
for (const file of (await readdir(WASM_DIR)).filter((f) => f.endsWith('.wasm'))) await copyFile(path.join(WASM_DIR, file), path.join(out, 'wasm', file));
await writeFile(path.join(out, 'index.html'), PAGE);
console.log(`wrote ${out}`);
