// Build step: one implementation hash per built-in node, from the node module and every in-repo
// file it imports (as esbuild prints them: comments, types and layout gone) plus the locked
// versions of the npm packages that closure imports. The result is written to a generated module
// that the server and the browser bundle both load, so both key cached results by the same code.
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, transform, type Loader, type Metafile } from 'esbuild';
import { canonicalJSON } from '../../engine/canonical-json';

export const GENERATED_FILE = 'nodes/implementation-hashes.generated.ts';
/** Bump to invalidate every hash at once, when the way hashes are formed changes. */
const SCHEME = 'pipeworks-implementation-1';
/** Modules every step runs through besides its node: the codec encodes its inputs and outputs. */
const SHARED_BY_EVERY_STEP = ['nodes/codec.ts'];
/**
 * Files a node's code runs through without importing them: user code goes to the sandbox, which
 * strips TypeScript's types with this module (and its sucrase) before running it.
 */
const RUNS_THROUGH: Record<string, readonly string[]> = {
  'nodes/code/run-code.ts': ['nodes/code/strip-types.mjs'],
};
/**
 * Packages a closure does not import but whose version still changes what the node computes:
 * the runners load TF.js backends and hand them to nodes through ctx.ml.
 */
const COMPANIONS: Record<string, readonly string[]> = {
  '@tensorflow/tfjs': ['@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgpu'],
};

export interface NodeHash {
  /** The export registry.ts imports, e.g. `filterRowsNode`. */
  exportName: string;
  file: string;
  hash: string;
  /** In-repo files of the closure (with the modules shared by every step), repo-relative, sorted. */
  files: string[];
  /** name@version of each npm package that counts. */
  packages: string[];
}

export interface ImplementationHashes {
  pipeworksVersion: string;
  /** Hash of every node's hash: two builds with equal registry hashes run equal node code. */
  registryHash: string;
  nodes: NodeHash[];
}

/** The node modules the registry collects, read from its imports (the one collector of nodes). */
export async function registryModules(root: string): Promise<{ exportName: string; file: string }[]> {
  const source = await readFile(path.join(root, 'nodes/registry.ts'), 'utf8');
  const found = [...source.matchAll(/import\s*\{\s*(\w+)\s*\}\s*from\s*'\.\/([^']+\.node\.ts)'/g)];
  if (found.length === 0) throw new Error('nodes/registry.ts imports no *.node.ts module: nothing to hash');
  return found.map((m) => ({ exportName: m[1], file: `nodes/${m[2]}` }));
}

export async function computeImplementationHashes(root: string): Promise<ImplementationHashes> {
  const modules = await registryModules(root);
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: [...modules.map((m) => m.file), ...SHARED_BY_EVERY_STEP, ...Object.values(RUNS_THROUGH).flat()],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'out',
    logLevel: 'silent',
  });
  const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as LockFile;
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const fileHashes = new Map<string, Promise<string>>();
  const hashFile = (file: string) => {
    if (!fileHashes.has(file)) fileHashes.set(file, strippedHash(root, file));
    return fileHashes.get(file)!;
  };
  const nodes = await Promise.all(modules.map(async ({ exportName, file }) => {
    const direct = closure(metafile, [file]).files;
    const extra = direct.flatMap((f) => RUNS_THROUGH[f] ?? []);
    const { files, externals } = closure(metafile, [file, ...SHARED_BY_EVERY_STEP, ...extra]);
    const packages = packageVersions(externals, lock);
    const entries = await Promise.all(files.map(async (f) => [f, await hashFile(f)]));
    const hash = sha256(canonicalJSON({ scheme: SCHEME, files: entries, packages }));
    return { exportName, file, hash, files, packages };
  }));
  const registryHash = sha256(canonicalJSON(nodes.map((n) => [n.exportName, n.hash])));
  return { pipeworksVersion: pkg.version, registryHash, nodes };
}

/** Writes the generated module; returns false when it already held exactly this content. */
export async function writeImplementationHashes(root: string, hashes: ImplementationHashes): Promise<boolean> {
  const target = path.join(root, GENERATED_FILE);
  const text = renderModule(hashes);
  const before = await readFile(target, 'utf8').catch(() => '');
  if (before === text) return false;
  // Atomic, since a CLI starting beside this one may be importing the file right now.
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, target);
  return true;
}

export function renderModule(hashes: ImplementationHashes): string {
  const lines = hashes.nodes.map((n) => `  ${n.exportName}: '${n.hash}',`);
  return [
    '// Generated by bin/node-hashes.mjs (run by `npm run build`, `npm run dev` and the CLI) from each',
    '// node module\'s source closure; see server/build/implementation-hashes.ts. Do not edit.',
    `export const PIPEWORKS_VERSION = '${hashes.pipeworksVersion}';`,
    `export const REGISTRY_HASH = '${hashes.registryHash}';`,
    'export const IMPLEMENTATION_HASHES: Readonly<Record<string, string>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

interface LockFile {
  packages: Record<string, { version?: string }>;
}

function closure(metafile: Metafile, entries: readonly string[]): { files: string[]; externals: Set<string> } {
  const files = new Set<string>();
  const externals = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    const input = metafile.inputs[file];
    if (!input) throw new Error(`esbuild did not read ${file}`);
    files.add(file);
    for (const imp of input.imports) {
      if (imp.external) externals.add(imp.path);
      else if (imp.path !== GENERATED_FILE) visit(imp.path);
    }
  };
  entries.forEach(visit);
  return { files: [...files].sort(), externals };
}

function packageVersions(specifiers: Set<string>, lock: LockFile): string[] {
  const names = new Set<string>();
  for (const spec of specifiers) {
    if (spec.startsWith('node:')) continue;
    const parts = spec.split('/');
    const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    names.add(name);
    for (const companion of COMPANIONS[name] ?? []) names.add(companion);
  }
  return [...names].sort().map((name) => {
    const version = lock.packages[`node_modules/${name}`]?.version;
    if (!version) throw new Error(`Node code imports "${name}", which package-lock.json does not lock`);
    return `${name}@${version}`;
  });
}

const LOADERS: Record<string, Loader> = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.json': 'json' };

/** The file as esbuild prints it: comments, whitespace and types do not change the hash. */
async function strippedHash(root: string, file: string): Promise<string> {
  const source = await readFile(path.join(root, file), 'utf8');
  const loader = LOADERS[path.extname(file)];
  if (!loader) return sha256(source);
  const { code } = await transform(source, { loader, format: 'esm', sourcefile: file, logLevel: 'silent' });
  return sha256(code);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
