// The page a queue worker's headless browser loads (`pipeworks worker --browser`, served by
// server/queue/headless-browser.ts): it measures this browser's TF.js backends once, then runs the
// steps the worker hands it through the same browser step runner a tab uses (browser-step.ts).
// Artifacts move over the worker's own loopback server, which holds the worker's local store; the
// worker uploads outputs to the studio as it does for steps its threads run.
// Built by bin/cli-build.mjs as one browser script (no Next.js, no React).
import '@tensorflow/tfjs-backend-webgpu';
import { fastestFirst, type BackendOrder } from '../../engine/backend-order';
import type { StepHooks } from '../../engine/execute-types';
import type { LogLevel } from '../../engine/node-definition';
import { sha256Hex } from '../../engine/hash';
import type { ArtifactRef, PlanStep } from '../../engine/plan';
import type { BackendSpeed } from '../../engine/training-speed';
import { createRegistry } from '../../nodes/registry';
import { probeTrainingSpeed } from '../../nodes/train/mlp-speed-probe';
import { initTf } from '../../nodes/train/tf-backend';
import { memoryArtifactCache } from './artifact-cache';
import { BROWSER_BACKENDS, probeWebGpu } from './browser-ml';
import { runBrowserStepOutcome, type BrowserStepDeps } from './browser-step';
import type { StepOutcome } from '../../nodes/step-runner';
import type { HeadlessMessage, HeadlessProbe } from '../../engine/headless-protocol';

declare global {
  interface Window {
    pipeworksHeadless: {
      probe(): Promise<HeadlessProbe>;
      runStep(jobKey: string, step: PlanStep, inputs: Record<string, ArtifactRef>): Promise<StepOutcome>;
      cancel(jobKey: string): void;
    };
    /** Exposed by the worker (Playwright's exposeFunction): a step's log and progress lines. */
    pipeworksStepMessage?: (jobKey: string, message: HeadlessMessage) => Promise<void>;
  }
}

// The worker registered the test-only nodes or not; routing sends it only steps it may run.
const registry = createRegistry({ testNodes: true });
// Relative to the page, which the worker serves under a secret path of its own.
const base = new URL('.', location.href).href;
const wasmPath = `${base}tfjs-wasm/`;
const cache = memoryArtifactCache(256 * 2 ** 20);
const controllers = new Map<string, AbortController>();
let order: BackendOrder = { backends: [...BROWSER_BACKENDS], speeds: [] };

async function failure(res: Response, what: string): Promise<Error> {
  return new Error(`${what} failed: ${(await res.text().catch(() => '')) || `HTTP ${res.status}`}`);
}

const link: BrowserStepDeps['link'] = {
  async hasArtifact(id) {
    const res = await fetch(`${base}artifacts/${id}`, { method: 'HEAD' });
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    throw await failure(res, `Asking the worker for artifact ${id.slice(0, 12)}…`);
  },
  async uploadArtifact(id, kind, bytes) {
    const res = await fetch(`${base}artifacts/${id}?kind=${kind}`, { method: 'PUT', body: bytes as BodyInit });
    if (!res.ok) throw await failure(res, `Handing artifact ${id.slice(0, 12)}… to the worker`);
  },
  async downloadArtifact(id) {
    const res = await fetch(`${base}artifacts/${id}`);
    if (!res.ok) throw await failure(res, `Reading artifact ${id.slice(0, 12)}… from the worker`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (sha256Hex(bytes) !== id) throw new Error(`Artifact ${id.slice(0, 12)}… arrived damaged (its bytes do not match its hash)`);
    return bytes;
  },
  async readBundled(relativePath) {
    const res = await fetch(`${base}bundled/${relativePath}`);
    if (!res.ok) throw await failure(res, `Reading bundled file "${relativePath}"`);
    return new Uint8Array(await res.arrayBuffer());
  },
};

/** What this browser offers: its WebGPU adapter, and each backend's speed on the probe (the tab's probe, nodes/train/mlp-speed-probe.ts). */
async function probe(): Promise<HeadlessProbe> {
  const webgpu = await probeWebGpu();
  const speeds: BackendSpeed[] = [];
  const failed: { backend: string; reason: string }[] = [];
  for (const backend of BROWSER_BACKENDS) {
    // The runner reaches cpu only when every other backend failed: not worth timing otherwise.
    if (backend === 'cpu' && speeds.length > 0) continue;
    try {
      const { tf } = await initTf({ backends: [backend], wasmPath });
      speeds.push(await probeTrainingSpeed(tf));
    } catch (error) {
      failed.push({ backend, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  order = fastestFirst(BROWSER_BACKENDS, { speeds, failed });
  return { webgpu: webgpu.offer, ...(webgpu.adapter && { adapter: webgpu.adapter }), speeds: order.speeds, failed, backends: order.backends, registryHash: registry.build?.registryHash ?? null, userAgent: navigator.userAgent };
}

async function runStep(jobKey: string, step: PlanStep, inputs: Record<string, ArtifactRef>): Promise<StepOutcome> {
  const controller = new AbortController();
  controllers.set(jobKey, controller);
  const send = (message: HeadlessMessage) => void window.pipeworksStepMessage?.(jobKey, message).catch(() => {});
  const hooks: StepHooks = {
    signal: controller.signal,
    log: (level: LogLevel, message: string) => send({ type: 'log', level, message }),
    progress: (fraction, message, data) => send({ type: 'progress', fraction, ...(message !== undefined && { message }), ...(data !== undefined && { data }) }),
  };
  try {
    // A node's failure is part of the outcome (nodes/step-runner.ts never throws it).
    return await runBrowserStepOutcome({ link, cache, registry, backends: order.backends, ...(order.note && { backendChoice: order.note }), wasmPath }, step, inputs, hooks);
  } finally {
    controllers.delete(jobKey);
  }
}

window.pipeworksHeadless = { probe, runStep, cancel: (jobKey) => controllers.get(jobKey)?.abort() };
