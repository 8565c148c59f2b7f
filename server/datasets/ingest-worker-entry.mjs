// Worker-thread entry for imports: the compiled worker, or its TypeScript through tsx where that
// build is missing or stale (bin/load-worker.mjs).
import { loadWorker } from '../../bin/load-worker.mjs';

export default await loadWorker('ingest-worker', new URL('./ingest-worker.ts', import.meta.url));
