#!/usr/bin/env node
// The `pipeworks` command. Runs the compiled CLI in dist/cli (bin/cli-build.mjs), compiling it
// first when a source changed since: a call starts in plain Node, without transpiling TypeScript.
// Where it cannot be compiled (no esbuild), it loads the TypeScript sources through tsx instead.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCli, freshCliEntry } from './cli-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

async function compile() {
  try {
    return (await buildCli(root)).entry;
  } catch (error) {
    if (process.env.PIPEWORKS_DEBUG) console.error(error);
    return undefined;
  }
}

const entry = freshCliEntry(root) ?? (await compile());
if (entry) {
  // The entry sets process.exitCode itself.
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  // Node code edited since the last build must not reuse results of the code before.
  const { refreshImplementationHashes } = await import('../server/build/refresh-hashes.ts');
  await refreshImplementationHashes(root);
  const { main } = await import('../server/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
