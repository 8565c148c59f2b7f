// What a worker has, found by trying rather than by configuration: a capability is claimed only
// when the module really loads here. Routed ones decide which queues the worker serves (step-job.ts).
import { createRequire } from 'node:module';
import { availableParallelism, totalmem } from 'node:os';
import path from 'node:path';
import type { HeadlessProbe } from '../../engine/headless-protocol';
import type { RoutedCapability } from './step-routing';

export interface WorkerCapabilities {
  routed: RoutedCapability[];
  /** Everything, routed or not, as the Workers page shows it. */
  facts: Record<string, boolean | number | string>;
}

/**
 * `memoryBytes` caps what is advertised (`--memory`), for a worker that shares its machine.
 * `browser`: what the worker's headless browser measured (`--browser`), already started.
 */
export async function probeCapabilities(options: { testNodes: boolean; memoryBytes?: number; browser?: HeadlessProbe }): Promise<WorkerCapabilities> {
  const sandbox = await import('isolated-vm').then(
    () => true,
    () => false,
  );
  const resolve = createRequire(path.join(process.cwd(), 'package.json')).resolve;
  const has = (name: string) => {
    try {
      resolve(name);
      return true;
    } catch {
      return false;
    }
  };
  const routed: RoutedCapability[] = [];
  if (sandbox) routed.push('sandbox');
  if (options.testNodes) routed.push('test-nodes');
  if (options.browser) routed.push('browser');
  return {
    routed,
    facts: {
      sandbox,
      'test-nodes': options.testNodes,
      ...browserFacts(options.browser),
      duckdb: has('@duckdb/node-api'),
      tfjsWasm: has('@tensorflow/tfjs-backend-wasm'),
      memoryBytes: Math.min(totalmem(), options.memoryBytes ?? Infinity),
      cpus: availableParallelism(),
      node: process.version,
    },
  };
}

/**
 * The headless browser as heartbeat facts (flat: a fact is a boolean, number or short string):
 * its WebGPU adapter and its fastest backend's speed, which placement compares with the server's
 * (server/queue/worker-browser.ts reads them back).
 */
export function browserFacts(probe: HeadlessProbe | undefined): Record<string, boolean | number | string> {
  if (!probe) return { browser: false };
  const fastest = probe.speeds[0];
  return {
    browser: true,
    browserWebgpu: probe.webgpu,
    ...(probe.adapter && { browserAdapter: probe.adapter.slice(0, 200) }),
    ...(fastest && { browserBackend: fastest.backend, browserStepMs: fastest.stepMs, browserMacNs: fastest.macNs, browserSetupMs: fastest.setupMs }),
  };
}
