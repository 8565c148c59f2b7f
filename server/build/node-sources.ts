// Build step beside the implementation hashes: the source text of each built-in node's closure
// (its .node.ts and the in-repo helpers it imports, exactly the files its hash covers), so anyone
// can read what a node does from its inspector. Written to dist/ (not checked in: it is a copy of
// the tree) by bin/node-hashes.mjs, which every build, dev start and CLI start runs.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImplementationHashes } from './implementation-hashes';

export const NODE_SOURCES_FILE = 'dist/node-sources.json';

export interface NodeSources {
  /** The registry hash of the build these sources belong to. */
  registryHash: string;
  /** Node export name (as registry.ts imports it) → its files, the node module first. */
  nodes: Record<string, string[]>;
  /** Repo-relative path → text. */
  files: Record<string, string>;
}

export async function computeNodeSources(root: string, hashes: ImplementationHashes): Promise<NodeSources> {
  const nodes: Record<string, string[]> = {};
  const files: Record<string, string> = {};
  for (const n of hashes.nodes) {
    // The node module, then its own folder's helpers, then the shared ones from nodes/ and engine/.
    const own = path.posix.dirname(n.file);
    const rest = n.files.filter((f) => f !== n.file);
    nodes[n.exportName] = [n.file, ...rest.filter((f) => path.posix.dirname(f) === own), ...rest.filter((f) => path.posix.dirname(f) !== own)];
    for (const f of n.files) files[f] ??= await readFile(path.join(root, f), 'utf8');
  }
  return { registryHash: hashes.registryHash, nodes, files };
}

export async function writeNodeSources(root: string, sources: NodeSources): Promise<void> {
  const target = path.join(root, NODE_SOURCES_FILE);
  await mkdir(path.dirname(target), { recursive: true });
  // Atomic, since a server may be reading it while a CLI start rewrites it.
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(sources));
  await rename(temp, target);
}
