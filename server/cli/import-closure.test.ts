// Each CLI command is imported when it runs (server/cli/main.ts), so `pipeworks validate` starts
// without the queue worker, BullMQ, TF.js, ONNX or DuckDB (start-up bar under 0.5 s,
// bench/cli-start.bench.ts). This bundles the CLI the way bin/cli-build.mjs does, in memory, and
// follows the static imports from the chunk that `validate` loads.
import { build, type Metafile } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBuildOptions } from '../../bin/cli-build.mjs';

const HEAVY = /^(node_modules\/(bullmq|ioredis|@ioredis|@tensorflow|onnxruntime-node|onnxruntime-web|@duckdb|piscina)\/|@tensorflow\/|onnxruntime|@duckdb\/|piscina$|server\/queue\/|server\/runners\/|server\/training\/)/;

/** Every input and external module reachable from `entry` through static imports. */
function staticClosure(metafile: Metafile, entry: string): string[] {
  const output = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === entry);
  if (!output) throw new Error(`No chunk has ${entry} as its entry point`);
  const seen = new Set<string>();
  const reached = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const out = metafile.outputs[file];
    for (const input of Object.keys(out.inputs)) reached.add(input);
    for (const imp of out.imports) {
      if (imp.kind !== 'import-statement') continue; // dynamic imports load when their command runs
      if (imp.external) reached.add(imp.path);
      else visit(imp.path);
    }
  };
  visit(output[0]);
  return [...reached];
}

describe('the compiled CLI', () => {
  it('`validate` loads no worker, queue, training or native-runtime code', async () => {
    const root = process.cwd();
    const result = await build({ ...cliBuildOptions(root, path.join(root, 'dist/cli/closure-test')), write: false });
    const validate = staticClosure(result.metafile, 'server/cli/validate.ts');
    expect(validate).toContain('server/pipelines/validate-doc.ts');
    expect(validate.filter((f) => HEAVY.test(f))).toEqual([]);
    // And the check can fail: `worker` does load them.
    expect(staticClosure(result.metafile, 'server/cli/worker.ts').filter((f) => HEAVY.test(f)).length).toBeGreaterThan(0);
  });
});
