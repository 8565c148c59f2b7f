// Worker-thread entry for artifact previews and statistics: the compiled worker, or its TypeScript
// through tsx where that build is missing or stale (bin/load-worker.mjs).
import { loadWorker } from '../../bin/load-worker.mjs';

export default await loadWorker('artifact-worker', new URL('./artifact-worker.ts', import.meta.url));
