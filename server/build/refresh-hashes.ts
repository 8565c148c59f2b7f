// The CLI's start: rewrite the generated implementation hashes when node sources changed since.
// A checkout without esbuild (dev dependencies left out) keeps the file its build wrote.
import { computeImplementationHashes, writeImplementationHashes } from './implementation-hashes';

export async function refreshImplementationHashes(root: string): Promise<void> {
  try {
    await import('esbuild');
  } catch {
    return;
  }
  await writeImplementationHashes(root, await computeImplementationHashes(root));
}
