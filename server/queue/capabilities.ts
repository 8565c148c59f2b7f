// What a worker has, found by trying rather than by configuration: a capability is claimed only
// when the module really loads here. Routed ones decide which queues the worker serves (step-job.ts).
import { createRequire } from 'node:module';
import { availableParallelism, totalmem } from 'node:os';
import path from 'node:path';
import type { RoutedCapability } from './step-routing';

export interface WorkerCapabilities {
  routed: RoutedCapability[];
  /** Everything, routed or not, as the Workers page shows it. */
  facts: Record<string, boolean | number | string>;
}

/** `memoryBytes` caps what is advertised (`--memory`), for a worker that shares its machine. */
export async function probeCapabilities(options: { testNodes: boolean; memoryBytes?: number }): Promise<WorkerCapabilities> {
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
  return {
    routed,
    facts: {
      sandbox,
      'test-nodes': options.testNodes,
      duckdb: has('@duckdb/node-api'),
      tfjsWasm: has('@tensorflow/tfjs-backend-wasm'),
      memoryBytes: Math.min(totalmem(), options.memoryBytes ?? Infinity),
      cpus: availableParallelism(),
      node: process.version,
    },
  };
}
