// A built-in node's source, for the inspector's read-only view: the files its implementation hash
// covers, as this build has them (dist/node-sources.json, written by bin/node-hashes.mjs).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../engine/errors';
import { builtInExportName } from '../../nodes/registry';
import { NODE_SOURCES_FILE, type NodeSources } from '../build/node-sources';
import { serverRegistry } from './registry';

export interface NodeSourceFile {
  path: string;
  text: string;
}

let cached: { mtimeMs: number; sources: NodeSources } | undefined;

async function loadSources(root: string): Promise<NodeSources> {
  const file = path.join(root, NODE_SOURCES_FILE);
  const info = await stat(file).catch(() => null);
  if (!info) throw new UserError(`This build has no node sources (${NODE_SOURCES_FILE}); run \`npm run node-hashes\` (every build and dev start does)`);
  if (cached?.mtimeMs !== info.mtimeMs) cached = { mtimeMs: info.mtimeMs, sources: JSON.parse(await readFile(file, 'utf8')) as NodeSources };
  return cached.sources;
}

/** The node module first, then its helpers; a code node's own code is in its params, not here. */
export async function nodeSource(type: string, version: number, root = process.cwd()): Promise<{ files: NodeSourceFile[] }> {
  const def = serverRegistry().get(type, version);
  if (!def) throw new UserError(`No node type ${type}@${version}`);
  const name = builtInExportName(type, version);
  const sources = await loadSources(root);
  const files = name ? sources.nodes[name] : undefined;
  if (!files) throw new UserError(`The node sources of this build do not list ${type}@${version}; run \`npm run node-hashes\``);
  return { files: files.map((f) => ({ path: f, text: sources.files[f] ?? '' })) };
}
