// Streams an HTTP request body into a temp file of the server's choosing, stopping at the size
// limit. Nothing is held in memory beyond one chunk; lines are counted so an over-size file's
// error can name the line where the limit fell.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { discardRest } from '../http/body-limit';

export type SavedUpload = { ok: true; file: string; size: number } | { ok: false; line: number };

export async function saveUpload(body: ReadableStream<Uint8Array>, dir: string, maxBytes: number): Promise<SavedUpload> {
  const reader = body.getReader();
  const file = path.join(dir, `upload.${randomBytes(12).toString('hex')}`);
  const handle = await mkdir(dir, { recursive: true })
    .then(() => open(file, 'wx'))
    .catch(async (error: unknown) => {
      await discardRest(reader);
      throw error;
    });
  let size = 0;
  let lines = 1;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { ok: true, file, size };
      const room = maxBytes - size;
      const part = value.length > room ? value.subarray(0, room) : value;
      for (let i = 0; i < part.length; i++) if (part[i] === 10) lines++;
      await handle.write(part);
      size += part.length;
      if (part.length < value.length) {
        await discardRest(reader);
        await rm(file, { force: true });
        return { ok: false, line: lines };
      }
    }
  } catch (error) {
    // A write that failed (a full disk) leaves the body half read: drain it, so the client gets
    // the answer on a connection it can use again.
    await discardRest(reader);
    await rm(file, { force: true });
    throw error;
  } finally {
    await handle.close();
  }
}
