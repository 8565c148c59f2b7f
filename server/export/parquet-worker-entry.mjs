// Worker-thread entry for Parquet exports: the compiled worker, or its TypeScript through tsx where
// that build is missing or stale (bin/load-worker.mjs).
import { loadWorker } from '../../bin/load-worker.mjs';

export default await loadWorker('parquet-worker', new URL('./parquet-worker.ts', import.meta.url));
