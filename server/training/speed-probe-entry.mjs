// Worker-thread entry for the server's training speed probe: loads the TypeScript probe through
// tsx (as the step worker does) and measures the server's TF.js runtime. Twice, keeping the
// quicker: a fresh thread's first probe ran up to twice as slow (JavaScript and wasm not yet at
// their optimised tiers), while the step workers that train stay warm for a minute between steps.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { initTf } = await import('../../nodes/train/tf-backend.ts');
const { probeTrainingSpeed } = await import('../../nodes/train/mlp-speed-probe.ts');
const { tf } = await initTf(workerData);
const { quicker } = await import('../../engine/training-speed.ts');
const first = await probeTrainingSpeed(tf);
parentPort.postMessage(quicker(first, await probeTrainingSpeed(tf)));
