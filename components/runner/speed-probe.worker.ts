// The training speed probe's Web Worker: times the MLP probe (nodes/train/mlp-speed-probe.ts) on
// each TF.js backend in the runner's order. A worker of its own, not the runner's: switching
// backends here never disturbs a run in flight, and closing it frees the GPU memory it used.
/// <reference lib="webworker" />
import '@tensorflow/tfjs-backend-webgpu';
import { probeTrainingSpeed } from '../../nodes/train/mlp-speed-probe';
import { initTf } from '../../nodes/train/tf-backend';
import type { FromSpeedProbe, ToSpeedProbe } from './speed-probe-protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromSpeedProbe) => self.postMessage(message);

self.onmessage = (e: MessageEvent<ToSpeedProbe>) => void probeAll(e.data);

async function probeAll({ backends, wasmPath }: ToSpeedProbe): Promise<void> {
  let measured = false;
  for (const backend of backends) {
    // The runner reaches the cpu backend only when every other failed; no need to time it otherwise.
    if (backend === 'cpu' && measured) continue;
    try {
      const { tf } = await initTf({ backends: [backend], wasmPath });
      post({ type: 'speed', speed: await probeTrainingSpeed(tf) });
      measured = true;
    } catch (error) {
      post({ type: 'failed', backend, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  post({ type: 'done' });
}
