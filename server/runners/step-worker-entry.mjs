// Worker-thread entry of the step pool (worker-pool.ts): the step worker compiled beside the CLI, or
// its TypeScript through tsx where that build is missing or stale (bin/load-worker.mjs). A first
// step used to pay tsx's start-up, seconds on a busy machine. PIPEWORKS_STEP_WORKER=tsx forces tsx
// (the step-start bench compares the two).
import { loadWorker } from '../../bin/load-worker.mjs';

const choice = process.env.PIPEWORKS_STEP_WORKER || undefined;
// server/env.ts refuses any other value at start-up; a process that never read it is told here.
if (choice !== undefined && choice !== 'tsx') throw new Error(`PIPEWORKS_STEP_WORKER must be "tsx" or unset, not "${choice}"`);

export default await loadWorker('step-worker', new URL('./step-worker.ts', import.meta.url), { forceTsx: choice && 'PIPEWORKS_STEP_WORKER=tsx' });
