// Worker-thread entry of the step pool (worker-pool.ts): the step worker compiled beside the CLI, or
// its TypeScript through tsx where that build is missing or stale (bin/load-worker.mjs). A first
// step used to pay tsx's start-up, seconds on a busy machine. PIPEWORKS_STEP_WORKER=tsx forces tsx
// (the step-start bench compares the two).
import { setPriority } from 'node:os';
import { loadWorker } from '../../bin/load-worker.mjs';

// Steps are batch work: each step thread runs at nice 10, so where the machine's cores are all
// busy, request handling (the studio's event loop, the serving process on the same machine) is
// scheduled first and a training run does not move serving latency; on idle cores a step runs
// as fast as before. On Linux the nice value is per thread and `setPriority(n)` sets the calling
// thread's, so only this worker thread yields. Raising one's own nice value is always allowed;
// where the platform refuses anyway the step runs at the process's priority.
const STEP_NICE = 10;
try {
  setPriority(STEP_NICE);
} catch {
  // not permitted here: run at the process's priority
}

const choice = process.env.PIPEWORKS_STEP_WORKER || undefined;
// server/env.ts refuses any other value at start-up; a process that never read it is told here.
if (choice !== undefined && choice !== 'tsx') throw new Error(`PIPEWORKS_STEP_WORKER must be "tsx" or unset, not "${choice}"`);

export default await loadWorker('step-worker', new URL('./step-worker.ts', import.meta.url), { forceTsx: choice && 'PIPEWORKS_STEP_WORKER=tsx' });
