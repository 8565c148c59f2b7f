// What each worker pool's `*-entry.mjs` does to load its module in a new thread: the build compiled
// beside the CLI (bin/cli-build.mjs → dist/cli/build-*/<name>.mjs) when it was made from exactly the
// sources on disk now, so the thread starts without transpiling TypeScript; otherwise (never built,
// or a source edited since, as under `next dev`) the TypeScript source through tsx, saying why once
// per thread. Plain JavaScript: it runs before any TypeScript can be loaded.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshWorker } from './cli-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {string} name a key of WORKERS in bin/cli-build.mjs, e.g. 'step-worker'
 * @param {URL} source the TypeScript module, for tsx
 * @param {{ forceTsx?: string }} [options] forceTsx: why tsx is wanted even with a fresh build (not logged)
 * @returns {Promise<unknown>} the module's default export (piscina's task handler)
 */
export async function loadWorker(name, source, options = {}) {
  const compiled = options.forceTsx ? undefined : freshWorker(root, name);
  if (compiled?.file) return (await import(pathToFileURL(compiled.file).href)).default;
  if (compiled) console.warn(`[${name}] not using the compiled ${name} (${compiled.reason}): loading TypeScript through tsx, which starts slower; \`npm run build:cli\` compiles it`);
  const { register } = await import('tsx/esm/api');
  register();
  return (await import(source.href)).default;
}
