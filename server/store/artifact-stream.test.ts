import { readdirSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../db/test-db';
import { readArtifactBytes, sha256Hex, tempDir, writeArtifactBytes, writeArtifactStream } from './artifact-files';

let root: string;
beforeEach(() => {
  root = makeTempDir('pipeworks-artifact-stream-');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function* pieces(...parts: string[]) {
  for (const part of parts) yield new TextEncoder().encode(part);
}

describe('writeArtifactStream', () => {
  it('stores streamed pieces under the hash of their concatenation, and leaves no temp file', async () => {
    const { id, size } = await writeArtifactStream(root, pieces('hel', 'lo', ''));
    expect(id).toBe(sha256Hex(new TextEncoder().encode('hello')));
    expect(size).toBe(5);
    expect(new TextDecoder().decode(await readArtifactBytes(root, id))).toBe('hello');
    expect(readdirSync(tempDir(root))).toEqual([]);
  });

  it('dedupes onto bytes already stored', async () => {
    const stored = await writeArtifactBytes(root, new TextEncoder().encode('same'));
    expect(await writeArtifactStream(root, pieces('sa', 'me'))).toEqual(stored);
    expect(readdirSync(tempDir(root))).toEqual([]);
  });

  it('removes its temp file when the source fails', async () => {
    async function* failing() {
      yield new Uint8Array([1, 2, 3]);
      throw new Error('source broke');
    }
    await expect(writeArtifactStream(root, failing())).rejects.toThrow('source broke');
    expect(readdirSync(tempDir(root))).toEqual([]);
  });
});
