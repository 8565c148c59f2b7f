// The CLI's start: rewrite the generated implementation hashes when node sources changed since.
// A checkout without esbuild (dev dependencies left out) keeps the files its build wrote.
import { computeImplementationHashes, writeImplementationHashes } from './implementation-hashes';
import { computeNodeSources, writeNodeSources } from './node-sources';

export async function refreshImplementationHashes(root: string): Promise<void> {
  try {
    await import('esbuild');
  } catch {
    return;
  }
  const hashes = await computeImplementationHashes(root);
  await writeImplementationHashes(root, hashes);
  await writeNodeSources(root, await computeNodeSources(root, hashes));
}
