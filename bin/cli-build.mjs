// The compiled CLI and worker-thread modules: build them, and tell whether the build on disk still
// matches the sources.
// Plain JavaScript on purpose: the freshness check runs on every `pipeworks` call, before any
// TypeScript can be loaded, and must cost a few milliseconds (one stat per source file).
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const OUT_DIR = 'dist/cli';
const ENTRY = 'main.mjs';
/**
 * The worker threads' modules (piscina pools), built beside the CLI so all share chunks and one
 * freshness check: output name → source. Each pool's `*-entry.mjs` loads its build through
 * bin/load-worker.mjs.
 */
export const WORKERS = {
  'step-worker': 'server/runners/step-worker.ts',
  'artifact-worker': 'server/store/artifact-worker.ts',
  'ingest-worker': 'server/datasets/ingest-worker.ts',
  'parquet-worker': 'server/export/parquet-worker.ts',
  'speed-probe': 'server/training/speed-probe-worker.ts',
};
/**
 * Browser scripts built beside the CLI, sharing its freshness check: output name → source. The
 * page a queue worker's headless browser loads (`pipeworks worker --browser`) is one.
 */
export const BROWSER_SCRIPTS = {
  'headless-page': 'components/runner/headless-page.ts',
};
const MANIFEST = 'inputs.json';
/** Names the build in use. Each build has its own folder, so commands running meanwhile keep theirs. */
const POINTER = 'current';
/** How long an older build is kept for commands that started on it and still import its chunks. */
const KEEP_OLD_MS = 10 * 60_000;
/**
 * Left to node_modules: native addons, packages that find files beside themselves at run time, and
 * TF.js (large, loaded only by training). Every other package is bundled: one file parses faster
 * than hundreds of small modules resolved one by one (zod and drizzle alone cost ~0.2 s unbundled).
 */
const EXTERNAL = [
  'better-sqlite3',
  'onnxruntime-node',
  'onnxruntime-web',
  '@duckdb/node-api',
  '@tensorflow/*',
  'piscina',
  'esbuild',
  'tsx',
  'next',
  'prom-client',
  'isolated-vm',
  'playwright-core',
];

/** The entry file of the current build when it was made from exactly the sources on disk now. */
export function freshCliEntry(root) {
  const state = currentBuild(root);
  return state.dir ? path.join(state.dir, ENTRY) : undefined;
}

/**
 * A compiled worker-thread module (a name in WORKERS) when the current build was made from exactly
 * the sources on disk now; else why not.
 */
export function freshWorker(root, name) {
  if (!Object.hasOwn(WORKERS, name)) throw new Error(`No worker named "${name}" is built; known: ${Object.keys(WORKERS).join(', ')}`);
  const state = currentBuild(root);
  return state.dir ? { file: path.join(state.dir, `${name}.mjs`) } : { reason: state.reason };
}

/** A built browser script (a name in BROWSER_SCRIPTS), as freshWorker says. */
export function freshBrowserScript(root, name) {
  if (!Object.hasOwn(BROWSER_SCRIPTS, name)) throw new Error(`No browser script named "${name}" is built; known: ${Object.keys(BROWSER_SCRIPTS).join(', ')}`);
  const state = currentBuild(root);
  return state.dir ? { file: path.join(state.dir, `${name}.js`) } : { reason: state.reason };
}

/** The compiled step worker (server/runners/step-worker-entry.mjs loads it), as freshWorker says. */
export function freshStepWorker(root) {
  return freshWorker(root, 'step-worker');
}

/** The current build's folder when it matches the sources, else the reason it cannot be used. */
function currentBuild(root) {
  let dir;
  let manifest;
  try {
    dir = path.join(root, OUT_DIR, readFileSync(path.join(root, OUT_DIR, POINTER), 'utf8').trim());
    manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return { reason: `there is no build in ${OUT_DIR}` };
  }
  for (const [file, mtimeMs] of Object.entries(manifest.inputs)) {
    try {
      if (statSync(path.join(root, file)).mtimeMs !== mtimeMs) return { reason: `${file} changed since the build in ${OUT_DIR}` };
    } catch {
      return { reason: `${file} is gone since the build in ${OUT_DIR}` };
    }
  }
  return { dir };
}

/** esbuild's options for the CLI and worker-thread build into `outdir` (also read by the import-closure test). */
export function cliBuildOptions(root, outdir) {
  return {
    absWorkingDir: root,
    entryPoints: { main: 'server/cli/main-entry.ts', ...WORKERS },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    metafile: true,
    // Whitespace and syntax only: Node parses ~30% fewer bytes at every start, and names stay as
    // written (no identifier renaming, no __name wrappers), for stack traces and serialized functions.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'silent',
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __pipeworksRequire } from 'node:module'; const require = __pipeworksRequire(import.meta.url);" },
  };
}

/** esbuild's options for the browser scripts: one self-contained script each, for a plain page. */
export function browserBuildOptions(root, outdir) {
  return {
    absWorkingDir: root,
    entryPoints: BROWSER_SCRIPTS,
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    metafile: true,
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'silent',
  };
}

/**
 * Refreshes the node implementation hashes (the bundle embeds them, and they key cached results by
 * the code that runs), then bundles into a new folder and points `current` at it (an atomic rename),
 * so commands started meanwhile, or a second build racing this one, never see half a build.
 */
export async function buildCli(root) {
  const started = performance.now();
  const { build } = await import('esbuild');
  const { register } = await import('tsx/esm/api');
  const unregister = register();
  try {
    const { refreshImplementationHashes } = await import('../server/build/refresh-hashes.ts');
    await refreshImplementationHashes(root);
  } finally {
    await unregister();
  }
  const out = path.join(root, OUT_DIR);
  const name = `build-${Date.now().toString(36)}-${process.pid}`;
  const staging = path.join(out, name);
  // A browser build lists the Node built-ins it left out as "(disabled):crypto": no file to watch.
  const [result, browser] = await Promise.all([build(cliBuildOptions(root, staging)), build(browserBuildOptions(root, staging))]);
  const sources = [...new Set([...Object.keys(result.metafile.inputs), ...Object.keys(browser.metafile.inputs)])].filter((f) => !f.startsWith('node_modules/') && !f.startsWith('(disabled):'));
  sources.push(...['package-lock.json', 'bin/cli-build.mjs']);
  const inputs = Object.fromEntries(sources.sort().map((f) => [f, statSync(path.join(root, f)).mtimeMs]));
  writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify({ inputs }, null, 1)}\n`);
  const pointerTmp = path.join(out, `${POINTER}.${process.pid}.tmp`);
  writeFileSync(pointerTmp, `${name}\n`);
  renameSync(pointerTmp, path.join(out, POINTER));
  removeOldBuilds(out, name);
  return { entry: path.join(staging, ENTRY), seconds: (performance.now() - started) / 1000, files: sources.length };
}

function removeOldBuilds(out, keep) {
  for (const entry of readdirSync(out)) {
    if (!entry.startsWith('build-') || entry === keep) continue;
    const dir = path.join(out, entry);
    try {
      if (Date.now() - statSync(dir).mtimeMs > KEEP_OLD_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another build removed it first.
    }
  }
}
