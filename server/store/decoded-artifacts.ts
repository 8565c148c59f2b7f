// Decoded artifacts kept for the next preview request: scrolling a table asks for page after page
// of the same artifact, and reading, re-hashing and decoding a large table for each page would
// make every scroll wait. Artifacts are content-addressed and never change, so an entry never goes
// stale; the cache is small and bounded by the artifacts' size.
import type { PortKind } from '../../engine/port-kinds';
import { decodeValue } from '../../nodes/codec';
import type { PortValue } from '../../nodes/values';
import { readArtifactBytes } from './artifact-files';

const MAX_ENTRIES = 4;
const MAX_BYTES = 256 * 1024 * 1024;

interface Entry {
  value: Promise<PortValue>;
  size: number;
}

const entries = new Map<string, Entry>();

export function decodedArtifact(dataDir: string, id: string, kind: PortKind): Promise<PortValue> {
  const key = `${dataDir}\u0000${id}`;
  const hit = entries.get(key);
  if (hit) {
    // Map order is recency: move the hit to the end.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value;
  }
  const entry: Entry = { value: load(dataDir, id, kind, (size) => (entry.size = size)), size: 0 };
  entries.set(key, entry);
  entry.value.then(evict, () => entries.delete(key));
  return entry.value;
}

async function load(dataDir: string, id: string, kind: PortKind, sized: (bytes: number) => void): Promise<PortValue> {
  const bytes = await readArtifactBytes(dataDir, id);
  sized(bytes.byteLength);
  return decodeValue(kind, bytes);
}

function evict(): void {
  let total = [...entries.values()].reduce((sum, e) => sum + e.size, 0);
  for (const [key, entry] of entries) {
    if (entries.size <= MAX_ENTRIES && total <= MAX_BYTES) break;
    entries.delete(key);
    total -= entry.size;
  }
}

/** For tests: start from an empty cache. */
export function clearDecodedArtifacts(): void {
  entries.clear();
}
