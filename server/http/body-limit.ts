// A request body read whole, up to a limit, whether or not the request says its length: a chunked
// body has no Content-Length to check first, so the limit is counted as the bytes arrive.

/**
 * After a refusal the rest of the body is read and dropped, up to this much, so the client gets
 * our answer and its connection stays usable; an answer sent mid-body resets the connection, and
 * the client's next request on it fails (ECONNRESET) however right the answer was.
 */
const DRAIN_BYTES = 64 * 1024 * 1024;

/** Reads and drops what is left of a body (up to DRAIN_BYTES, then gives up on it). Never throws. */
export async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  try {
    let dropped = 0;
    while (dropped < DRAIN_BYTES) {
      const { done, value } = await reader.read();
      if (done) return;
      dropped += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away; nothing is left to read.
  }
}

/** The body, or null once it passes `maxBytes` (the rest is drained, not kept). Rejects if the stream fails. */
export async function readBodyUpTo(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await discardRest(reader);
      return null;
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

/** True when the request says up front that its body is over `maxBytes`. */
export function declaresMoreThan(req: Request, maxBytes: number): boolean {
  return Number(req.headers.get('content-length') ?? 0) > maxBytes;
}
