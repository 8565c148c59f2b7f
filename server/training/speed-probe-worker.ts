// The server's training speed probe, run in a worker thread of its own (server-speed.ts): the
// step workers' TF.js runtime, measured twice, keeping the quicker. A fresh thread's first probe
// ran up to twice as slow (JavaScript and wasm not yet at their optimised tiers), while the step
// workers that train stay warm for a minute between steps.
import type { MlRuntime } from '../../engine/node-definition';
import { quicker, type BackendSpeed } from '../../engine/training-speed';
import { probeTrainingSpeed } from '../../nodes/train/mlp-speed-probe';
import { initTf } from '../../nodes/train/tf-backend';

export default async function measureServerSpeed(runtime: MlRuntime): Promise<BackendSpeed> {
  const { tf } = await initTf(runtime);
  const first = await probeTrainingSpeed(tf);
  return quicker(first, await probeTrainingSpeed(tf));
}
