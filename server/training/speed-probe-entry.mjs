// Worker-thread entry for the server's training speed probe: the compiled probe, or its
// TypeScript through tsx where that build is missing or stale (bin/load-worker.mjs).
import { loadWorker } from '../../bin/load-worker.mjs';

export default await loadWorker('speed-probe', new URL('./speed-probe-worker.ts', import.meta.url));
