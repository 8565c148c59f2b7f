// Worker-thread entry for the server's training speed probe: the compiled probe, or its
// TypeScript through tsx where that build is missing or stale (bin/load-worker.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { loadWorker } from '../../bin/load-worker.mjs';

const measure = await loadWorker('speed-probe', new URL('./speed-probe-worker.ts', import.meta.url));
parentPort.postMessage(await measure(workerData));
