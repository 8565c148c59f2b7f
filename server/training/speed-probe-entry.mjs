// Worker-thread entry for the server's training speed probe: loads the TypeScript probe through
// tsx (as the step worker does) and measures the server's TF.js runtime once.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { initTf } = await import('../../nodes/train/tf-backend.ts');
const { probeTrainingSpeed } = await import('../../nodes/train/mlp-speed-probe.ts');
const { tf } = await initTf(workerData);
parentPort.postMessage(await probeTrainingSpeed(tf));
