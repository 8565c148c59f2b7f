import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../db/test-db';
import { saveUpload } from './save-upload';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('pipeworks-upload-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function body(...parts: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
}

describe('saveUpload', () => {
  it('writes the whole body to a temp file of its own naming', async () => {
    const saved = await saveUpload(body('a,b\n', '1,2\n'), dir, 100);
    if (!saved.ok) throw new Error('expected the upload to fit');
    expect(saved.size).toBe(8);
    expect(readFileSync(saved.file, 'utf8')).toBe('a,b\n1,2\n');
    expect(saved.file.startsWith(dir)).toBe(true);
  });

  it('stops at the limit, names the line it was on, and keeps nothing', async () => {
    const saved = await saveUpload(body('a,b\n1,2\n', '3,4\n5,6\n'), dir, 10);
    expect(saved).toEqual({ ok: false, line: 3 });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('accepts a body of exactly the limit', async () => {
    expect((await saveUpload(body('12345'), dir, 5)).ok).toBe(true);
  });
});
