// The content-addressed file layer: fs and node:crypto only, so worker threads can use it directly.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ArtifactCorruptError, ArtifactMissingError, InvalidArtifactIdError, StoreFullError } from './artifact-errors';

const ID_PATTERN = /^[0-9a-f]{64}$/;

export function isArtifactId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The only way a file path is derived from an id; a non-id never reaches the file system. */
export function artifactPath(root: string, id: string): string {
  if (!isArtifactId(id)) throw new InvalidArtifactIdError(String(id));
  return path.join(root, 'artifacts', id.slice(0, 2), id.slice(2, 4), id);
}

export function tempDir(root: string): string {
  return path.join(root, 'tmp');
}

export async function writeArtifactBytes(root: string, bytes: Uint8Array): Promise<{ id: string; size: number }> {
  const id = sha256Hex(bytes);
  const target = artifactPath(root, id);
  // A file of the right size at the final path was renamed there whole: the same bytes are stored.
  const existing = await stat(target).catch(() => null);
  if (existing?.isFile() && existing.size === bytes.byteLength) return { id, size: bytes.byteLength };

  await mkdir(tempDir(root), { recursive: true });
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(tempDir(root), `${id}.${randomBytes(8).toString('hex')}`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw full(error, bytes.byteLength);
  }
  await syncDirectory(path.dirname(target));
  return { id, size: bytes.byteLength };
}

/**
 * Stores bytes that arrive in pieces (a large Arrow table streamed by its writer) without joining
 * them in memory: hashed and written to a temp file as they come, then renamed to their id's path.
 */
export async function writeArtifactStream(root: string, chunks: AsyncIterable<Uint8Array>): Promise<{ id: string; size: number }> {
  await mkdir(tempDir(root), { recursive: true });
  const temp = path.join(tempDir(root), `stream.${randomBytes(12).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    const handle = await open(temp, 'wx');
    try {
      for await (const chunk of chunks) {
        hash.update(chunk);
        size += chunk.byteLength;
        await handle.write(chunk);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    const id = hash.digest('hex');
    const target = artifactPath(root, id);
    const existing = await stat(target).catch(() => null);
    if (existing?.isFile() && existing.size === size) {
      await rm(temp, { force: true });
      return { id, size };
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(temp, target);
    await syncDirectory(path.dirname(target));
    return { id, size };
  } catch (error) {
    await rm(temp, { force: true });
    throw full(error, undefined);
  }
}

/** A full disk as a message a person can act on; any other error as it was. */
function full(error: unknown, bytes: number | undefined): unknown {
  return isErrno(error, 'ENOSPC', 'EDQUOT') ? new StoreFullError(bytes, error) : error;
}

// Without this a crash right after rename can lose the directory entry even though the data is on disk.
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms and file systems refuse fsync on a directory; the rename is still atomic.
    if (!isErrno(error, 'EINVAL', 'EPERM', 'EISDIR', 'EBADF')) throw error;
  } finally {
    await handle.close();
  }
}

export async function readArtifactBytes(root: string, id: string): Promise<Buffer> {
  const bytes = await readFile(artifactPath(root, id)).catch((error: unknown) => missingOr(id, error));
  return verified(id, bytes);
}

/** The same as readArtifactBytes, for code inside a database transaction (small JSON artifacts). */
export function readArtifactBytesSync(root: string, id: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(artifactPath(root, id));
  } catch (error) {
    missingOr(id, error);
  }
  return verified(id, bytes);
}

function missingOr(id: string, error: unknown): never {
  if (isErrno(error, 'ENOENT')) throw new ArtifactMissingError(id);
  throw error;
}

function verified(id: string, bytes: Buffer): Buffer {
  const actual = sha256Hex(bytes);
  if (actual !== id) throw new ArtifactCorruptError(id, actual);
  return bytes;
}

/**
 * A synchronous stat behind an async signature: one local stat takes ~20 µs, while fs/promises' stat
 * takes a trip through the thread pool (~0.2 ms, more under load) and builds an Error with a stack
 * for every missing file. The queue asks this several times per step (issue 18's bench).
 */
export async function hasArtifactFile(root: string, id: string): Promise<boolean> {
  return statSync(artifactPath(root, id), { throwIfNoEntry: false })?.isFile() ?? false;
}

/** Names of files under the store whose bytes do not hash to their name, or that sit in the wrong place. */
export async function verifyAllArtifacts(root: string): Promise<string[]> {
  const bad: string[] = [];
  for (const file of await listFiles(path.join(root, 'artifacts'))) {
    const name = path.basename(file);
    const placed = isArtifactId(name) && artifactPath(root, name) === file;
    if (!placed || (await hashFile(file)) !== name) bad.push(name);
  }
  return bad.sort();
}

/**
 * Removes temp files left by writes that crashed before their rename. Only old ones: another
 * process (the CLI, a second server) may be writing into the same store right now.
 */
export async function removeStaleTempFiles(root: string, olderThanMs = 10 * 60_000): Promise<number> {
  const names = await readdir(tempDir(root)).catch(() => [] as string[]);
  const cutoff = Date.now() - olderThanMs;
  let removed = 0;
  for (const name of names) {
    const file = path.join(tempDir(root), name);
    const info = await stat(file).catch(() => null);
    if (info && info.mtimeMs < cutoff) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full) : Promise.resolve([full]);
    }),
  );
  return nested.flat();
}

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function isErrno(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}
