#!/usr/bin/env node
// Writes nodes/implementation-hashes.generated.ts from the node sources (see
// server/build/implementation-hashes.ts), and dist/node-sources.json, the text of the same files
// for the inspector's read-only source view (server/build/node-sources.ts). Run by `npm run
// build`, `npm run dev` and the CLI, so every path that runs nodes keys their results by the code
// it actually has.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const started = performance.now();
const root = fileURLToPath(new URL('..', import.meta.url));
const { computeImplementationHashes, writeImplementationHashes, GENERATED_FILE } = await import('../server/build/implementation-hashes.ts');
const { computeNodeSources, writeNodeSources } = await import('../server/build/node-sources.ts');
const hashes = await computeImplementationHashes(root);
const changed = await writeImplementationHashes(root, hashes);
await writeNodeSources(root, await computeNodeSources(root, hashes));
const seconds = ((performance.now() - started) / 1000).toFixed(2);
if (!process.argv.includes('--quiet') || changed) {
  console.log(`node implementation hashes: ${hashes.nodes.length} nodes in ${seconds} s${changed ? `, ${GENERATED_FILE} updated` : ', unchanged'}`);
}
