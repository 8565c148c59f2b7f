// sha256 that runs the same in the browser, a worker and Node (no node:crypto), so a key computed
// by the browser runner matches the one the server computes.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex as nobleBytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256Hex(data: string | Uint8Array): string {
  return nobleBytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}

export function bytesToHex(bytes: Uint8Array): string {
  return nobleBytesToHex(bytes);
}
