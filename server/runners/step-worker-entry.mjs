// Worker-thread entry of the step pool (worker-pool.ts). Loads the step worker compiled to plain
// JavaScript beside the CLI (bin/cli-build.mjs → dist/cli/build-*/step-worker.mjs), so a thread
// starts without transpiling TypeScript: a first step used to pay tsx's start-up, seconds on a busy
// machine. The build is used only when it was made from exactly the sources on disk now; otherwise
// (never built, or a source edited since, as in `next dev`) the TypeScript loads through tsx, and
// the thread says so once. PIPEWORKS_STEP_WORKER=tsx forces tsx (the step-start bench compares them).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshStepWorker } from '../../bin/cli-build.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const choice = process.env.PIPEWORKS_STEP_WORKER || undefined;
// server/env.ts refuses any other value at start-up; a process that never read it is told here.
if (choice !== undefined && choice !== 'tsx') throw new Error(`PIPEWORKS_STEP_WORKER must be "tsx" or unset, not "${choice}"`);
const forced = choice === 'tsx';
const compiled = forced ? { reason: 'PIPEWORKS_STEP_WORKER=tsx' } : freshStepWorker(root);

async function loadThroughTsx() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('./step-worker.ts');
}

let mod;
if (compiled.file) {
  mod = await import(pathToFileURL(compiled.file).href);
} else {
  if (!forced) console.warn(`[step worker] not using the compiled step worker (${compiled.reason}): loading TypeScript through tsx, which starts slower; \`npm run build:cli\` compiles it`);
  mod = await loadThroughTsx();
}
export default mod.default;
