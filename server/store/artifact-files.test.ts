import { mkdirSync, readdirSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../db/test-db';
import { ArtifactCorruptError, ArtifactMissingError, InvalidArtifactIdError } from './artifact-errors';
import {
  artifactPath,
  hasArtifactFile,
  isArtifactId,
  readArtifactBytes,
  removeStaleTempFiles,
  sha256Hex,
  tempDir,
  verifyAllArtifacts,
  writeArtifactBytes,
} from './artifact-files';

const bytes = (text: string) => new TextEncoder().encode(text);
let root: string;
beforeEach(() => {
  root = makeTempDir('pipeworks-artifacts-');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('writeArtifactBytes / readArtifactBytes', () => {
  it('round-trips bytes under a sharded sha256 path', async () => {
    const { id, size } = await writeArtifactBytes(root, bytes('hello'));
    expect(id).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect(size).toBe(5);
    expect(artifactPath(root, id)).toBe(path.join(root, 'artifacts', '2c', 'f2', id));
    expect(Buffer.from(await readArtifactBytes(root, id)).toString()).toBe('hello');
    expect(await hasArtifactFile(root, id)).toBe(true);
    expect(readdirSync(tempDir(root))).toEqual([]);
  });

  it('dedupes identical content into one file', async () => {
    const [a, b] = await Promise.all([writeArtifactBytes(root, bytes('same')), writeArtifactBytes(root, bytes('same'))]);
    const c = await writeArtifactBytes(root, bytes('same'));
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(readdirSync(path.dirname(artifactPath(root, a.id)))).toEqual([a.id]);
  });

  it('replaces a truncated file at the final path instead of trusting it', async () => {
    const id = sha256Hex(bytes('complete'));
    mkdirSync(path.dirname(artifactPath(root, id)), { recursive: true });
    writeFileSync(artifactPath(root, id), 'comp');
    await writeArtifactBytes(root, bytes('complete'));
    expect(Buffer.from(await readArtifactBytes(root, id)).toString()).toBe('complete');
  });

  it('detects corruption on read', async () => {
    const { id } = await writeArtifactBytes(root, bytes('original'));
    writeFileSync(artifactPath(root, id), 'tampered');
    await expect(readArtifactBytes(root, id)).rejects.toBeInstanceOf(ArtifactCorruptError);
    await expect(readArtifactBytes(root, id)).rejects.toMatchObject({ code: 'artifact_corrupt' });
  });

  it('reports a missing artifact with its code', async () => {
    const id = sha256Hex(bytes('never written'));
    await expect(readArtifactBytes(root, id)).rejects.toBeInstanceOf(ArtifactMissingError);
    await expect(readArtifactBytes(root, id)).rejects.toMatchObject({ code: 'artifact_missing' });
  });

  it('removes its temp file when the final rename fails', async () => {
    const id = sha256Hex(bytes('blocked'));
    // A non-empty directory squatting on the final path makes rename fail.
    mkdirSync(path.join(artifactPath(root, id), 'squatter'), { recursive: true });
    await expect(writeArtifactBytes(root, bytes('blocked'))).rejects.toThrow();
    expect(readdirSync(tempDir(root))).toEqual([]);
  });
});

describe('artifact ids', () => {
  const valid = 'a'.repeat(64);
  const attempts = [
    '../etc/passwd',
    '../../' + 'a'.repeat(58),
    '..%2F..%2Fetc%2Fpasswd',
    'aa%2Fbb' + 'a'.repeat(57),
    '/etc/passwd',
    '/' + 'a'.repeat(63),
    'A'.repeat(64),
    'g'.repeat(64),
    'a'.repeat(63),
    'a'.repeat(65),
    valid + '\n',
    ' ' + valid.slice(1),
    'aa/' + 'a'.repeat(61),
    'aa\\' + 'a'.repeat(61),
    '',
  ];

  it('accepts exactly 64 lowercase hex characters', () => {
    expect(isArtifactId(valid)).toBe(true);
    expect(isArtifactId(sha256Hex(bytes('x')))).toBe(true);
    expect(isArtifactId(42)).toBe(false);
  });

  it.each(attempts)('rejects %j before touching the disk', async (attempt) => {
    // The root is a regular file: any fs access under it would fail with ENOTDIR, not our error.
    const fileRoot = path.join(root, 'not-a-dir');
    writeFileSync(fileRoot, '');
    expect(isArtifactId(attempt)).toBe(false);
    expect(() => artifactPath(fileRoot, attempt)).toThrow(InvalidArtifactIdError);
    await expect(readArtifactBytes(fileRoot, attempt)).rejects.toBeInstanceOf(InvalidArtifactIdError);
    await expect(hasArtifactFile(fileRoot, attempt)).rejects.toBeInstanceOf(InvalidArtifactIdError);
  });

  it('maps to invalid_input for the user', () => {
    expect(() => artifactPath(root, '../x')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('verifyAllArtifacts', () => {
  it('lists files whose bytes or place do not match their name', async () => {
    const good = await writeArtifactBytes(root, bytes('good'));
    const torn = await writeArtifactBytes(root, bytes('will be torn'));
    writeFileSync(artifactPath(root, torn.id), 'will b');
    const misplaced = sha256Hex(bytes('misplaced'));
    writeFileSync(path.join(path.dirname(artifactPath(root, good.id)), misplaced), 'misplaced');

    expect(await verifyAllArtifacts(root)).toEqual([misplaced, torn.id].sort());
  });

  it('returns nothing for an empty or absent store', async () => {
    expect(await verifyAllArtifacts(root)).toEqual([]);
  });
});

describe('removeStaleTempFiles', () => {
  it('clears leftovers from crashed writes', async () => {
    mkdirSync(tempDir(root), { recursive: true });
    writeFileSync(path.join(tempDir(root), 'abc.123'), 'partial');
    const old = new Date(Date.now() - 60 * 60_000);
    utimesSync(path.join(tempDir(root), 'abc.123'), old, old);
    writeFileSync(path.join(tempDir(root), 'def.456'), 'being written by another process');
    expect(await removeStaleTempFiles(root)).toBe(1);
    expect(readdirSync(tempDir(root))).toEqual(['def.456']);
  });
});
