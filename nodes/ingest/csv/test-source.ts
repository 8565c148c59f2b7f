// Test helper: a re-openable byte source that hands out `bytes` in chunks of a given size.
import type { ByteSource } from './backfill';

export function bytesSource(bytes: Uint8Array, chunkSize = 64 * 1024): ByteSource {
  return async function* () {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  };
}

export function textSource(text: string, chunkSize?: number): ByteSource {
  return bytesSource(new TextEncoder().encode(text), chunkSize);
}
